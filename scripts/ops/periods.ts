import { formatPeriodTime } from './period-time';

/**
 * A revenue or utilization period, [start, end) in chain seconds: one period may end at the second the next one
 * starts. `origin` says where a recorded one came from (a transaction, a CSV row) for the message that cites it.
 */
export type Period = { start: bigint; end: bigint; origin: string };

export function overlaps(a: { start: bigint; end: bigint }, b: { start: bigint; end: bigint }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function formatPeriod(p: { start: bigint; end: bigint }): string {
  return `${formatPeriodTime(p.start)} – ${formatPeriodTime(p.end)}`;
}

/** 366 days: the longest period a row may cover (a year, a leap year's too); longer is a typo in a year. */
export const LONGEST_PERIOD_SECONDS = 366n * 86_400n;

/**
 * What is wrong with a new period on its own and against the chain's clock: the contracts refuse an end that is
 * not after the start or after the current block; we refuse it before anything is sent, and a period longer than
 * a year too (a start a year early would swallow what later rows should report).
 */
export function periodProblem(p: { start: bigint; end: bigint }, chainTime: bigint): string | null {
  if (p.end <= p.start) {
    return `period_end ${formatPeriodTime(p.end)} is not after period_start ${formatPeriodTime(p.start)}`;
  }
  if (p.end - p.start > LONGEST_PERIOD_SECONDS) {
    return `the period ${formatPeriod(p)} is longer than 366 days: check the years`;
  }
  if (p.end > chainTime) {
    return `period_end ${formatPeriodTime(p.end)} is in the future (chain time ${formatPeriodTime(chainTime)})`;
  }
  return null;
}

/** The first recorded period that `p` overlaps, if any. */
export function firstOverlap(p: { start: bigint; end: bigint }, recorded: readonly Period[]): Period | undefined {
  return recorded.find((r) => overlaps(p, r));
}
