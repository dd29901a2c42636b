import { NextResponse } from 'next/server';
import { getFromIndexer, indexerStatusSchema, IndexerUnavailableError } from '@/lib/indexer/client';
import { serverEnv } from '@/lib/config/server-env';

export const dynamic = 'force-dynamic';

/** The block the indexer has reached on the app's chain: the browser waits on it after a transaction. */
export async function GET() {
  try {
    const status = await getFromIndexer('/status', indexerStatusSchema);
    const chainId = serverEnv().CHAIN_ID;
    const chain = Object.values(status ?? {}).find((c) => c.id === chainId);
    if (!chain) return NextResponse.json({ error: `the indexer does not index chain ${chainId}` }, { status: 503 });
    return NextResponse.json({ block: String(chain.block.number), timestamp: chain.block.timestamp });
  } catch (error) {
    const message = error instanceof IndexerUnavailableError ? error.message : 'indexer status failed';
    return NextResponse.json({ error: message }, { status: 503 });
  }
}
