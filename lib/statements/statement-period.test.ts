import { describe, expect, it } from 'vitest';
import { parseStatementPeriod, presetPeriods } from './statement-period';

// 2026-12-02 10:00 UTC
const NOW = BigInt(Date.UTC(2026, 11, 2, 10) / 1000);
const parse = (params: Record<string, string>) => parseStatementPeriod(params, NOW);

describe('statement period', () => {
  it('reads months, quarters, years and any two days', () => {
    expect(parse({ period: '2026-02' })).toMatchObject({
      ok: true,
      period: { from: '2026-02-01', to: '2026-02-28', label: 'February 2026', query: 'period=2026-02' },
    });
    expect(parse({ period: '2024-02' })).toMatchObject({ period: { to: '2024-02-29' } });
    expect(parse({ period: '2026-Q4' })).toMatchObject({ period: { from: '2026-10-01', to: '2026-12-31' } });
    expect(parse({ period: '2025' })).toMatchObject({ period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(parse({ from: '2026-03-01', to: '2026-04-15' })).toMatchObject({
      period: { from: '2026-03-01', to: '2026-04-15', label: '1 Mar 2026 – 15 Apr 2026' },
    });
  });

  it('defaults to the last whole month, across a new year too', () => {
    expect(parse({})).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-30' } });
    const january = BigInt(Date.UTC(2027, 0, 5) / 1000);
    expect(parseStatementPeriod({}, january)).toMatchObject({ period: { from: '2026-12-01', to: '2026-12-31' } });
  });

  it('says what is wrong with a bad period', () => {
    for (const [params, message] of [
      [{ period: '2026-13' }, /not a period/],
      [{ period: 'last week' }, /not a period/],
      [{ from: '2026-02-30', to: '2026-03-01' }, /first day .* not a date/],
      [{ from: '2026-03-02', to: '2026-03-01' }, /before the first/],
      [{ from: '2026-03-02' }, /both/],
      [{ from: '1990-01-01', to: '2026-01-01' }, /ten years/],
    ] as const) {
      const parsed = parse(params as Record<string, string>);
      expect(parsed.ok, JSON.stringify(params)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });

  it('offers this and last month, quarter and year', () => {
    expect(presetPeriods(NOW).map((p) => p.label)).toEqual([
      'December 2026',
      'November 2026',
      'Q4 2026',
      'Q3 2026',
      '2026',
      '2025',
    ]);
  });
});
