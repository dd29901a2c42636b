import type { NextRequest } from 'next/server';
import { getAccountPositions } from '@/lib/indexer/accounts';
import { entityFilename, entityStatementResponse } from '@/lib/portfolio/entity-response';
import { positionsCsv } from '@/lib/portfolio/portfolio-csv';
import { csvAttachment } from '@/lib/portfolio/statement-response';

export const dynamic = 'force-dynamic';

/** Every wallet's positions, a row per wallet and pool, each naming its wallet. */
export async function GET(request: NextRequest) {
  return entityStatementResponse(request, async (entity) => {
    const { positions, indexed } = await getAccountPositions(entity.wallets);
    return csvAttachment(positionsCsv(positions, indexed), entityFilename(entity, 'positions'));
  });
}
