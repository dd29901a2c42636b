'use client';

import { loadable } from '@/lib/react/loadable';
import { WalletConnectPrompt, WalletIsland } from './WalletIsland';

const ConnectWalletButton = loadable(() =>
  import('./ConnectWalletButton').then((m) => ({ default: m.ConnectWalletButton })),
);

/**
 * The header's wallet button. For a visitor who has not connected, a plain button of RainbowKit's look and name
 * that loads the wallet on press and opens its modal; RainbowKit's own button once the wallet is wanted.
 */
export function HeaderWallet() {
  return (
    <WalletIsland fallback={<ConnectPlaceholder />} load={ConnectWalletButton.load}>
      <ConnectWalletButton />
    </WalletIsland>
  );
}

function ConnectPlaceholder() {
  return (
    // The same box as ConnectWalletButton's, so nothing moves when one gives way to the other.
    <div className="flex h-10 min-w-[8.5rem] items-center justify-end">
      <WalletConnectPrompt
        label="Connect Wallet"
        className="h-10 rounded-[10px] bg-accent px-3 text-sm font-bold text-accent-ink shadow-sm transition hover:scale-[1.025] sm:px-3.5 sm:text-base"
      />
    </div>
  );
}
