/** Writes RainbowKit's theme stylesheet (lib/wallet/wallet-theme.ts says why it is generated). */
import fs from 'node:fs';
import path from 'node:path';
import { WALLET_THEME_CSS_FILE, walletThemeCss } from '../lib/wallet/wallet-theme';

fs.writeFileSync(path.join(process.cwd(), WALLET_THEME_CSS_FILE), walletThemeCss());
console.log(`wrote ${WALLET_THEME_CSS_FILE}`);
