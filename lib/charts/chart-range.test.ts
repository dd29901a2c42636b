import { describe, expect, it } from 'vitest';
import { parseChartRange, runningTotal } from './chart-range';

describe('parseChartRange', () => {
  it('takes the listed windows and falls back to the interval’s own', () => {
    expect(parseChartRange('30', 'day')).toBe(30);
    expect(parseChartRange(['365', '30'], 'week')).toBe(365);
    expect(parseChartRange('45', 'day')).toBe(90);
    expect(parseChartRange(undefined, 'week')).toBe(180);
    expect(parseChartRange('abc', 'month')).toBe(365);
  });
});

describe('runningTotal', () => {
  it('adds up bucket by bucket, exactly', () => {
    expect(runningTotal([1n, 2n, 0n, 10n ** 20n])).toEqual([1n, 3n, 3n, 3n + 10n ** 20n]);
    expect(runningTotal([])).toEqual([]);
  });
});
