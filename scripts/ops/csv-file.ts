/**
 * The few CSV files the back office feeds in: a header row, then one record per line. Fields may be quoted
 * ("a,b", "say ""hi"""); a record spanning lines is refused, as no column here can hold a line break. Blank lines
 * are skipped. Every record keeps its line number so that a refusal can name it.
 */
import { quoted } from './untrusted-text';

export type CsvRecord = { line: number; row: number; fields: Record<string, string> };

export class CsvError extends Error {}

function splitLine(text: string, line: number): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      inQuotes = true;
      field = '';
    } else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  if (inQuotes) throw new CsvError(`line ${line}: a quoted field is not closed`);
  fields.push(field.trim());
  return fields;
}

/**
 * Parses `text` against the columns a command needs. `columns` lists the accepted header names; `required` the
 * ones that must be present (the others are alternatives, like utilization_pct or utilization_bps).
 */
export function parseCsv(text: string, columns: readonly string[]): { header: string[]; records: CsvRecord[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new CsvError('the file is empty');
  const header = splitLine(lines[headerIndex]!, headerIndex + 1).map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !columns.includes(h));
  if (unknown.length > 0) {
    throw new CsvError(
      `line ${headerIndex + 1}: unknown column ${unknown.map(quoted).join(', ')} (expected ${columns.join(',')})`,
    );
  }
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length > 0) throw new CsvError(`line ${headerIndex + 1}: column ${quoted(repeated[0]!)} appears twice`);
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const values = splitLine(lines[i]!, i + 1);
    if (values.length !== header.length) {
      throw new CsvError(
        `row ${records.length + 1} (line ${i + 1}): ${values.length} fields where the header has ${header.length}`,
      );
    }
    records.push({
      line: i + 1,
      row: records.length + 1,
      fields: Object.fromEntries(header.map((h, j) => [h, values[j]!])),
    });
  }
  if (records.length === 0) throw new CsvError('the file has a header and no rows');
  return { header, records };
}

/** "row 2 (line 3)": the data row for people counting records, the line for editors. */
export function rowLabel(record: { row: number; line: number }): string {
  return `row ${record.row} (line ${record.line})`;
}
