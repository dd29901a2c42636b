import 'server-only';
import type { Address } from 'viem';
import { csvAttachment, pdfAttachment, plainText } from '../portfolio/statement-response';
import { loadStatement } from './load-statement';
import { periodStatementCsv } from './period-statement-csv';
import { periodStatementPdf } from './period-statement-pdf';
import { statementFilename } from './statement-view';

/**
 * A period statement as a download (CSV or PDF) of `wallets`, for the period in `params`: a 400 saying what
 * is wrong with the period, a 503 saying why when the indexer cannot answer or the statement does not tie
 * out, never a partial or unreconciled file.
 */
export async function periodStatementDownload(
  wallets: readonly Address[],
  params: Record<string, string>,
  subject: { name: string; slug: string },
  format: 'csv' | 'pdf',
): Promise<Response> {
  const loaded = await loadStatement(wallets, params);
  if (loaded.kind === 'bad-period') return plainText(400, loaded.error);
  if (loaded.kind === 'future')
    return plainText(
      400,
      `${loaded.period.label} starts after the latest indexed block: there is nothing to state yet.`,
    );
  if (loaded.kind === 'unavailable')
    return plainText(503, `${loaded.error} No statement was produced; try again in a moment.`);
  const { statement, period, pools } = loaded;
  const filename = statementFilename(subject.slug, period, format);
  if (format === 'csv') return csvAttachment(periodStatementCsv(statement, period, pools), filename);
  const pdf = await periodStatementPdf({
    subject: subject.name,
    wallets,
    period,
    statement,
    pools,
    generatedAt: new Date(),
  });
  return pdfAttachment(pdf, filename);
}
