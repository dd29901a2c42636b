import type { ProjectPool, ProjectTranchedPool } from '../indexer/wire';

export type ProjectTotals = {
  tvl: bigint;
  outstanding: bigint;
  deployed: bigint;
  repaid: bigint;
  writtenDown: bigint;
  revenueNet: bigint;
  units: number;
};

/** The ledger totals both kinds of pool answer under the same names. */
type LedgerField = 'outstandingPrincipal' | 'deployedTotal' | 'repaidTotal' | 'writtenDownTotal' | 'revenueNet';

/**
 * A project's track record: the sums of its pools' ledgers, single and tranched alike, which are what
 * /api/projects sums in SQL (a handful of exact bigints, so adding them here gives the same figures without a
 * second request). A tranched pool's value is both its tranches'; its net revenue what they received after the fee.
 */
export function projectTotals(
  pools: ProjectPool[],
  tranchedPools: ProjectTranchedPool[],
  assets: { units: number }[],
): ProjectTotals {
  const sum = <R>(rows: R[], pick: (row: R) => bigint) => rows.reduce((total, row) => total + pick(row), 0n);
  const ledger = (field: LedgerField) => sum(pools, (p) => p[field]) + sum(tranchedPools, (p) => p[field]);
  return {
    tvl: sum(pools, (p) => p.totalAssets) + sum(tranchedPools, (p) => p.totalValue),
    outstanding: ledger('outstandingPrincipal'),
    deployed: ledger('deployedTotal'),
    repaid: ledger('repaidTotal'),
    writtenDown: ledger('writtenDownTotal'),
    revenueNet: ledger('revenueNet'),
    units: assets.reduce((total, asset) => total + asset.units, 0),
  };
}
