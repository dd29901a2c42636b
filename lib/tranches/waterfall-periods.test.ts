import { describe, expect, it } from 'vitest';
import { waterfallPeriods, waterfallTotals } from './waterfall-periods';

const split = (block: bigint, day: number, revenue: bigint, fee: bigint, senior: bigint, carried: bigint) => ({
  blockNumber: block,
  timestamp: BigInt(day * 86_400 + 3_600),
  txHash: `0x${'ab'.repeat(32)}`,
  revenue,
  fee,
  senior,
  junior: revenue - fee - senior,
  carried,
});

describe('waterfallPeriods', () => {
  it('keeps one period per distribution day, oldest first, with the carried interest after it', () => {
    const periods = waterfallPeriods([
      split(20n, 108, 10_000n, 1_000n, 6_000n, 0n),
      split(10n, 101, 3_000n, 300n, 2_700n, 1_500n),
    ]);
    expect(periods.map((p) => p.day)).toEqual([101, 108]);
    expect(periods[0]).toMatchObject({ junior: 0n, carried: 1_500n });
    expect(periods[1]).toMatchObject({ junior: 3_000n, carried: 0n });
  });

  it('sums two distributions of one day and keeps the last one’s carried figure', () => {
    const [period] = waterfallPeriods([split(1n, 5, 100n, 10n, 90n, 7n), split(2n, 5, 50n, 5n, 20n, 0n)]);
    expect(period).toEqual({
      day: 5,
      timestamp: 5n * 86_400n + 3_600n,
      revenue: 150n,
      fee: 15n,
      senior: 110n,
      junior: 25n,
      carried: 0n,
    });
  });

  it('accounts for every base unit: fee + senior + junior = revenue', () => {
    const totals = waterfallTotals(
      waterfallPeriods([split(1n, 1, 999_999n, 99_999n, 500_001n, 0n), split(2n, 8, 7n, 0n, 7n, 3n)]),
    );
    expect(totals.fee + totals.senior + totals.junior).toBe(totals.revenue);
  });
});
