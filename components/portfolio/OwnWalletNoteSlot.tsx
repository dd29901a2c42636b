'use client';

import { lazy } from 'react';
import type { Address } from 'viem';
import { WalletIsland } from '@/components/wallet/WalletIsland';

const loadOwnWalletNote = () => import('./OwnWalletNote').then((m) => ({ default: m.OwnWalletNote }));
const OwnWalletNote = lazy(loadOwnWalletNote);

/** "This is your wallet", once a wallet is connected; nothing (and no wallet code) for anyone else. */
export function OwnWalletNoteSlot({ address }: { address: Address }) {
  return (
    <WalletIsland fallback={null} load={loadOwnWalletNote}>
      <OwnWalletNote address={address} />
    </WalletIsland>
  );
}
