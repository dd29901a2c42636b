import { NextResponse, type NextRequest } from 'next/server';
import { browserChainSettings, serverEnv } from '@/lib/config/server-env';
import { lookupCachedPage } from '@/lib/page-cache/cached-pages';
import { offerCachedPages, pageCacheInFront } from '@/lib/page-cache/page-front';
import { CACHE_RENDER_HEADER, isCacheRender, PLACEHOLDER_NONCE } from '@/lib/page-cache/page-renderer';
import { createNonce, requestSecurityHeaders, servedOverHttps } from '@/lib/security/content-security-policy';

// The production server (server.ts) answers cached pages before Next routes them, gzipped from pieces
// compressed once; under plain `next start` they are answered here, and Next compresses them.
offerCachedPages(lookupCachedPage);

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
  // A read-only page the cache holds (or renders now) for every visitor; null for the cache's own render. Behind
  // server.ts the cache was asked before this request reached Next.
  const { pathname, searchParams, protocol } = request.nextUrl;
  const cached = pageCacheInFront()
    ? null
    : await lookupCachedPage({
        method: request.method,
        pathname,
        searchParams,
        headers: request.headers,
        protocol,
      });
  if (cached) {
    const response = new NextResponse(cached.body('identity') as Uint8Array<ArrayBuffer>, {
      status: cached.status,
      headers: cached.headers,
    });
    response.headers.set('x-page-cache', cached.outcome);
    return response;
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
    frameAncestors: env.safeAppOrigins,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(CACHE_RENDER_HEADER);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
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
