import type { ChartInterval } from './chart-interval';
import type { ChartPoint } from './chart-points';
import { dayLabel } from './day-label';

const NOUN: Record<ChartInterval, string> = { day: 'day', week: 'week', month: 'month' };

/**
 * The line under a bar chart whose last bucket is not over yet, or null: a week's revenue so far, drawn as tall
 * as a whole week's, reads as a collapse every Monday. Bars of that bucket are drawn lighter; this says why.
 * Lines (a balance at the bucket's end, a trailing yield) show the latest value, which is not partial.
 */
export function partialPeriodNote(
  points: readonly ChartPoint[],
  interval: ChartInterval,
  hasBars: boolean,
): string | null {
  if (!hasBars || !points.at(-1)?.partial) return null;
  return `This ${NOUN[interval]} is not over: it is drawn lighter and shows what is in so far.`;
}

/** A bucket's date for a tooltip, with "so far" when the bucket is not over. */
export function bucketLabel(point: ChartPoint, interval: ChartInterval, locale?: string): string {
  const label = dayLabel(point.day, interval, 'full', locale);
  return point.partial ? `${label} (so far)` : label;
}

/** How much of a bar's colour an unfinished bucket keeps. */
export const PARTIAL_OPACITY = 0.4;
