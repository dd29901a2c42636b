import { getAccountPositions } from '@/lib/indexer/accounts';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { csvAttachment, plainTextError } from '@/lib/portfolio/csv-response';
import { parsePortfolioAddress } from '@/lib/portfolio/portfolio-address';
import { positionsCsv, statementFilename } from '@/lib/portfolio/portfolio-csv';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return plainTextError(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  try {
    const { positions, indexed } = await getAccountPositions(account);
    return csvAttachment(positionsCsv(positions, indexed), statementFilename(account, 'positions'));
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    return plainTextError(503, `${error.message} No statement was produced; try again in a moment.`);
  }
}
