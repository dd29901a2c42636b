'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';

export function ConnectWalletButton() {
  return (
    // Fixed height so the header does not move while the wallet state hydrates.
    <div className="flex h-10 min-w-[8.5rem] items-center justify-end">
      <ConnectButton
        showBalance={false}
        chainStatus={{ smallScreen: 'icon', largeScreen: 'icon' }}
        accountStatus={{ smallScreen: 'avatar', largeScreen: 'address' }}
      />
    </div>
  );
}
