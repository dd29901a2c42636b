import type { NextRequest } from 'next/server';
import { getAccountHistory, getAccountPositions, poolLabels } from '@/lib/indexer/accounts';
import { parseHistoryFilter } from '@/lib/portfolio/history-filter';
import { historyCsv, statementFilename } from '@/lib/portfolio/portfolio-csv';
import { csvAttachment, statementResponse } from '@/lib/portfolio/statement-response';

export const dynamic = 'force-dynamic';

/** The history as the page shows it, with the same `?kind=&pool=` filters. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ address: string }> }) {
  const filter = parseHistoryFilter(request.nextUrl.searchParams);
  return statementResponse((await params).address, async (account) => {
    const [{ history, indexed }, { positions }] = await Promise.all([
      getAccountHistory(account, filter),
      getAccountPositions(account),
    ]);
    const labels = await poolLabels(positions, history);
    return csvAttachment(historyCsv(history, labels, indexed), statementFilename(account, 'history', filter));
  });
}
