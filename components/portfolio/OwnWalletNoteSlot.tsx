'use client';

import { loadable } from '@/lib/react/loadable';
import type { Address } from 'viem';
import { WalletIsland } from '@/components/wallet/WalletIsland';

const OwnWalletNote = loadable(() => import('./OwnWalletNote').then((m) => ({ default: m.OwnWalletNote })));

/** "This is your wallet", once a wallet is connected; nothing (and no wallet code) for anyone else. */
export function OwnWalletNoteSlot({ address }: { address: Address }) {
  return (
    <WalletIsland fallback={null} load={OwnWalletNote.load}>
      <OwnWalletNote address={address} />
    </WalletIsland>
  );
}
