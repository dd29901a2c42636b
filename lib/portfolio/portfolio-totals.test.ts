import { describe, expect, it } from 'vitest';
import { poolsHeld, portfolioTotals, type PositionFigures } from './portfolio-totals';

function position(value: bigint, costBasis: bigint, realisedPnl: bigint, claimed: bigint, claimable: bigint) {
  const unrealisedPnl = value - costBasis;
  return {
    value,
    costBasis,
    unrealisedPnl,
    realisedPnl,
    revenueClaimed: claimed,
    claimableRevenue: claimable,
    totalReturn: unrealisedPnl + realisedPnl + claimed + claimable,
  } satisfies PositionFigures;
}

describe('portfolio totals', () => {
  it('are zero for an empty portfolio', () => {
    expect(portfolioTotals([])).toEqual({
      value: 0n,
      costBasis: 0n,
      unrealisedPnl: 0n,
      realisedPnl: 0n,
      claimed: 0n,
      claimable: 0n,
      totalReturn: 0n,
    });
  });

  it('add every figure exactly, gains and losses together', () => {
    // Figures of anvil account 2 in the seeded world: one pool at par, one written down.
    const totals = portfolioTotals([
      position(1_275_000_000000n, 1_275_000_000000n, 0n, 101_505_244972n, 13_859_235626n),
      position(398_674_428969n, 450_000_000000n, 0n, 41_152_986275n, 4_716_204822n),
    ]);
    expect(totals.value).toBe(1_673_674_428969n);
    expect(totals.costBasis).toBe(1_725_000_000000n);
    expect(totals.unrealisedPnl).toBe(-51_325_571031n);
    expect(totals.claimed).toBe(142_658_231247n);
    expect(totals.claimable).toBe(18_575_440448n);
    expect(totals.totalReturn).toBe(109_908_100664n);
    // The identity each position's total return follows holds for the sum too.
    expect(totals.totalReturn).toBe(totals.unrealisedPnl + totals.realisedPnl + totals.claimed + totals.claimable);
  });

  it('keep realised P&L of partial exits', () => {
    const totals = portfolioTotals([position(500n, 480n, -20n, 0n, 0n), position(0n, 0n, 35n, 10n, 0n)]);
    expect(totals.realisedPnl).toBe(15n);
    expect(totals.totalReturn).toBe(20n + 15n + 10n);
  });
});

describe('pools held', () => {
  const at = (pool: string, shares: bigint, chainId?: number) => ({
    ...position(shares, shares, 0n, 0n, 0n),
    pool: pool as `0x${string}`,
    shares,
    chainId,
  });
  const A = '0x00000000000000000000000000000000000000aa';
  const T = '0x00000000000000000000000000000000000000bb';

  it('count a tranched pool once whichever of its tranches are held, and not pools left', () => {
    // A pool, both tranches of a tranched pool, and a pool exited (no shares).
    expect(poolsHeld([at(A, 5n), at(T, 1n), at(T, 2n), at('0x00000000000000000000000000000000000000cc', 0n)])).toBe(2);
  });

  it('count the same address on two chains as two pools', () => {
    expect(poolsHeld([at(A, 1n, 84532), at(A, 1n, 11155111)])).toBe(2);
  });
});
