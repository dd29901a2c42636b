import type { Address } from 'viem';
import { poolKey } from '../chain/pool-key';

/** The figures of one position that add up across pools (all USDC base units). */
export type PositionFigures = {
  value: bigint;
  costBasis: bigint;
  unrealisedPnl: bigint;
  realisedPnl: bigint;
  revenueClaimed: bigint;
  claimableRevenue: bigint;
  totalReturn: bigint;
};

export type PortfolioTotals = {
  value: bigint;
  costBasis: bigint;
  unrealisedPnl: bigint;
  realisedPnl: bigint;
  claimed: bigint;
  claimable: bigint;
  /** Unrealised plus realised P&L plus yield claimed and claimable: everything the capital has earned. */
  totalReturn: bigint;
};

export function portfolioTotals(positions: readonly PositionFigures[]): PortfolioTotals {
  const totals: PortfolioTotals = {
    value: 0n,
    costBasis: 0n,
    unrealisedPnl: 0n,
    realisedPnl: 0n,
    claimed: 0n,
    claimable: 0n,
    totalReturn: 0n,
  };
  for (const p of positions) {
    totals.value += p.value;
    totals.costBasis += p.costBasis;
    totals.unrealisedPnl += p.unrealisedPnl;
    totals.realisedPnl += p.realisedPnl;
    totals.claimed += p.revenueClaimed;
    totals.claimable += p.claimableRevenue;
    totals.totalReturn += p.totalReturn;
  }
  return totals;
}

/** A position in a pool or in one of a tranched pool's tranches: both count under their pool. */
export type Holding = PositionFigures & { chainId?: number; pool: Address; shares: bigint };

/** How many pools the positions hold shares in, a tranched pool once whichever of its tranches are held. */
export function poolsHeld(positions: readonly Holding[]): number {
  return new Set(positions.filter((p) => p.shares > 0n).map((p) => poolKey(p.chainId, p.pool))).size;
}
