import { getTranchePositions } from '@/lib/indexer/tranches';
import { statementFilename } from '@/lib/portfolio/portfolio-csv';
import { csvAttachment, statementResponse } from '@/lib/portfolio/statement-response';
import { tranchePositionsCsv } from '@/lib/portfolio/tranche-csv';

export const dynamic = 'force-dynamic';

/** The account's positions per tranche (senior and junior of each tranched pool), as a CSV statement. */
export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  return statementResponse((await params).address, async (account) => {
    const { positions, indexed } = await getTranchePositions(account);
    return csvAttachment(tranchePositionsCsv(positions, indexed), statementFilename(account, 'tranches'));
  });
}
