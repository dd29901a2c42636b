import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv-file';
import { checkRevenueRows, parseRevenueCsv } from './revenue-rows';
import { checkUtilizationRows, parseUtilizationCsv, type UtilizationFacts } from './utilization-rows';

const POOL: Address = '0x1111111111111111111111111111111111111111';
const OTHER_POOL: Address = '0x2222222222222222222222222222222222222222';
const OPERATOR: Address = '0x3333333333333333333333333333333333333333';
const SENDER: Address = '0x4444444444444444444444444444444444444444';
const DAY = 86_400n;
const T0 = 1_740_787_200n; // 2025-03-01T00:00:00Z

describe('the revenue CSV', () => {
  it('reads rows in ISO-8601 UTC, dates and unix seconds, amounts to six decimals', () => {
    const { rows, errors } = parseRevenueCsv(
      [
        '\uFEFFasset_id,amount_usdc,period_start,period_end',
        '1,12500.50,2025-03-01T00:00:00Z,2025-03-08T00:00:00Z',
        '',
        '2,"0.000001",2025-03-01,1741392000',
        '3,10,2025-03-01T01:00:00+01:00,2025-03-08T00:00:00.000Z',
      ].join('\r\n'),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.line, r.assetId, r.amount, r.periodStart, r.periodEnd])).toEqual([
      [1, 2, 1n, 12_500_500_000n, T0, T0 + 7n * DAY],
      [2, 4, 2n, 1n, T0, T0 + 7n * DAY],
      [3, 5, 3n, 10_000_000n, T0, T0 + 7n * DAY],
    ]);
  });

  it('names the row, its line and the column of every malformed cell', () => {
    const { errors } = parseRevenueCsv(
      [
        'asset_id,amount_usdc,period_start,period_end',
        '0,1.1234567,2025-03-01T00:00:00,2025-02-30',
        '7,-5,1740787200000,2025-03-08',
        'x,1e6,2025-03-01T00:00:00.5Z,2025-03-08',
        '4,"1,000",2025-03-01,2025-03-08',
      ].join('\n'),
    );
    expect(errors).toEqual([
      'row 1 (line 2): asset_id: "0" is not an asset id (a whole number from 1)',
      'row 1 (line 2): amount_usdc: "1.1234567" has more than 6 decimal places',
      'row 1 (line 2): period_start: "2025-03-01T00:00:00" has no offset: add Z for UTC',
      'row 1 (line 2): period_end: "2025-02-30" is not a valid date and time',
      'row 2 (line 3): amount_usdc: "-5" is not a plain decimal number like 1250.50',
      'row 2 (line 3): period_start: "1740787200000" is after 2100: milliseconds, not seconds?',
      'row 3 (line 4): asset_id: "x" is not an asset id (a whole number from 1)',
      'row 3 (line 4): amount_usdc: "1e6" is not a plain decimal number like 1250.50',
      'row 3 (line 4): period_start: "2025-03-01T00:00:00.5Z" has a fraction of a second: the chain counts whole seconds',
      'row 4 (line 5): amount_usdc: "1,000" is not a plain decimal number like 1250.50',
    ]);
    expect(parseRevenueCsv('asset_id,amount_usdc,period_start,period_end\n1,0,2025-03-01,2025-03-08').errors).toEqual([
      'row 1 (line 2): amount_usdc: "0" is not more than zero',
    ]);
  });

  it('refuses a file whose shape is wrong before reading any row', () => {
    expect(() => parseCsv('', ['a'])).toThrow(new CsvError('the file is empty'));
    expect(() => parseRevenueCsv('asset_id,amount_usdc,period_start,period_end\n')).toThrow(
      'the file has a header and no rows',
    );
    expect(() => parseRevenueCsv('asset_id,amount,period_start,period_end\n1,2,3,4')).toThrow(
      'line 1: unknown column "amount" (expected asset_id,amount_usdc,period_start,period_end)',
    );
    expect(() => parseRevenueCsv('asset_id,amount_usdc,period_start,period_end\n1,2,3')).toThrow(
      'row 1 (line 2): 3 fields where the header has 4',
    );
    expect(() => parseRevenueCsv('asset_id,amount_usdc,period_start,period_end\n1,"2,3,4')).toThrow(
      'line 2: a quoted field is not closed',
    );
    expect(parseRevenueCsv('asset_id,amount_usdc,period_start\n1,2,3').errors).toEqual([
      'the header lacks column period_end',
    ]);
  });

  it('checks every row against the pool, the registry, the clock and the periods already distributed', () => {
    const text = [
      'asset_id,amount_usdc,period_start,period_end',
      `1,100,${T0},${T0 + 7n * DAY}`, // fine: starts where the distributed period ended
      `2,100,${T0},${T0 + 7n * DAY}`, // another pool's asset
      `9,100,${T0},${T0 + 7n * DAY}`, // unknown
      `1,0.5,${T0 + 7n * DAY},${T0 + 7n * DAY}`, // below the minimum, empty period
      `3,100,${T0 - DAY},${T0 + DAY}`, // overlaps asset 3's distributed period
      `1,100,${T0 + 6n * DAY},${T0 + 8n * DAY}`, // overlaps row 1
      `3,100,${T0 + 8n * DAY},${T0 + 30n * DAY}`, // ends after the chain's clock
    ].join('\n');
    const { rows, errors } = parseRevenueCsv(text);
    expect(errors).toEqual([]);
    const problems = checkRevenueRows(rows, {
      pool: POOL,
      chainTime: T0 + 10n * DAY,
      minDistribution: 1_000_000n,
      asset: (id) =>
        new Map([
          [1n, { pool: POOL }],
          [2n, { pool: OTHER_POOL }],
          [3n, { pool: POOL }],
        ]).get(id),
      distributed: (id) =>
        id === 1n || id === 3n ? [{ start: T0 - 7n * DAY, end: T0, origin: 'tx 0xabc, block 7' }] : [],
    });
    expect(problems).toEqual([
      `row 2 (line 3): asset 2 is financed by pool ${OTHER_POOL}, not by ${POOL}`,
      'row 3 (line 4): asset 9 is not registered',
      "row 4 (line 5): amount_usdc 0.5 USDC is below the pool's minimum distribution of 1 USDC",
      'row 4 (line 5): period_end 2025-03-08T00:00:00Z (1741392000) is not after period_start 2025-03-08T00:00:00Z (1741392000)',
      "row 5 (line 6): asset 3's period 2025-02-28T00:00:00Z (1740700800) – 2025-03-02T00:00:00Z (1740873600) overlaps its period 2025-02-22T00:00:00Z (1740182400) – 2025-03-01T00:00:00Z (1740787200) already distributed (tx 0xabc, block 7)",
      "row 6 (line 7): asset 1's period overlaps row 1 (line 2)'s for the same asset",
      'row 7 (line 8): period_end 2025-03-31T00:00:00Z (1743379200) is in the future (chain time 2025-03-11T00:00:00Z (1741651200))',
    ]);
  });
});

describe('the utilization CSV', () => {
  it('reads percentages or basis points, one of the two', () => {
    const pct = parseUtilizationCsv(
      `asset_id,period_start,period_end,utilization_pct\n1,${T0},${T0 + DAY},87.5\n2,${T0},${T0 + DAY},100`,
    );
    expect(pct.rows.map((r) => r.utilizationBps)).toEqual([8750, 10_000]);
    const bps = parseUtilizationCsv(`asset_id,period_start,period_end,utilization_bps\n1,${T0},${T0 + DAY},8750`);
    expect(bps.rows.map((r) => r.utilizationBps)).toEqual([8750]);
    expect(
      parseUtilizationCsv(
        `asset_id,period_start,period_end,utilization_pct\n1,${T0},${T0 + DAY},100.5\n1,${T0},${T0 + DAY},87.125`,
      ).errors,
    ).toEqual([
      'row 1 (line 2): utilization_pct: "100.5" is not a percentage from 0 to 100 with at most 2 decimals',
      'row 2 (line 3): utilization_pct: "87.125" is not a percentage from 0 to 100 with at most 2 decimals',
    ]);
    expect(
      parseUtilizationCsv(`asset_id,period_start,period_end,utilization_bps\n1,${T0},${T0 + DAY},10001`).errors,
    ).toEqual(['row 1 (line 2): utilization_bps: "10001" is not a whole number of basis points from 0 to 10000']);
    expect(
      parseUtilizationCsv('asset_id,period_start,period_end,utilization_pct,utilization_bps\n1,2,3,4,5').errors,
    ).toEqual(['the header needs exactly one of utilization_pct or utilization_bps']);
  });

  it('checks the sender may report each asset and the periods against the ones reported', () => {
    const { rows } = parseUtilizationCsv(
      [
        'asset_id,period_start,period_end,utilization_bps',
        `1,${T0},${T0 + DAY},5000`,
        `2,${T0},${T0 + DAY},5000`,
        `1,${T0 - DAY},${T0 + 1n},5000`,
      ].join('\n'),
    );
    const facts: Omit<UtilizationFacts, 'senderIsReporter'> = {
      chainTime: T0 + 2n * DAY,
      sender: SENDER,
      asset: (id: bigint) => (id === 1n ? { operator: SENDER } : id === 2n ? { operator: OPERATOR } : undefined),
      reported: () => [],
    };
    expect(checkUtilizationRows(rows, { ...facts, senderIsReporter: false })).toEqual([
      `row 2 (line 3): ${SENDER} lacks the registry's REPORTER_ROLE and is not asset 2's operator ${OPERATOR}`,
      "row 3 (line 4): asset 1's period overlaps row 1 (line 2)'s for the same asset",
    ]);
    expect(checkUtilizationRows(rows.slice(0, 2), { ...facts, senderIsReporter: true })).toEqual([]);
  });
});
