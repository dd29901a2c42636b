import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WALLET_THEME_CSS_FILE, walletThemeCss } from './wallet-theme';

const committed = () => fs.readFileSync(path.join(__dirname, '..', '..', WALLET_THEME_CSS_FILE), 'utf8');

describe('wallet theme stylesheet', () => {
  it('is what RainbowKit makes of the theme today (else: npm run codegen:wallet-theme)', () => {
    expect(committed()).toBe(walletThemeCss());
  });

  it("follows the reader's choice over the system's scheme", () => {
    const css = committed();
    expect(css).toMatch(/^\[data-rk\]\{[^}]*--rk-colors-accentColor:#0d766e;/m);
    expect(css).toMatch(/^html\.dark \[data-rk\]\{[^}]*--rk-colors-accentColor:#2dd4bf;/m);
    // The system's dark scheme, unless the reader chose light.
    expect(css).toMatch(
      /^@media \(prefers-color-scheme:dark\)\{html:not\(\.light\) \[data-rk\]\{[^}]*--rk-colors-accentColor:#2dd4bf;/m,
    );
  });
});
