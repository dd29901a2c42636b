import { NextResponse } from 'next/server';
import { serverEnv } from '@/lib/config/server-env';
import { getFromIndexer, readIndexer } from '@/lib/indexer/client';
import { indexerStatusSchema } from '@/lib/indexer/wire';

export const dynamic = 'force-dynamic';

/** The block the indexer has reached on the app's chain: the browser waits on it after a transaction. */
export async function GET() {
  const status = await readIndexer(() => getFromIndexer('/status', indexerStatusSchema));
  if (!status.ok) return NextResponse.json({ error: status.error }, { status: 503 });
  const chainId = serverEnv().CHAIN_ID;
  const chain = Object.values(status.data ?? {}).find((c) => c.id === chainId);
  if (!chain) return NextResponse.json({ error: `the indexer does not index chain ${chainId}` }, { status: 503 });
  return NextResponse.json({ block: String(chain.block.number), timestamp: chain.block.timestamp });
}
