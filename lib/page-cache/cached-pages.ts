import { browserChainSettings, serverEnv } from '../config/server-env';
import { createNonce, requestSecurityHeaders, servedOverHttps } from '../security/content-security-policy';
import { cachedPageKey, themeCookieOf } from './cacheable-request';
import { hydrateOnIntent } from './hydration-on-intent';
import { readIndexedHeads } from './indexed-heads';
import { createPageCache, sharedWithin } from './page-cache';
import type { CachedAnswer, CachedPageRequest } from './page-front';
import {
  isCacheRender,
  PLACEHOLDER_NONCE,
  pageCacheEnabled,
  renderForCache,
  selfOrigin,
  storablePage,
} from './page-renderer';
import { gzippedWithNonce, headersWithNonce, withNonce } from './visitor-copy';

/**
 * Read-only pages, one render per indexed block: 64 MB of pages at most, none older than 30 s (a page holds
 * nothing that changes without a block but the time it was read).
 */
const pageCache = createPageCache({ maxBytes: 64 * 1024 * 1024, maxAgeMs: 30_000, storable: storablePage });
// One read of the indexer's status per 50 ms, however many requests: a new block reaches the pages within 50 ms
// (plus the read itself) of being indexed.
const indexedHeads = sharedWithin(readIndexedHeads, 50);

/**
 * A read-only page from the page cache, for this request, with a fresh nonce and its security headers; null
 * when the request is not one the cache answers (cachedPageKey), the environment is invalid, the indexer's
 * state is unknown, or the page could not be rendered for the cache (it is then rendered for the visitor as
 * usual). Asked by the production server in front of Next (page-front.ts) and by proxy.ts.
 */
export async function lookupCachedPage(request: CachedPageRequest): Promise<CachedAnswer | null> {
  if (!pageCacheEnabled() || isCacheRender(request.headers)) return null;
  const key = cachedPageKey(request);
  if (!key) return null;
  let env: ReturnType<typeof serverEnv>;
  try {
    env = serverEnv();
  } catch {
    return null; // proxy.ts answers a misconfigured deployment
  }
  const heads = await indexedHeads();
  if (!heads) return null;
  const origin = selfOrigin()!;
  const { pathname, searchParams } = request;
  const search = searchParams.size > 0 ? `?${searchParams}` : '';
  try {
    const { page, outcome } = await pageCache.serve(key, heads, async () => {
      const rendered = await renderForCache(origin, `${pathname}${search}`, themeCookieOf(request.headers));
      return storablePage(rendered)
        ? { ...rendered, body: hydrateOnIntent(rendered.body, PLACEHOLDER_NONCE) }
        : rendered;
    });
    const nonce = createNonce();
    const production = process.env.NODE_ENV === 'production';
    const security = requestSecurityHeaders({
      nonce,
      production,
      https: servedOverHttps({
        production,
        vercel: process.env.VERCEL,
        protocol: request.protocol,
        forwardedProto: request.headers.get('x-forwarded-proto'),
      }),
      rpcUrls: browserChainSettings(env).map((chain) => chain.rpcUrl),
      walletConnect: Boolean(env.WALLETCONNECT_PROJECT_ID),
      frameAncestors: env.safeAppOrigins,
    });
    return {
      status: page.status,
      headers: [...headersWithNonce(page, nonce), ...Object.entries(security)],
      outcome,
      body: (encoding) => (encoding === 'gzip' ? gzippedWithNonce(page, nonce) : withNonce(page, nonce)),
    };
  } catch (error) {
    console.warn(
      `page cache: could not render ${pathname} through ${origin}:`,
      error instanceof Error ? error.message : error,
    );
    return null;
  }
}
