import type { IncomingMessage, ServerResponse } from 'node:http';
import { FIXED_SECURITY_HEADERS } from '../security/content-security-policy';
import type { PageRequest } from './cacheable-request';

/**
 * The page cache's answer to one request: the status, the headers of this response (its own nonce in the
 * Content-Security-Policy and the Link header) and its body, plain or gzipped, with that nonce in.
 */
export type CachedAnswer = {
  status: number;
  headers: [string, string][];
  /** `x-page-cache`: hit, miss or stale. */
  outcome: string;
  body: (encoding: 'gzip' | 'identity') => Uint8Array;
};

/** The request as the cache reads it; `protocol` is the URL's ('http:' behind a TLS-terminating proxy). */
export type CachedPageRequest = PageRequest & { protocol: string };

export type CachedPageLookup = (request: CachedPageRequest) => Promise<CachedAnswer | null>;

/**
 * proxy.ts holds the cache (it runs inside Next, where the server's environment and the indexer client live)
 * and offers its lookup here; the production server (server.ts) asks it before handing a request to Next. A
 * global, because server.ts and Next's bundle of proxy.ts are two module graphs in one process.
 */
const OFFERED = Symbol.for('machine-yield.page-cache.lookup');
const IN_FRONT = Symbol.for('machine-yield.page-cache.in-front');
type Holder = { [OFFERED]?: CachedPageLookup; [IN_FRONT]?: true };

export function offerCachedPages(lookup: CachedPageLookup): void {
  (globalThis as Holder)[OFFERED] = lookup;
}

/**
 * Whether the production server asks the cache before Next: then every request that reaches proxy.ts has been
 * asked for already, and proxy.ts does not ask again (a render that failed or timed out would be tried twice).
 */
export function pageCacheInFront(): boolean {
  return (globalThis as Holder)[IN_FRONT] === true;
}

/**
 * Answers `req` from the page cache, before Next sees it, when the cache holds (or renders) the page: true when
 * it did. A hit costs the lookup and a copy of bytes — no routing, no proxy, no compression per request (the
 * copy is gzipped from pieces compressed once, lib/page-cache/visitor-copy.ts) — so read-only pages keep up
 * under load. False, and nothing written, for anything else: Next then answers as usual (and its proxy.ts does
 * the rest, including the cache's own render of the page). Until Next has loaded proxy.ts (its first request),
 * nothing is offered and every request goes to Next.
 */
export async function answerFromPageCache(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  (globalThis as Holder)[IN_FRONT] = true;
  const lookup = (globalThis as Holder)[OFFERED];
  if (!lookup || req.method !== 'GET' || !req.url?.startsWith('/')) return false;
  // The request target appended to an origin, never resolved against one: `//host/pools` is that path, not /pools.
  const url = new URL(`http://page-cache.invalid${req.url}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const answer = await lookup({
    method: req.method,
    pathname: url.pathname,
    searchParams: url.searchParams,
    headers,
    protocol: 'http:',
  });
  if (!answer) return false;
  const gzip = acceptsGzip(headers.get('accept-encoding'));
  const body = answer.body(gzip ? 'gzip' : 'identity');
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) res.setHeader(name, value);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  const vary = res.getHeader('vary');
  res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (gzip) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.setHeader('x-page-cache', answer.outcome);
  res.end(body);
  return true;
}

/** Whether the client takes gzip: named in Accept-Encoding (else `*`) with a quality above 0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  return acceptsEncoding(acceptEncoding, 'gzip');
}

/** Whether the client takes `coding` (gzip, br): named in Accept-Encoding (else `*`) with a quality above 0. */
export function acceptsEncoding(acceptEncoding: string | null, coding: string): boolean {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (quality.get(coding) ?? quality.get('*') ?? 0) > 0;
}
