import { CHART_WINDOW_DAYS, type ChartInterval } from './chart-interval';

/** The windows a chart can look back over, in days. */
export const CHART_RANGES = [30, 90, 180, 365] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

/** A `?range=` search param to a window; otherwise the interval's natural window (90 daily, 26 weekly, …). */
export function parseChartRange(raw: string | string[] | undefined, interval: ChartInterval): ChartRange {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return (CHART_RANGES as readonly number[]).includes(value)
    ? (value as ChartRange)
    : (CHART_WINDOW_DAYS[interval] as ChartRange);
}

/** Cumulative sums of a USDC series over the window, bucket by bucket. */
export function runningTotal(values: readonly bigint[]): bigint[] {
  let sum = 0n;
  return values.map((v) => (sum += v));
}
