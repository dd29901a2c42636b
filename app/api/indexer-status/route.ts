import { NextResponse, type NextRequest } from 'next/server';
import { servedChain } from '@/lib/config/server-env';
import { getFromIndexer, readIndexer } from '@/lib/indexer/client';
import { indexerStatusSchema } from '@/lib/indexer/wire';

export const dynamic = 'force-dynamic';

/**
 * The block the indexer has reached on one of the app's chains (`?chain=`, the default one when absent): the
 * browser waits on it after a transaction on that chain.
 */
export async function GET(request: NextRequest) {
  const asked = request.nextUrl.searchParams.getAll('chain');
  const chain = asked.length > 1 ? undefined : servedChain(asked[0]);
  if (!chain) return NextResponse.json({ error: 'chain: not a chain this app serves' }, { status: 400 });
  const status = await readIndexer(() => getFromIndexer('/status', indexerStatusSchema));
  if (!status.ok) return NextResponse.json({ error: status.error }, { status: 503 });
  const indexed = Object.values(status.data ?? {}).find((c) => c.id === chain.id);
  if (!indexed) return NextResponse.json({ error: `the indexer does not index chain ${chain.id}` }, { status: 503 });
  return NextResponse.json({
    chainId: chain.id,
    block: String(indexed.block.number),
    timestamp: indexed.block.timestamp,
  });
}
