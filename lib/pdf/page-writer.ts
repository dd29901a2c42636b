import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

// How Machine Yield's statements are laid out on paper: A4 landscape, Helvetica for text, Courier for hashes.

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28, margin: 40 } as const;
export const INK = rgb(0.09, 0.11, 0.16);
export const MUTED = rgb(0.38, 0.42, 0.5);
const RULE = rgb(0.82, 0.85, 0.9);
const BAND = rgb(0.95, 0.96, 0.98);

export type Column = { header: string; width: number; align?: 'left' | 'right'; mono?: boolean };
export type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
}

/** Lays text and tables out top to bottom, starting a new page (and repeating a table's header) when full. */
export class PageWriter {
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
