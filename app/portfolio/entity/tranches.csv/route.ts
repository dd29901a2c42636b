import type { NextRequest } from 'next/server';
import { getTranchePositions } from '@/lib/indexer/tranches';
import { entityFilename, entityStatementResponse } from '@/lib/portfolio/entity-response';
import { csvAttachment } from '@/lib/portfolio/statement-response';
import { tranchePositionsCsv } from '@/lib/portfolio/tranche-csv';

export const dynamic = 'force-dynamic';

/** Every wallet's positions per tranche, a row per wallet and tranche, each naming its wallet. */
export async function GET(request: NextRequest) {
  return entityStatementResponse(request, async (entity) => {
    const { positions, indexed } = await getTranchePositions(entity.wallets);
    return csvAttachment(tranchePositionsCsv(positions, indexed), entityFilename(entity, 'tranches'));
  });
}
