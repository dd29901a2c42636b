import { describe, expect, it } from 'vitest';
import type { AccountPosition } from '@/lib/indexer/wire';
import { claimablePools } from './claimable-pools';

const position = (chainId: number | undefined, pool: string, shares: bigint, claimableRevenue: bigint) =>
  ({ chainId, pool, poolName: `Pool ${pool.slice(-1)}`, shares, claimableRevenue }) as unknown as AccountPosition;

describe('claimablePools', () => {
  it('keeps pools held or still owing yield, grouped by chain (a row without one is on the served chain), and drops those fully left', () => {
    const groups = claimablePools(
      [
        position(8453, '0x0000000000000000000000000000000000000001', 5n, 0n),
        position(31337, '0x0000000000000000000000000000000000000002', 0n, 7n),
        position(31337, '0x0000000000000000000000000000000000000003', 0n, 0n),
        position(undefined, '0x0000000000000000000000000000000000000004', 9n, 1n),
      ],
      31337,
    );
    expect(groups.map((g) => [g.chainId, g.pools.map((p) => p.name)])).toEqual([
      [8453, ['Pool 1']],
      [31337, ['Pool 2', 'Pool 4']],
    ]);
    expect(groups[0]!.chainName).toBe('Base');
  });

  it('has nothing to offer a portfolio that holds nothing', () => {
    expect(claimablePools([], 31337)).toEqual([]);
  });
});
