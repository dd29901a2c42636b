import { getPortfolio, HISTORY_LIMIT } from '@/lib/indexer/accounts';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { plainTextError } from '@/lib/portfolio/csv-response';
import { parsePortfolioAddress } from '@/lib/portfolio/portfolio-address';
import { statementFilename } from '@/lib/portfolio/portfolio-csv';
import { statementPdf } from '@/lib/portfolio/statement-pdf';

export const dynamic = 'force-dynamic';

/** The whole portfolio as a PDF statement: totals, positions, open exits and the full history. */
export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return plainTextError(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  try {
    const { positions, redemptions, history, indexed, pools } = await getPortfolio(account);
    const pdf = await statementPdf({
      account,
      positions,
      redemptions,
      history,
      historyTruncated: history.length >= HISTORY_LIMIT,
      indexed,
      pools,
      generatedAt: new Date(),
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${statementFilename(account, 'statement')}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    return plainTextError(503, `${error.message} No statement was produced; try again in a moment.`);
  }
}
