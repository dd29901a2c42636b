import { describe, expect, it } from 'vitest';
import { describeChartWindow, parseChartInterval } from './chart-interval';

describe('parseChartInterval', () => {
  it('accepts the three bucket sizes', () => {
    expect(parseChartInterval('day')).toBe('day');
    expect(parseChartInterval('week')).toBe('week');
    expect(parseChartInterval('month')).toBe('month');
  });

  it('takes the first of a repeated param', () => {
    expect(parseChartInterval(['month', 'day'])).toBe('month');
  });

  it('falls back on anything else', () => {
    expect(parseChartInterval(undefined)).toBe('week');
    expect(parseChartInterval('')).toBe('week');
    expect(parseChartInterval('year')).toBe('week');
    expect(parseChartInterval('DAY', 'month')).toBe('month');
  });
});

describe('describeChartWindow', () => {
  it('names the bucket and the window', () => {
    expect(describeChartWindow('week')).toBe('per week, last 180 days');
    expect(describeChartWindow('day')).toBe('per day, last 90 days');
  });
});
