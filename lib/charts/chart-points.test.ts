import { describe, expect, it } from 'vitest';
import { hasChartData, toChartPoints } from './chart-points';

const rows = [
  { day: 20_600, revenueNet: 0n, utilization: null },
  { day: 20_607, revenueNet: 8_693_405_717n, utilization: 0.8993 },
  { day: 20_614, revenueNet: 123_456_789_012_345_678n, utilization: 1 },
];

describe('toChartPoints', () => {
  const points = toChartPoints(rows, { revenue: (r) => r.revenueNet, utilization: (r) => r.utilization });

  it('keeps the exact amount for the tooltip and draws it in dollars', () => {
    expect(points[1]).toEqual({
      day: 20_607,
      values: { revenue: 8693.405717, utilization: 0.8993 },
      amounts: { revenue: 8_693_405_717n, utilization: null },
    });
  });

  it('never rounds the amount, even where the float would', () => {
    expect(points[2]!.amounts.revenue).toBe(123_456_789_012_345_678n);
  });

  it('keeps gaps as null', () => {
    expect(points[0]!.values.utilization).toBeNull();
    expect(points[0]!.values.revenue).toBe(0);
  });
});

describe('hasChartData', () => {
  it('is false for zeros and gaps only', () => {
    const points = toChartPoints(rows.slice(0, 1), { revenue: (r) => r.revenueNet, utilization: (r) => r.utilization });
    expect(hasChartData(points, ['revenue', 'utilization'])).toBe(false);
    expect(hasChartData([], ['revenue'])).toBe(false);
  });

  it('is true once any series has a value', () => {
    const points = toChartPoints(rows, { utilization: (r) => r.utilization });
    expect(hasChartData(points, ['utilization'])).toBe(true);
    expect(hasChartData(points, ['revenue'])).toBe(false);
  });
});
