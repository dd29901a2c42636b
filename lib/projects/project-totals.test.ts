import { describe, expect, it } from 'vitest';
import type { ProjectPool, ProjectTranchedPool } from '../indexer/wire';
import { projectTotals } from './project-totals';

const usdc = (n: number) => BigInt(n) * 1_000_000n;

const single = {
  totalAssets: usdc(1_000_000),
  outstandingPrincipal: usdc(800_000),
  deployedTotal: usdc(900_000),
  repaidTotal: usdc(100_000),
  writtenDownTotal: 0n,
  revenueNet: usdc(40_000),
} as ProjectPool;

const tranched = {
  totalValue: usdc(2_500_000),
  outstandingPrincipal: usdc(2_000_000),
  deployedTotal: usdc(2_600_000),
  repaidTotal: usdc(300_000),
  writtenDownTotal: usdc(300_000),
  revenueNet: usdc(90_000),
} as ProjectTranchedPool;

describe('projectTotals', () => {
  it('adds a tranched pool’s value and ledger to the single pools’', () => {
    expect(projectTotals([single], [tranched], [{ units: 64 }, { units: 48 }])).toEqual({
      tvl: usdc(3_500_000),
      outstanding: usdc(2_800_000),
      deployed: usdc(3_500_000),
      repaid: usdc(400_000),
      writtenDown: usdc(300_000),
      revenueNet: usdc(130_000),
      units: 112,
    });
  });

  it('is the single pools’ alone without tranched pools, and nothing without pools', () => {
    expect(projectTotals([single], [], [{ units: 64 }]).tvl).toBe(usdc(1_000_000));
    expect(projectTotals([], [], [])).toEqual({
      tvl: 0n,
      outstanding: 0n,
      deployed: 0n,
      repaid: 0n,
      writtenDown: 0n,
      revenueNet: 0n,
      units: 0,
    });
  });
});
