/** Time series: days grouped into weeks or months in SQL, and the query every series endpoint takes. */
import { sql } from 'ponder';
import { z } from 'zod';
import { wholeNumber } from './validation';

export type SQL = ReturnType<typeof sql>;
export type Interval = 'day' | 'week' | 'month';

export const interval = z.enum(['day', 'week', 'month']).default('day');

/** `?interval=day|week|month&days=N` (from 7 to 3650, `fallback` when absent). */
export const seriesQuery = (fallbackDays: number) =>
  z.object({ interval, days: wholeNumber(7, 3650).default(fallbackDays) });

/** The first day of the bucket `day` falls in (UTC weeks start on Monday). */
export function bucket(size: Interval, day: SQL) {
  if (size === 'day') return sql`${day}`;
  return sql`(extract(epoch from date_trunc(${size}, to_timestamp(${day}::bigint * 86400) at time zone 'UTC')) / 86400)::int`;
}

/** The day after the bucket that starts on `startDay` ends (UTC; months by the calendar). */
export function bucketEndDay(startDay: number, size: Interval): number {
  if (size === 'day') return startDay + 1;
  if (size === 'week') return startDay + 7;
  const start = new Date(startDay * 86_400_000);
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) / 86_400_000;
}

/**
 * Each bucket marked `complete` when the indexed block is at or past its end: the current day, week or month
 * is not over, and a sum over it (revenue so far this week) must not read as a whole period's, which would
 * look like a collapse every Monday.
 */
export function withCompleteness<Point extends { day: number }>(
  points: Point[],
  size: Interval,
  indexedTimestamp: bigint,
): (Point & { complete: boolean })[] {
  return points.map((point) => ({
    ...point,
    complete: BigInt(bucketEndDay(point.day, size)) * 86_400n <= indexedTimestamp,
  }));
}
