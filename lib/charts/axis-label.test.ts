import { describe, expect, it } from 'vitest';
import { axisLabel } from './axis-label';

describe('axisLabel', () => {
  it('writes dollars compactly', () => {
    expect(axisLabel(0, 'usdc')).toBe('$0');
    expect(axisLabel(12_500, 'usdc')).toBe('$12.5K');
    expect(axisLabel(2_000_000, 'usdc')).toBe('$2M');
  });

  it('writes fractions as whole percents', () => {
    expect(axisLabel(0.8, 'percent')).toBe('80%');
    expect(axisLabel(1, 'percent')).toBe('100%');
  });

  it('is empty for what is not a number', () => {
    expect(axisLabel(Number.NaN, 'usdc')).toBe('');
  });
});
