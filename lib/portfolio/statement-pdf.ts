import { PDFDocument } from 'pdf-lib';
import { embedFonts, MUTED, PageWriter, type Column } from '../pdf/page-writer';
import type { Address } from 'viem';
import { formatShares, formatUsdcExact } from '../format/usdc';
import { chainName } from '../chain/app-chain';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { TranchePosition } from '../indexer/tranche-wire';
import type { AccountPosition, HistoryEntry, IndexedAt, RedemptionRequest } from '../indexer/wire';
import { HISTORY_KIND_LABEL } from './history-filter';
import { isoUtc } from './portfolio-csv';
import { portfolioTotals, type PositionFigures } from './portfolio-totals';
import { isOpenRedemption, REDEMPTION_STATUS_LABEL } from './redemption-status';

// An account statement an institution can file: every figure exact to the USDC base unit, every time in UTC,
// and on every page the block the figures reflect, so that anyone can check it against the chain.

export type StatementInput = {
  account: Address;
  positions: readonly AccountPosition[];
  /** Positions per tranche of tranched pools: listed apart, and counted in the summary. */
  tranchePositions: readonly TranchePosition[];
  redemptions: readonly RedemptionRequest[];
  history: readonly HistoryEntry[];
  /** True when the history was cut at the indexer's limit: the statement says so. */
  historyTruncated: boolean;
  indexed: IndexedAt;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  generatedAt: Date;
};

/** The columns a pool's and a tranche's position share: its shares and its figures, exact. */
const HOLDING_COLUMNS: Column[] = [
  { header: 'Shares', width: 80, align: 'right' },
  ...['Value', 'Cost basis', 'Unrealised P&L', 'Realised P&L', 'Yield claimed', 'Yield claimable'].map(
    (header): Column => ({ header, width: 75, align: 'right' }),
  ),
];

const holdingCells = (p: PositionFigures & { shares: bigint }) => [
  formatShares(p.shares),
  ...[p.value, p.costBasis, p.unrealisedPnl, p.realisedPnl, p.revenueClaimed, p.claimableRevenue].map(formatUsdcExact),
];

/** The statement as PDF bytes. */
export async function statementPdf(input: StatementInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const title = `Machine Yield account statement ${input.account}`;
  // Each chain has its own blocks: a statement spanning several names the block of each.
  const asOf =
    (input.indexed.chains?.length ?? 0) > 1
      ? input.indexed.chains!.map((c) => `${chainName(c.chainId)} block ${c.block}`).join(', ')
      : `block ${input.indexed.block}`;
  doc.setTitle(title);
  doc.setSubject(`Positions, open redemption requests and history as of ${asOf}`);
  doc.setAuthor('Machine Yield');
  doc.setCreator('Machine Yield');
  doc.setProducer('Machine Yield (pdf-lib)');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);

  const writer = new PageWriter(doc, fonts);
  writer.heading('Account statement', 18);
  writer.line(input.account, { font: fonts.mono, size: 10 });
  writer.line(
    `Figures as of ${asOf} (${isoUtc(input.indexed.timestamp)}), as indexed from the chain. ` +
      `Generated ${input.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}.`,
    { color: MUTED },
  );
  writer.line(
    'Amounts in USDC, exact to the base unit (6 decimals); shares to 4 decimals; times in UTC. Value is what the shares ' +
      'redeem for at that block; claimable is what the pool reports claimable then. The summary adds up pool and ' +
      'tranche positions.',
    { color: MUTED },
  );
  writer.gap(10);

  const totals = portfolioTotals([...input.positions, ...input.tranchePositions]);
  writer.heading('Summary', 12);
  writer.table(
    [
      { header: 'Value', width: 110, align: 'right' },
      { header: 'Cost basis', width: 110, align: 'right' },
      { header: 'Unrealised P&L', width: 105, align: 'right' },
      { header: 'Realised P&L', width: 105, align: 'right' },
      { header: 'Yield claimed', width: 110, align: 'right' },
      { header: 'Yield claimable', width: 110, align: 'right' },
      { header: 'Total return', width: 110, align: 'right' },
    ],
    [
      [
        totals.value,
        totals.costBasis,
        totals.unrealisedPnl,
        totals.realisedPnl,
        totals.claimed,
        totals.claimable,
        totals.totalReturn,
      ].map(formatUsdcExact),
    ],
  );

  // A statement spanning several chains says each pool's: the same name, even the same address, can be on two.
  const chains = new Set(
    [...input.positions, ...input.tranchePositions, ...input.redemptions, ...input.history].map((row) => row.chainId),
  );
  const poolName = (row: { chainId?: number; pool: Address; poolName?: string }) => {
    const name = input.pools.get(poolKey(row.chainId, row.pool))?.name ?? row.poolName ?? row.pool;
    return chains.size > 1 && row.chainId !== undefined ? `${name} (${chainName(row.chainId)})` : name;
  };

  writer.heading('Positions', 12);
  if (input.positions.length === 0) writer.line('No positions.', { color: MUTED });
  else
    writer.table(
      [
        { header: 'Pool', width: 136 },
        { header: 'Category', width: 52 },
        { header: 'Status', width: 44 },
        ...HOLDING_COLUMNS,
      ],
      input.positions.map((p) => [
        poolName(p),
        p.category === 'compute' ? 'Compute' : 'Robotics',
        p.poolStatus[0]!.toUpperCase() + p.poolStatus.slice(1),
        ...holdingCells(p),
      ]),
    );

  // Only when held: most accounts have no tranche, and an empty section would read as a gap.
  if (input.tranchePositions.length > 0) {
    writer.heading('Tranche positions', 12);
    writer.table(
      [
        { header: 'Pool', width: 120 },
        { header: 'Tranche', width: 44 },
        { header: 'Shares queued', width: 68, align: 'right' },
        ...HOLDING_COLUMNS,
      ],
      input.tranchePositions.map((p) => [
        poolName(p),
        p.side === 'senior' ? 'Senior' : 'Junior',
        p.pendingRedeemShares > 0n ? formatShares(p.pendingRedeemShares) : '-',
        ...holdingCells(p),
      ]),
    );
  }

  const open = input.redemptions.filter(isOpenRedemption);
  writer.heading('Open redemption requests', 12);
  if (open.length === 0) writer.line('No redemption request is waiting.', { color: MUTED });
  else
    writer.table(
      [
        { header: 'Pool', width: 150 },
        { header: 'Request', width: 45, align: 'right' },
        { header: 'Requested (UTC)', width: 92 },
        { header: 'Shares requested', width: 85, align: 'right' },
        { header: 'Shares waiting', width: 85, align: 'right' },
        { header: 'Filled USDC', width: 85, align: 'right' },
        { header: 'Paid out USDC', width: 85, align: 'right' },
        { header: 'Status', width: 70 },
        { header: 'Queue', width: 40, align: 'right' },
      ],
      open.map((r) => [
        poolName(r),
        `#${r.requestId}`,
        isoUtc(r.requestedAt),
        formatShares(r.requestedShares),
        formatShares(r.pendingShares),
        formatUsdcExact(r.filledAssets),
        formatUsdcExact(r.claimedAssets),
        REDEMPTION_STATUS_LABEL[r.status],
        r.queuePosition === null ? '-' : `#${r.queuePosition}`,
      ]),
    );

  writer.heading('History', 12);
  if (input.historyTruncated)
    writer.line(
      `The latest ${input.history.length.toLocaleString('en-US')} entries; the CSV export filters older ones.`,
      {
        color: MUTED,
      },
    );
  if (input.history.length === 0) writer.line('No history.', { color: MUTED });
  else
    writer.table(
      [
        { header: 'Date (UTC)', width: 92 },
        { header: 'Type', width: 96 },
        { header: 'Pool', width: 128 },
        { header: 'Amount USDC', width: 82, align: 'right' },
        { header: 'Shares', width: 74, align: 'right' },
        { header: 'Block', width: 44, align: 'right' },
        { header: 'Transaction', width: 246, mono: true },
      ],
      input.history.map((h) => [
        isoUtc(h.timestamp),
        HISTORY_KIND_LABEL[h.kind],
        h.tranche ? `${poolName(h)} · ${h.tranche === 'senior' ? 'Senior' : 'Junior'}` : poolName(h),
        h.amount === null ? '-' : formatUsdcExact(h.amount),
        h.shares === null ? '-' : formatShares(h.shares),
        h.blockNumber.toString(),
        h.txHash,
      ]),
    );

  writer.footers(`${input.account} · ${asOf}`);
  return doc.save();
}
