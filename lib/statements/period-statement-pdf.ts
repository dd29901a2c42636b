import { PDFDocument } from 'pdf-lib';
import { poolKey, type PoolKey } from '../chain/pool-key';
import { shortAddress } from '../format/address';
import { formatShares, formatUsdcExact } from '../format/usdc';
import type { PoolLabel } from '../indexer/accounts';
import type { PeriodStatement } from '../indexer/statement-wire';
import { embedFonts, MUTED, PageWriter, type Column } from '../pdf/page-writer';
import { isoUtc } from '../portfolio/portfolio-csv';
import { reconciliationGap, reconciliationTerms } from './statement-lines';
import type { StatementPeriod } from './statement-period';
import { STATEMENT_ROWS, statementColumns, TRANSACTION_LABEL } from './statement-view';

export type PeriodStatementPdfInput = {
  /** Whose statement: an address, or an entity's name. */
  subject: string;
  /** The wallets it covers (one for an address). */
  wallets: readonly `0x${string}`[];
  period: StatementPeriod;
  statement: PeriodStatement;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  generatedAt: Date;
};

const signed = (amount: bigint) => (amount < 0n ? `-${formatUsdcExact(-amount)}` : formatUsdcExact(amount));
/** Pools side by side on one landscape page, beside the line names and the total. */
const POOLS_PER_TABLE = 4;

/** The period statement as PDF bytes: both ends, the reconciliation, the lines by pool, every transaction. */
export async function periodStatementPdf(input: PeriodStatementPdfInput): Promise<Uint8Array> {
  const { statement, period } = input;
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const title = `Machine Yield statement ${input.subject} ${statement.from} to ${statement.to}`;
  doc.setTitle(title);
  doc.setSubject(`Period statement, ${period.label}, blocks ${statement.opening.block} to ${statement.closing.block}`);
  doc.setAuthor('Machine Yield');
  doc.setCreator('Machine Yield');
  doc.setProducer('Machine Yield (pdf-lib)');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);

  const w = new PageWriter(doc, fonts);
  w.heading(`Period statement · ${period.label}`, 18);
  w.line(input.subject, { font: fonts.mono, size: 10 });
  if (input.wallets.length > 1 || input.wallets[0] !== input.subject)
    w.line(`Wallets: ${input.wallets.join(', ')}`, { font: fonts.mono, size: 7.5 });
  w.line(
    `From ${statement.from} to ${statement.to} (UTC days, both included), on chain ${statement.chainId}. ` +
      `Opening: block ${statement.opening.block}, ${isoUtc(statement.opening.timestamp)}, the last block before the period. ` +
      `Closing: block ${statement.closing.block}, ${isoUtc(statement.closing.timestamp)}, ` +
      (statement.complete ? 'the last block of the period.' : 'the latest indexed block: the period is not over.'),
  );
  w.line(
    'Amounts in USDC, exact to the base unit (6 decimals). A position is its shares’ value (what they redeem for at ' +
      'that block) plus revenue accrued and not yet claimed. What leaves the position is negative; a holding’s share ' +
      'of a loss is the fall of its own value at that event, as the vault prices it. ' +
      `Generated ${input.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}.`,
    { color: MUTED },
  );
  w.gap(8);

  const t = reconciliationTerms(statement.total);
  const tied = reconciliationGap(statement.total) === 0n;
  w.heading('Reconciliation, all pools', 12);
  w.table(
    ['Opening', '+ Flows', '+ Income', '- Losses', '+ Rounding', '= Closing', 'Check'].map((header) => ({
      header,
      width: 108,
      align: 'right' as const,
    })),
    [
      [
        formatUsdcExact(t.opening),
        signed(t.flows),
        signed(t.income),
        signed(t.losses),
        signed(t.rounding),
        formatUsdcExact(t.closing),
        tied ? 'ties to the base unit' : 'DOES NOT TIE',
      ],
    ],
  );

  const columns = statementColumns(statement, input.pools);
  const poolColumns = columns.filter((c) => c.pool !== null);
  const total = columns.find((c) => c.pool === null)!;
  w.heading('By pool', 12);
  if (poolColumns.length === 0)
    w.line('No position at either end of this period, and nothing in between.', { color: MUTED });
  for (let i = 0; i < poolColumns.length; i += POOLS_PER_TABLE) {
    const chunk = [
      ...poolColumns.slice(i, i + POOLS_PER_TABLE),
      ...(i + POOLS_PER_TABLE >= poolColumns.length ? [total] : []),
    ];
    const width = Math.min(125, Math.floor((760 - 150) / chunk.length));
    const cols: Column[] = [
      { header: 'USDC', width: 150 },
      ...chunk.map((c) => ({ header: c.label, width, align: 'right' as const })),
    ];
    const rows = [
      ['Shares at the opening', ...chunk.map((c) => (c.pool ? formatShares(c.lines.opening.shares) : ''))],
      ...STATEMENT_ROWS.map((row) => [
        row.total ? row.label.toUpperCase() : `  ${row.label}`,
        ...chunk.map((c) => signed(row.amount(c.lines))),
      ]),
      ['Shares at the closing', ...chunk.map((c) => (c.pool ? formatShares(c.lines.closing.shares) : ''))],
    ];
    w.table(cols, rows);
  }

  if (input.wallets.length > 1 && statement.holdings.length > 0) {
    w.heading('By wallet and pool', 12);
    w.table(
      [
        { header: 'Wallet', width: 90, mono: true },
        { header: 'Pool', width: 130 },
        ...['Opening', 'Flows', 'Income', 'Losses', 'Rounding', 'Closing'].map((header) => ({
          header,
          width: 90,
          align: 'right' as const,
        })),
      ],
      statement.holdings.map((h) => {
        const r = reconciliationTerms(h);
        return [
          shortAddress(h.account),
          input.pools.get(poolKey(statement.chainId, h.pool))?.name ?? h.pool,
          ...[r.opening, r.flows, r.income, r.losses, r.rounding, r.closing].map(signed),
        ];
      }),
    );
  }

  w.heading('Transactions of the period', 12);
  if (statement.transactions.length === 0) w.line('No transaction in this period.', { color: MUTED });
  else
    w.table(
      [
        { header: 'Time (UTC)', width: 88 },
        { header: 'Type', width: 78 },
        { header: 'Wallet', width: 62, mono: true },
        { header: 'Pool', width: 92 },
        { header: 'USDC', width: 78, align: 'right' },
        { header: 'Shares', width: 62, align: 'right' },
        { header: 'Block', width: 40, align: 'right' },
        { header: 'Transaction hash', width: 260, mono: true },
      ],
      statement.transactions.map((tx) => [
        isoUtc(tx.timestamp).replace('T', ' ').replace('Z', ''),
        TRANSACTION_LABEL[tx.kind],
        shortAddress(tx.account),
        input.pools.get(poolKey(statement.chainId, tx.pool))?.name ?? shortAddress(tx.pool),
        tx.amount === null ? '' : formatUsdcExact(tx.amount),
        tx.shares === null ? '' : formatShares(tx.shares),
        tx.blockNumber.toString(),
        tx.txHash,
      ]),
    );
  if (statement.transactionsTruncated)
    w.line(
      `Only the first ${statement.transactions.length} transactions are listed: request a shorter period for the rest.`,
      {
        color: MUTED,
      },
    );

  w.footers(
    `${input.subject} · ${statement.from} to ${statement.to} · blocks ${statement.opening.block}–${statement.closing.block}`,
  );
  return doc.save();
}
