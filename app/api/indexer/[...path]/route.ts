import { NextResponse, type NextRequest } from 'next/server';
import { INDEXER_TIMEOUT_MS, indexerUrl } from '@/lib/indexer/client';

export const dynamic = 'force-dynamic';

// The browser reads what changes while a page is open (an account's claims, a chart at another interval)
// through the app, so the indexer's URL stays server-side. Only the typed, read-only endpoints pass.
const ALLOWED = /^(accounts|pools|assets|protocol)(\/[A-Za-z0-9]+)*$/;

export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join('/');
  if (!ALLOWED.test(path)) return NextResponse.json({ error: `no such endpoint: ${path}` }, { status: 404 });
  const url = indexerUrl(`/api/${path}${request.nextUrl.search}`);
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
