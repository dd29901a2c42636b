'use client';

import { loadable } from '@/lib/react/loadable';
import type { Address } from 'viem';
import { WalletIsland } from '@/components/wallet/WalletIsland';
import type { ClaimablePools } from '@/lib/portfolio/claimable-pools';

const ClaimAllPanel = loadable(() => import('./ClaimAllPanel').then((m) => ({ default: m.ClaimAllPanel })));

/** "Claim all" for the portfolio's owner once their wallet is connected; nothing (and no wallet code) for others. */
export function ClaimAllSlot({ owner, chains }: { owner: Address; chains: ClaimablePools[] }) {
  if (chains.length === 0) return null;
  return (
    <WalletIsland fallback={null} load={ClaimAllPanel.load}>
      <ClaimAllPanel owner={owner} chains={chains} />
    </WalletIsland>
  );
}
