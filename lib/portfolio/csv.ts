/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line
 * break, quotes doubled inside. Amounts arrive as exact decimal text, so nothing here rounds.
 */
type CsvCell = string | number | bigint | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula. Pool names are set on chain by
// whoever creates a pool, so text cells are defused with a leading apostrophe; plain numbers stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** A header row, then one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((cells) => `${csvLine(cells)}\r\n`).join('');
}
