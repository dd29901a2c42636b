import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { parsePeriodTime } from './period-time';
import { checkRevenueRows, parseRevenueCsv } from './revenue-rows';
import { parseUtilizationCsv } from './utilization-rows';

const POOL: Address = '0x1111111111111111111111111111111111111111';
const DAY = 86_400n;
const T0 = 1_740_787_200n; // 2025-03-01T00:00:00Z

describe('period times', () => {
  it('refuses spreadsheet date serials and yyyymmdd numbers, which would pass as unix seconds in 1970', () => {
    const { errors } = parseRevenueCsv(
      ['asset_id,amount_usdc,period_start,period_end', '1,100,45717,45724', '2,100,20250301,20250308'].join('\n'),
    );
    const hint = 'as unix seconds is before 2020-01-01: a spreadsheet date serial or yyyymmdd?';
    expect(errors).toEqual([
      `row 1 (line 2): period_start: "45717" ${hint} Write the time as 2025-03-01T00:00:00Z or unix seconds`,
      `row 1 (line 2): period_end: "45724" ${hint} Write the time as 2025-03-01T00:00:00Z or unix seconds`,
      `row 2 (line 3): period_start: "20250301" ${hint} Write the time as 2025-03-01T00:00:00Z or unix seconds`,
      `row 2 (line 3): period_end: "20250308" ${hint} Write the time as 2025-03-01T00:00:00Z or unix seconds`,
    ]);
    expect(parseUtilizationCsv(`asset_id,period_start,period_end,utilization_bps\n1,45717,${T0},1`).errors).toEqual([
      `row 1 (line 2): period_start: "45717" ${hint} Write the time as 2025-03-01T00:00:00Z or unix seconds`,
    ]);
  });

  it('refuses any time before 2020, and accepts one from its first second', () => {
    expect(parsePeriodTime('0')).toMatchObject({ ok: false });
    expect(parsePeriodTime('2019-12-31T23:59:59Z')).toEqual({
      ok: false,
      error: '"2019-12-31T23:59:59Z" is before 2020-01-01',
    });
    expect(parsePeriodTime('2020-01-01T01:00:00+02:00')).toMatchObject({ ok: false });
    expect(parsePeriodTime('1577836799')).toMatchObject({ ok: false });
    expect(parsePeriodTime('1577836800')).toEqual({ ok: true, value: 1_577_836_800n });
    expect(parsePeriodTime('2020-01-01')).toEqual({ ok: true, value: 1_577_836_800n });
  });

  it('refuses a period longer than 366 days', () => {
    const { rows } = parseRevenueCsv(
      [
        'asset_id,amount_usdc,period_start,period_end',
        `1,100,${T0 - 366n * DAY},${T0}`, // a leap year: fine
        `2,100,2024-02-01T00:00:00Z,2025-03-01T00:00:00Z`, // a year typed wrong
      ].join('\n'),
    );
    const problems = checkRevenueRows(rows, {
      pool: POOL,
      chainTime: T0 + DAY,
      minDistribution: 1n,
      asset: () => ({ pool: POOL }),
      distributed: () => [],
    });
    expect(problems).toEqual([
      'row 2 (line 3): the period 2024-02-01T00:00:00Z (1706745600) – 2025-03-01T00:00:00Z (1740787200) is longer than 366 days: check the years',
    ]);
  });
});
