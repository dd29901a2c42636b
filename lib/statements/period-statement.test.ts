import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { statementPageTexts } from '../../e2e/fixtures/statement-pdf-text';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import { checkReconciliation, StatementRefused, type PeriodStatement } from '../indexer/statement-wire';
import { periodStatementCsv } from './period-statement-csv';
import { periodStatementPdf } from './period-statement-pdf';
import { reconciliationGap, reconciliationTerms, type StatementLines } from './statement-lines';
import { customPeriod } from './statement-period';

const A: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const POOL: Address = '0xE451980132E65465d0a498c53f0b5227326Dd73F';
const HASH = `0x${'ab'.repeat(32)}` as const;

/** Deposited 1,000, exited 300 through the queue, earned 12.5 and claimed 10, bore 40 of a write-down. */
const lines: StatementLines = {
  opening: { shares: 10n ** 21n, value: 500_000000n, unclaimedRevenue: 1_000000n },
  deposits: 1_000_000000n,
  instantWithdrawals: 0n,
  queuedWithdrawals: 300_000000n,
  transfersIn: 0n,
  transfersOut: 0n,
  revenueEarned: 12_500000n,
  revenueClaimed: 10_000000n,
  provisions: 0n,
  writeDowns: -40_000000n,
  recoveries: 0n,
  rounding: -1n,
  closing: { shares: 2n * 10n ** 21n, value: 1_159_999999n, unclaimedRevenue: 3_500000n },
};

const statement = (l: StatementLines = lines): PeriodStatement => ({
  chainId: 31337,
  from: '2026-03-01',
  to: '2026-04-15',
  opening: { block: 100n, timestamp: 1_772_323_000n },
  closing: { block: 200n, timestamp: 1_776_297_000n },
  complete: true,
  holdings: [{ ...l, account: A, pool: POOL }],
  pools: [{ ...l, pool: POOL }],
  total: l,
  transactions: [
    {
      kind: 'redemption_fill',
      pool: POOL,
      account: A,
      counterparty: A,
      amount: 300_000000n,
      shares: 10n ** 20n,
      blockNumber: 150n,
      timestamp: 1_774_000_000n,
      txHash: HASH,
    },
  ],
  transactionsTruncated: false,
});

// A pool named by whoever created it: a spreadsheet must not run it.
const pools = new Map<PoolKey, PoolLabel>([
  [
    poolKey(31337, POOL),
    { chainId: 31337, address: POOL, name: '=HYPERLINK("x")', symbol: 'myX', category: 'compute' },
  ],
]);

describe('a period statement', () => {
  it('reconciles as opening + flows + income − losses = closing, to the base unit', () => {
    expect(reconciliationGap(lines)).toBe(0n);
    expect(reconciliationTerms(lines)).toEqual({
      opening: 501_000000n,
      flows: 1_000_000000n - 300_000000n - 10_000000n,
      income: 12_500000n,
      losses: 40_000000n,
      rounding: -1n,
      closing: 1_163_499999n,
    });
    expect(() => checkReconciliation(statement())).not.toThrow();
  });

  it('is refused when any line is off by one base unit', () => {
    const off = { ...lines, deposits: lines.deposits + 1n };
    expect(() => checkReconciliation({ ...statement(), holdings: [{ ...off, account: A, pool: POOL }] })).toThrow(
      StatementRefused,
    );
  });

  it('as CSV: both blocks, every line signed, a zero gap, the transaction with its hash, formulas defused', () => {
    const csv = periodStatementCsv(statement(), customPeriod('2026-03-01', '2026-04-15'), pools);
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('record,chain_id,wallet,pool,pool_name,item,amount_usdc,shares,block,time_utc,tx_hash');
    expect(rows).toContain('period,31337,,,,opening_block,,,100,2026-02-28T23:56:40Z,');
    expect(rows.filter((r) => r.includes(',reconciliation_gap,0,'))).toHaveLength(3);
    expect(rows.some((r) => r.startsWith('line,31337,,,,queued_withdrawals,-300,'))).toBe(true);
    expect(rows.some((r) => r.includes(`,redemption_fill,300,100,150,`) && r.endsWith(HASH))).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('as PDF: the period, both blocks, the check and the transaction hash', async () => {
    const pdf = await periodStatementPdf({
      subject: A,
      wallets: [A],
      period: customPeriod('2026-03-01', '2026-04-15'),
      statement: statement(),
      pools,
      generatedAt: new Date('2026-05-01T00:00:00Z'),
    });
    const text = (await statementPageTexts(pdf)).join('\n');
    expect(text).toContain('Period statement · 1 Mar 2026 – 15 Apr 2026'.replace('·', '\xb7').replace('–', '\x96'));
    expect(text).toContain('block 100');
    expect(text).toContain('ties to the base unit');
    expect(text).toContain(HASH);
    expect(text).toContain('-40.000000');
  });
});
