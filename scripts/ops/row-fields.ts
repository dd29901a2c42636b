/** The cells of the back office's CSV files, as zod schemas, and rows parsed with them into messages naming the row. */
import { z } from 'zod';
import { rowLabel, type CsvRecord } from './csv-file';
import { parsePeriodTime } from './period-time';
import { quoted } from './untrusted-text';
import { parseUsdcAmount } from './usdc-amount';

export const assetIdCell = z.string().transform((text, ctx) => {
  if (!/^[1-9]\d{0,30}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `${quoted(text)} is not an asset id (a whole number from 1)` });
    return z.NEVER;
  }
  return BigInt(text);
});

export const usdcCell = z.string().transform((text, ctx) => {
  const parsed = parseUsdcAmount(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

export const timeCell = z.string().transform((text, ctx) => {
  const parsed = parsePeriodTime(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

export type Located = { row: number; line: number };

/** Each record through `schema`; every problem of every row is reported, each naming its row and column. */
export function parseRows<T>(
  records: readonly CsvRecord[],
  schema: z.ZodType<T, Record<string, string>>,
): { rows: (T & Located)[]; errors: string[] } {
  const rows: (T & Located)[] = [];
  const errors: string[] = [];
  for (const record of records) {
    const result = schema.safeParse(record.fields);
    if (result.success) {
      rows.push({ ...result.data, row: record.row, line: record.line });
      continue;
    }
    for (const issue of result.error.issues) {
      const column = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      errors.push(`${rowLabel(record)}: ${column}${issue.message}`);
    }
  }
  return { rows, errors };
}
