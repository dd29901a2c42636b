/** The bucket sizes every time-series endpoint of the indexer accepts. */
export const CHART_INTERVALS = ['day', 'week', 'month'] as const;
export type ChartInterval = (typeof CHART_INTERVALS)[number];

/**
 * How far back each bucket size looks: enough buckets to read a trend, few enough that bars stay wide on a
 * phone (90 daily bars, 26 weekly, 12 monthly).
 */
export const CHART_WINDOW_DAYS: Record<ChartInterval, number> = { day: 90, week: 180, month: 365 };

const NOUN: Record<ChartInterval, string> = { day: 'day', week: 'week', month: 'month' };

/** A `?interval=` search param (string, repeated, or absent) to a bucket size; anything else is the fallback. */
export function parseChartInterval(
  raw: string | string[] | undefined,
  fallback: ChartInterval = 'week',
): ChartInterval {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (CHART_INTERVALS as readonly string[]).includes(value ?? '') ? (value as ChartInterval) : fallback;
}

/** "per week, last 180 days": what a chart's buckets and window are, for its caption. */
export function describeChartWindow(interval: ChartInterval): string {
  return `per ${NOUN[interval]}, last ${CHART_WINDOW_DAYS[interval]} days`;
}
