import type { WaterfallSplit } from '../indexer/tranche-wire';

const DAY = 86_400n;

/** Where one day's distributions went: fee, senior, junior, and the senior interest still owed after them. */
export type WaterfallPeriod = {
  /** Days since the epoch (UTC) of the distribution. */
  day: number;
  /** When the (last) distribution of the day was made, unix seconds: what the table dates a row by. */
  timestamp: bigint;
  revenue: bigint;
  fee: bigint;
  senior: bigint;
  junior: bigint;
  /** Senior interest the period's revenue could not pay: carried, and paid first the next time. */
  carried: bigint;
};

/**
 * The waterfall of each period, oldest first: the pool distributes once a week, so a period is a distribution;
 * two on one day are one period (their parts summed, the carried figure the last one's).
 */
export function waterfallPeriods(splits: readonly WaterfallSplit[]): WaterfallPeriod[] {
  const byDay = new Map<number, WaterfallPeriod>();
  const ordered = [...splits].sort((a, b) =>
    a.blockNumber < b.blockNumber ? -1 : a.blockNumber > b.blockNumber ? 1 : 0,
  );
  for (const split of ordered) {
    const day = Number(split.timestamp / DAY);
    const period = byDay.get(day) ?? {
      day,
      timestamp: split.timestamp,
      revenue: 0n,
      fee: 0n,
      senior: 0n,
      junior: 0n,
      carried: 0n,
    };
    period.revenue += split.revenue;
    period.fee += split.fee;
    period.senior += split.senior;
    period.junior += split.junior;
    period.carried = split.carried;
    period.timestamp = split.timestamp;
    byDay.set(day, period);
  }
  return [...byDay.values()];
}

/** The totals of a list of periods: where every dollar of revenue went. */
export function waterfallTotals(periods: readonly WaterfallPeriod[]) {
  return periods.reduce(
    (t, p) => ({
      revenue: t.revenue + p.revenue,
      fee: t.fee + p.fee,
      senior: t.senior + p.senior,
      junior: t.junior + p.junior,
    }),
    { revenue: 0n, fee: 0n, senior: 0n, junior: 0n },
  );
}
