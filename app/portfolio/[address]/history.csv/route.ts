import type { NextRequest } from 'next/server';
import { getAccountHistory, getAccountPositions, poolLabels } from '@/lib/indexer/accounts';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { csvAttachment, plainTextError } from '@/lib/portfolio/csv-response';
import { parseHistoryFilter } from '@/lib/portfolio/history-filter';
import { parsePortfolioAddress } from '@/lib/portfolio/portfolio-address';
import { historyCsv, statementFilename } from '@/lib/portfolio/portfolio-csv';

export const dynamic = 'force-dynamic';

/** The history as the page shows it, with the same `?kind=&pool=` filters. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ address: string }> }) {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return plainTextError(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  const filter = parseHistoryFilter(request.nextUrl.searchParams);
  try {
    const [{ history, indexed }, { positions }] = await Promise.all([
      getAccountHistory(account, filter),
      getAccountPositions(account),
    ]);
    const labels = await poolLabels(
      positions,
      history.map((h) => h.pool),
    );
    return csvAttachment(historyCsv(history, labels, indexed), statementFilename(account, 'history', filter));
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    return plainTextError(503, `${error.message} No statement was produced; try again in a moment.`);
  }
}
