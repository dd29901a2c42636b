import { NextResponse, type NextRequest } from 'next/server';
import { browserChainSettings, serverEnv } from '@/lib/config/server-env';
import { cachedPageKey, themeCookieOf } from '@/lib/page-cache/cacheable-request';
import { hydrateOnIntent } from '@/lib/page-cache/hydration-on-intent';
import { readIndexedHeads } from '@/lib/page-cache/indexed-heads';
import { createPageCache, sharedWithin } from '@/lib/page-cache/page-cache';
import {
  CACHE_RENDER_HEADER,
  isCacheRender,
  PLACEHOLDER_NONCE,
  pageCacheEnabled,
  renderForCache,
  selfOrigin,
  storablePage,
} from '@/lib/page-cache/page-renderer';
import { headersWithNonce, withNonce } from '@/lib/page-cache/visitor-copy';
import { createNonce, requestSecurityHeaders, servedOverHttps } from '@/lib/security/content-security-policy';

/**
 * Read-only pages, one render per indexed block (lib/page-cache/): 64 MB of pages at most, none older than
 * 30 s (a page holds nothing that changes without a block but the time it was read).
 */
const pageCache = createPageCache({ maxBytes: 64 * 1024 * 1024, maxAgeMs: 30_000, storable: storablePage });
// One read of the indexer's status per 50 ms, however many requests: a new block reaches the pages within 50 ms
// (plus the read itself) of being indexed.
const indexedHeads = sharedWithin(readIndexedHeads, 50);

/**
 * A fresh nonce and Content-Security-Policy for every request (lib/security/content-security-policy.ts).
 * The policy goes on the request too: Next reads the nonce from it while rendering and puts it on every
 * script it emits; `x-nonce` is there for any inline script of our own (app/layout.tsx renders none today).
 * Both request headers are overwritten, so a client cannot choose its own nonce. The fixed headers
 * (nosniff, Referrer-Policy, ...) are set on every path by next.config.ts.
 *
 * The environment is read per request, as the pages read it: one build serves any RPC.
 */
export async function proxy(request: NextRequest) {
  // A path that does not decode (`/pools/%E0%A4%A`) is a 500 inside Next's router (vercel/next.js#92557):
  // no route can match it, so it is a plain 404 here, before any page code runs.
  if (!decodablePath(request.nextUrl.pathname)) return new NextResponse('Not found', { status: 404 });
  let env: ReturnType<typeof serverEnv>;
  try {
    env = serverEnv();
  } catch (error) {
    // A bad CHAIN_IDS, RPC_URL_<id> or INDEXER_URL on the deployment: which one goes to the operators' log, not to visitors.
    console.error('Invalid environment:', error instanceof Error ? error.message : error);
    return new NextResponse('This deployment is misconfigured. Its operators can see why in the server log.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const production = process.env.NODE_ENV === 'production';
  // The proxy's own render for the page cache renders with the placeholder, which never reaches a browser.
  const cacheRender = isCacheRender(request.headers);
  const nonce = cacheRender ? PLACEHOLDER_NONCE : createNonce();
  const headers = requestSecurityHeaders({
    nonce,
    production,
    https: servedOverHttps({
      production,
      vercel: process.env.VERCEL,
      protocol: request.nextUrl.protocol,
      forwardedProto: request.headers.get('x-forwarded-proto'),
    }),
    rpcUrls: browserChainSettings(env).map((chain) => chain.rpcUrl),
    walletConnect: Boolean(env.WALLETCONNECT_PROJECT_ID),
  });

  const cached = cacheRender ? null : await fromPageCache(request, nonce);
  if (cached) {
    for (const [name, value] of Object.entries(headers)) cached.headers.set(name, value);
    return cached;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(CACHE_RENDER_HEADER);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * A read-only page from the page cache, with this response's nonce; null when the request is not one the cache
 * answers (cachedPageKey), the indexer's state is unknown, or the proxy could not render it for the cache (it is
 * then rendered for the visitor as usual). `x-page-cache` says hit, miss or stale.
 */
async function fromPageCache(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  if (!pageCacheEnabled()) return null;
  const { pathname, search, searchParams } = request.nextUrl;
  const key = cachedPageKey({ method: request.method, pathname, searchParams, headers: request.headers });
  if (!key) return null;
  const heads = await indexedHeads();
  if (!heads) return null;
  const origin = selfOrigin()!;
  try {
    const { page, outcome } = await pageCache.serve(key, heads, async () => {
      const rendered = await renderForCache(origin, `${pathname}${search}`, themeCookieOf(request.headers));
      return storablePage(rendered)
        ? { ...rendered, body: hydrateOnIntent(rendered.body, PLACEHOLDER_NONCE) }
        : rendered;
    });
    // As bytes cut at the nonce once per render (lib/page-cache/visitor-copy.ts); Next compresses it as any page.
    const response = new NextResponse(withNonce(page, nonce), {
      status: page.status,
      headers: headersWithNonce(page, nonce),
    });
    response.headers.set('x-page-cache', outcome);
    return response;
  } catch (error) {
    console.warn(
      `page cache: could not render ${pathname} through ${origin}:`,
      error instanceof Error ? error.message : error,
    );
    return null;
  }
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Every page, route handler and 404; not the build's hashed static files, which carry no script to nonce
  // (they get the fixed headers from next.config.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
