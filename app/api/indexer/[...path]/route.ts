import { NextResponse, type NextRequest } from 'next/server';
import { servedChain } from '@/lib/config/server-env';
import { INDEXER_TIMEOUT_MS, indexerUrl } from '@/lib/indexer/client';

export const dynamic = 'force-dynamic';

// The browser reads what changes while a page is open (an account's claims, a chart at another interval)
// through the app, so the indexer's URL stays server-side. Only the typed, read-only endpoints pass.
const ALLOWED = /^(accounts|pools|tranched-pools|assets|protocol)(\/[A-Za-z0-9]+)*$/;

/**
 * `?chain=<id>` picks one of the app's chains (every one of them without it); the indexer's own `chainId` is
 * the app's to set, so a browser cannot reach a chain the indexer serves and this app does not.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join('/');
  if (!ALLOWED.test(path)) return NextResponse.json({ error: `no such endpoint: ${path}` }, { status: 404 });
  const search = new URLSearchParams(request.nextUrl.search);
  const asked = search.getAll('chain');
  search.delete('chain');
  const chain = asked.length === 1 ? servedChain(asked[0]) : undefined;
  if (asked.length > 1 || (asked.length === 1 && !chain) || search.has('chainId')) {
    return NextResponse.json({ error: 'chain: give one chain this app serves, once' }, { status: 400 });
  }
  const query = search.toString();
  const url = indexerUrl(`/api/${path}${query ? `?${query}` : ''}`, chain ? [chain.id] : undefined);
  try {
    const res = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS) });
    return new NextResponse(res.body, {
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
    });
  } catch {
    return NextResponse.json({ error: 'The indexer is not reachable.' }, { status: 503 });
  }
}
