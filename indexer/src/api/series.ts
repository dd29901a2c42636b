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
