import { describe, expect, it } from 'vitest';
import { formatBps, formatPercent } from './percent';

describe('formatPercent', () => {
  it('formats a fraction to one decimal', () => {
    expect(formatPercent(0.19086)).toBe('19.1%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1.5)).toBe('150.0%');
  });

  it('formats basis points as the same percentage', () => {
    expect(formatBps(2_121n)).toBe('21.2%');
    expect(formatBps(2_500)).toBe('25.0%');
    expect(formatBps(0)).toBe('0.0%');
  });

  it('says "—" when there is no figure', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
