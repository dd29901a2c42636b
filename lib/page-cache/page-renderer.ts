import type { RenderedPage } from './page-cache';

/**
 * How the page cache renders a page: it requests the page from its own server, marked by a
 * secret header, and that inner request renders with a placeholder nonce instead of a fresh one. Each visitor's
 * copy then gets its own fresh nonce in place of the placeholder (withNonce). The placeholder and the secret are
 * random per process and never leave the server (the cache's copies are never sent as they are), so no page
 * content, however it got there, can carry a nonce a browser would accept.
 */

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The nonce the cached render carries. Hex only, so no escaping (HTML, JSON) can change how it is written. */
export const PLACEHOLDER_NONCE = randomHex(16);
const RENDER_SECRET = randomHex(32);
/** The header that marks the cache's render: removed from every request from outside, whatever its value. */
export const CACHE_RENDER_HEADER = 'x-page-cache-render';

/** Marks an element that says its figures could not be read: a page holding one is shown, never kept. */
export const TRANSIENT_MARKER = 'data-transient=""';

/** This request is the cache's own render (it carries the secret); compared in constant time. */
export function isCacheRender(headers: Headers): boolean {
  const given = headers.get(CACHE_RENDER_HEADER);
  if (given === null || given.length !== RENDER_SECRET.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ RENDER_SECRET.charCodeAt(i);
  return diff === 0;
}

/** Headers of the rendered page that a visitor's copy keeps; the security headers are set per response. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'location'];

/**
 * Where the server reaches itself: PAGE_CACHE_ORIGIN, else its own port on the loopback address (`next start`
 * and server.ts set PORT). Never the request's Host header, which the visitor chooses.
 */
export function selfOrigin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PAGE_CACHE_ORIGIN) return env.PAGE_CACHE_ORIGIN.replace(/\/+$/, '');
  return env.PORT ? `http://127.0.0.1:${env.PORT}` : undefined;
}

/**
 * The page cache runs in a production server that knows its own origin, unless PAGE_CACHE=off. Not on
 * Vercel: each function instance there serves few requests at a time and scales out under load, and reaching
 * the deployment from itself would go through its public URL (and a preview's protection).
 */
export function pageCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production' && !env.VERCEL && env.PAGE_CACHE !== 'off' && selfOrigin(env) !== undefined;
}

/** How long the cache waits for its own render before it gives up and renders for the visitor as usual. */
const RENDER_TIMEOUT_MS = 20_000;

/** Renders `pathAndQuery` as a read-only visitor with this theme cookie would see it, nonce placeholder in. */
export async function renderForCache(
  origin: string,
  pathAndQuery: string,
  themeCookie: string | null,
): Promise<RenderedPage> {
  const res = await fetch(`${origin}${pathAndQuery}`, {
    headers: {
      [CACHE_RENDER_HEADER]: RENDER_SECRET,
      accept: 'text/html',
      ...(themeCookie ? { cookie: themeCookie } : {}),
    },
    redirect: 'manual',
    cache: 'no-store',
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  return { status: res.status, headers, body: await res.text() };
}

/** A page worth keeping: a whole HTML page, not an error, not one that says its figures are unavailable. */
export function storablePage(page: RenderedPage): boolean {
  const type = page.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
  return page.status === 200 && type.startsWith('text/html') && !page.body.includes(TRANSIENT_MARKER);
}
