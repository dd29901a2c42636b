import type { ChartInterval } from './chart-interval';

const DAY_MS = 86_400_000;

/**
 * A series bucket (days since the epoch, UTC, the bucket's first day) as text in the reader's locale. The
 * indexer buckets by UTC day, so the label is formatted in UTC too: in the reader's own zone a bucket
 * could show as the day before.
 *
 * - `axis`: short, for ticks: "Jun 3" (day, week), "Jun 2026" (month).
 * - `full`: for tooltips: "Jun 3, 2026", "Week of Jun 3, 2026", "June 2026".
 */
export function dayLabel(
  day: number,
  interval: ChartInterval,
  style: 'axis' | 'full' = 'full',
  locale?: string | string[],
): string {
  const date = new Date(day * DAY_MS);
  if (interval === 'month') {
    return date.toLocaleDateString(locale, {
      timeZone: 'UTC',
      month: style === 'axis' ? 'short' : 'long',
      year: 'numeric',
    });
  }
  if (style === 'axis') return date.toLocaleDateString(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const text = date.toLocaleDateString(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  return interval === 'week' ? `Week of ${text}` : text;
}
