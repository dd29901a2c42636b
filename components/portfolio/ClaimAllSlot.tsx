'use client';

import { lazy } from 'react';
import type { Address } from 'viem';
import { WalletIsland } from '@/components/wallet/WalletIsland';
import type { ClaimablePools } from '@/lib/portfolio/claimable-pools';

const loadClaimAllPanel = () => import('./ClaimAllPanel').then((m) => ({ default: m.ClaimAllPanel }));
const ClaimAllPanel = lazy(loadClaimAllPanel);

/** "Claim all" for the portfolio's owner once their wallet is connected; nothing (and no wallet code) for others. */
export function ClaimAllSlot({ owner, chains }: { owner: Address; chains: ClaimablePools[] }) {
  if (chains.length === 0) return null;
  return (
    <WalletIsland fallback={null} load={loadClaimAllPanel}>
      <ClaimAllPanel owner={owner} chains={chains} />
    </WalletIsland>
  );
}
