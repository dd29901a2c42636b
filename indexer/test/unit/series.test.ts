import { describe, expect, it } from 'vitest';
import { bucketEndDay, withCompleteness } from '../../src/api/series';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const at = (iso: string) => BigInt(Date.parse(iso) / 1000);

describe('series buckets', () => {
  it('end a day, a Monday-started week and a calendar month later', () => {
    expect(bucketEndDay(day('2026-11-30'), 'day')).toBe(day('2026-12-01'));
    expect(bucketEndDay(day('2026-11-30'), 'week')).toBe(day('2026-12-07'));
    expect(bucketEndDay(day('2026-02-01'), 'month')).toBe(day('2026-03-01'));
    expect(bucketEndDay(day('2024-02-01'), 'month')).toBe(day('2024-03-01'));
    expect(bucketEndDay(day('2026-12-01'), 'month')).toBe(day('2027-01-01'));
  });

  it('are complete only once the indexed block is at or past their end', () => {
    const weeks = [{ day: day('2026-11-23') }, { day: day('2026-11-30') }];
    expect(withCompleteness(weeks, 'week', at('2026-12-02T14:00:00Z')).map((p) => p.complete)).toEqual([true, false]);
    expect(withCompleteness(weeks, 'week', at('2026-12-07T00:00:00Z')).map((p) => p.complete)).toEqual([true, true]);
    expect(withCompleteness(weeks, 'week', at('2026-12-06T23:59:59Z')).map((p) => p.complete)).toEqual([true, false]);
    const months = [{ day: day('2026-11-01'), revenueNet: 5n }];
    expect(withCompleteness(months, 'month', at('2026-11-30T23:59:59Z'))).toEqual([{ ...months[0], complete: false }]);
  });
});
