import { getAccountPositions } from '@/lib/indexer/accounts';
import { positionsCsv, statementFilename } from '@/lib/portfolio/portfolio-csv';
import { csvAttachment, statementResponse } from '@/lib/portfolio/statement-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  return statementResponse((await params).address, async (account) => {
    const { positions, indexed } = await getAccountPositions(account);
    return csvAttachment(positionsCsv(positions, indexed), statementFilename(account, 'positions'));
  });
}
