import type { NextRequest } from 'next/server';
import { getAccountHistory, getAccountPositions, poolLabels } from '@/lib/indexer/accounts';
import { entityFilename, entityStatementResponse } from '@/lib/portfolio/entity-response';
import { historyCsv } from '@/lib/portfolio/portfolio-csv';
import { csvAttachment } from '@/lib/portfolio/statement-response';

export const dynamic = 'force-dynamic';

/** Every wallet's history, newest first, each row naming its wallet. */
export async function GET(request: NextRequest) {
  return entityStatementResponse(request, async (entity) => {
    const [{ history, indexed }, { positions }] = await Promise.all([
      getAccountHistory(entity.wallets),
      getAccountPositions(entity.wallets),
    ]);
    const labels = await poolLabels(positions, history);
    return csvAttachment(historyCsv(history, labels, indexed), entityFilename(entity, 'history'));
  });
}
