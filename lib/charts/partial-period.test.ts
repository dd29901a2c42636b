import { describe, expect, it } from 'vitest';
import { toChartPoints } from './chart-points';
import { bucketLabel, partialPeriodNote } from './partial-period';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('partial periods', () => {
  const rows = [
    { day: day('2026-11-23'), complete: true, revenueNet: 9_000_000n },
    { day: day('2026-11-30'), complete: false, revenueNet: 1_000_000n },
  ];
  const points = toChartPoints(rows, { revenue: (r) => r.revenueNet });

  it('carry the indexer’s completeness onto the chart points', () => {
    expect(points.map((p) => p.partial ?? false)).toEqual([false, true]);
  });

  it('are named in the tooltip and explained under the chart', () => {
    expect(bucketLabel(points[0]!, 'week', 'en-US')).toBe('Week of Nov 23, 2026');
    expect(bucketLabel(points[1]!, 'week', 'en-US')).toBe('Week of Nov 30, 2026 (so far)');
    expect(partialPeriodNote(points, 'week', true)).toMatch(/^This week is not over/);
    // A line shows the latest value, which is not partial.
    expect(partialPeriodNote(points, 'week', false)).toBeNull();
    expect(partialPeriodNote(points.slice(0, 1), 'week', true)).toBeNull();
    expect(partialPeriodNote([], 'month', true)).toBeNull();
  });
});
