import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('formatPercent', () => {
  it('formats a fraction to one decimal', () => {
    expect(formatPercent(0.19086)).toBe('19.1%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1.5)).toBe('150.0%');
  });

  it('says "—" when there is no figure', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
