import { formatUnits } from 'viem';
import type { PoolKey } from '../chain/pool-key';
import { poolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { PeriodStatement } from '../indexer/statement-wire';
import { toCsv } from '../portfolio/csv';
import { isoUtc } from '../portfolio/portfolio-csv';
import { FLOW_LINES, LINE_SIGN, reconciliationGap, type StatementLines } from './statement-lines';
import type { StatementPeriod } from './statement-period';

const HEADER = [
  'record',
  'chain_id',
  'wallet',
  'pool',
  'pool_name',
  'item',
  'amount_usdc',
  'shares',
  'block',
  'time_utc',
  'tx_hash',
] as const;

const usdc = (amount: bigint) => formatUnits(amount, 6);
const shares = (amount: bigint) => formatUnits(amount, 18);

/**
 * A period statement as one CSV a spreadsheet or a ledger imports: the period's two blocks, then every line
 * of every wallet in every pool, of every pool and of the total (amounts signed as they enter
 * opening + Σ lines = closing, with the reconciliation's gap, zero, as its own line), then every transaction.
 * A blank wallet or pool means all of them.
 */
export function periodStatementCsv(
  statement: PeriodStatement,
  period: StatementPeriod,
  pools: ReadonlyMap<PoolKey, PoolLabel>,
): string {
  const chain = statement.chainId;
  const nameOf = (pool: string | null) => (pool ? (pools.get(poolKey(chain, pool))?.name ?? '') : '');
  const rows: (string | number | bigint | null)[][] = [
    ['period', chain, '', '', '', `${period.label}: ${statement.from} to ${statement.to}`, '', '', '', '', ''],
    [
      'period',
      chain,
      '',
      '',
      '',
      'opening_block',
      '',
      '',
      statement.opening.block,
      isoUtc(statement.opening.timestamp),
      '',
    ],
    [
      'period',
      chain,
      '',
      '',
      '',
      'closing_block',
      '',
      '',
      statement.closing.block,
      isoUtc(statement.closing.timestamp),
      '',
    ],
    [
      'period',
      chain,
      '',
      '',
      '',
      statement.complete ? 'complete' : 'not_over_closes_at_indexed_block',
      '',
      '',
      '',
      '',
      '',
    ],
  ];
  const lines = (wallet: string, pool: string | null, l: StatementLines) => {
    const row = (item: string, amount: bigint, shareCount: bigint | null = null) =>
      rows.push([
        'line',
        chain,
        wallet,
        pool ?? '',
        nameOf(pool),
        item,
        usdc(amount),
        shareCount === null ? '' : shares(shareCount),
        '',
        '',
        '',
      ]);
    row('opening_value', l.opening.value, pool ? l.opening.shares : null);
    row('opening_unclaimed_revenue', l.opening.unclaimedRevenue);
    for (const line of FLOW_LINES)
      row(
        line.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        LINE_SIGN[line] * l[line],
      );
    row('closing_value', l.closing.value, pool ? l.closing.shares : null);
    row('closing_unclaimed_revenue', l.closing.unclaimedRevenue);
    row('reconciliation_gap', reconciliationGap(l));
  };
  for (const h of statement.holdings) lines(h.account, h.pool, h);
  for (const p of statement.pools) lines('', p.pool, p);
  lines('', null, statement.total);
  for (const t of statement.transactions) {
    rows.push([
      'transaction',
      chain,
      t.account,
      t.pool,
      nameOf(t.pool),
      t.kind,
      t.amount === null ? '' : usdc(t.amount),
      t.shares === null ? '' : shares(t.shares),
      t.blockNumber,
      isoUtc(t.timestamp),
      t.txHash,
    ]);
  }
  if (statement.transactionsTruncated)
    rows.push(['note', chain, '', '', '', 'transactions_cut_at_limit_choose_a_shorter_period', '', '', '', '', '']);
  return toCsv(HEADER, rows);
}
