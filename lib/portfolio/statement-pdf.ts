import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Address } from 'viem';
import { formatShares, formatUsdcExact } from '../format/usdc';
import { chainName } from '../chain/app-chain';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { AccountPosition, HistoryEntry, IndexedAt, RedemptionRequest } from '../indexer/wire';
import { HISTORY_KIND_LABEL } from './history-filter';
import { isoUtc } from './portfolio-csv';
import { portfolioTotals } from './portfolio-totals';
import { isOpenRedemption, REDEMPTION_STATUS_LABEL } from './redemption-status';

// An account statement an institution can file: every figure exact to the USDC base unit, every time in UTC,
// and on every page the block the figures reflect, so that anyone can check it against the chain.

export type StatementInput = {
  account: Address;
  positions: readonly AccountPosition[];
  redemptions: readonly RedemptionRequest[];
  history: readonly HistoryEntry[];
  /** True when the history was cut at the indexer's limit: the statement says so. */
  historyTruncated: boolean;
  indexed: IndexedAt;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  generatedAt: Date;
};

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28, margin: 40 } as const;
const INK = rgb(0.09, 0.11, 0.16);
const MUTED = rgb(0.38, 0.42, 0.5);
const RULE = rgb(0.82, 0.85, 0.9);
const BAND = rgb(0.95, 0.96, 0.98);

type Column = { header: string; width: number; align?: 'left' | 'right'; mono?: boolean };
type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/** The statement as PDF bytes. */
export async function statementPdf(input: StatementInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
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
      'redeem for at that block; claimable is what the pool reports claimable then.',
    { color: MUTED },
  );
  writer.gap(10);

  const totals = portfolioTotals(input.positions);
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
  const chains = new Set([...input.positions, ...input.redemptions, ...input.history].map((row) => row.chainId));
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
        { header: 'Shares', width: 80, align: 'right' },
        { header: 'Value', width: 75, align: 'right' },
        { header: 'Cost basis', width: 75, align: 'right' },
        { header: 'Unrealised P&L', width: 75, align: 'right' },
        { header: 'Realised P&L', width: 75, align: 'right' },
        { header: 'Yield claimed', width: 75, align: 'right' },
        { header: 'Yield claimable', width: 75, align: 'right' },
      ],
      input.positions.map((p) => [
        poolName(p),
        p.category === 'compute' ? 'Compute' : 'Robotics',
        p.poolStatus[0]!.toUpperCase() + p.poolStatus.slice(1),
        formatShares(p.shares),
        formatUsdcExact(p.value),
        formatUsdcExact(p.costBasis),
        formatUsdcExact(p.unrealisedPnl),
        formatUsdcExact(p.realisedPnl),
        formatUsdcExact(p.revenueClaimed),
        formatUsdcExact(p.claimableRevenue),
      ]),
    );

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
        poolName(h),
        h.amount === null ? '-' : formatUsdcExact(h.amount),
        h.shares === null ? '-' : formatShares(h.shares),
        h.blockNumber.toString(),
        h.txHash,
      ]),
    );

  writer.footers(`${input.account} · ${asOf}`);
  return doc.save();
}

/** Lays text and tables out top to bottom, starting a new page (and repeating a table's header) when full. */
class PageWriter {
  private page: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  private ensure(height: number) {
    if (this.y - height < PAGE.margin + 16) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  heading(text: string, size: number) {
    this.ensure(size + 40); // never a heading alone at the foot of a page
    this.y -= size;
    this.page.drawText(printable(text, this.fonts.bold), {
      x: PAGE.margin,
      y: this.y,
      size,
      font: this.fonts.bold,
      color: INK,
    });
    this.y -= 8;
  }

  line(text: string, opts: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb> } = {}) {
    const font = opts.font ?? this.fonts.regular;
    const size = opts.size ?? 8.5;
    for (const row of wrap(printable(text, font), font, size, PAGE.width - 2 * PAGE.margin)) {
      this.ensure(size + 4);
      this.y -= size + 3;
      this.page.drawText(row, { x: PAGE.margin, y: this.y, size, font, color: opts.color ?? INK });
    }
    this.y -= 3;
  }

  table(columns: Column[], rows: string[][]) {
    const size = 7.5;
    const rowHeight = 13;
    const width = columns.reduce((s, c) => s + c.width, 0);
    const header = () => {
      this.ensure(rowHeight * 2);
      this.y -= rowHeight;
      this.page.drawRectangle({ x: PAGE.margin, y: this.y - 3, width, height: rowHeight, color: BAND });
      this.cells(
        columns,
        columns.map((c) => c.header),
        this.fonts.bold,
        size,
        MUTED,
      );
    };
    header();
    for (const row of rows) {
      if (this.y - rowHeight < PAGE.margin + 16) {
        this.newPage();
        header();
      }
      this.y -= rowHeight;
      this.cells(columns, row, this.fonts.regular, size, INK);
      this.page.drawLine({
        start: { x: PAGE.margin, y: this.y - 4 },
        end: { x: PAGE.margin + width, y: this.y - 4 },
        thickness: 0.4,
        color: RULE,
      });
    }
    this.y -= 16;
  }

  private cells(columns: Column[], values: string[], font: PDFFont, size: number, color: ReturnType<typeof rgb>) {
    let x = PAGE.margin;
    columns.forEach((column, i) => {
      // Monospace for hashes in body rows; a header stays in the header's font.
      const mono = column.mono && font !== this.fonts.bold;
      const cellFont = mono ? this.fonts.mono : font;
      const cellSize = mono ? size - 1.5 : size;
      const text = fit(printable(values[i] ?? '', cellFont), cellFont, cellSize, column.width - 6);
      const textWidth = cellFont.widthOfTextAtSize(text, cellSize);
      const at = column.align === 'right' ? x + column.width - 3 - textWidth : x + 3;
      this.page.drawText(text, { x: at, y: this.y, size: cellSize, font: cellFont, color });
      x += column.width;
    });
  }

  /** "Page 2 of 3" and who and when, on every page, once the page count is known. */
  footers(text: string) {
    this.pages.forEach((page, i) => {
      const label = printable(`Machine Yield · ${text} · page ${i + 1} of ${this.pages.length}`, this.fonts.regular);
      page.drawText(label, { x: PAGE.margin, y: PAGE.margin - 16, size: 7, font: this.fonts.regular, color: MUTED });
    });
  }
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** The standard PDF fonts encode WinAnsi only: anything else (a pool named in another script) becomes "?". */
function printable(text: string, font: PDFFont): string {
  // Once per font, not once per cell: a statement draws thousands of cells.
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  return Array.from(text, (ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

/** Cut to the column with an ellipsis, so that a long pool name never runs into the next figure. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const next = row ? `${row} ${word}` : word;
    if (row && font.widthOfTextAtSize(next, size) > width) {
      rows.push(row);
      row = word;
    } else row = next;
  }
  if (row) rows.push(row);
  return rows;
}
