import { walletStateCookie } from '../security/wallet-cookie';
import { parseThemePreference, THEME_COOKIE } from '../theme/theme-preference';

/**
 * The read-only pages the page cache may serve, with the query parameters each one reads. A request with any
 * other parameter, or one given twice, is rendered as usual and not kept: no visitor can fill the cache with
 * URLs of their own making that all render the same page.
 */
const CACHEABLE_ROUTES: { path: RegExp; params: readonly string[] }[] = [
  { path: /^\/$/, params: [] },
  { path: /^\/pools$/, params: ['category', 'status', 'q', 'sort', 'order', 'chain', 'page'] },
  { path: /^\/pools\/0x[0-9a-fA-F]{40}$/, params: ['chain', 'interval', 'range'] },
  { path: /^\/assets\/\d{1,78}$/, params: ['chain', 'interval', 'range'] },
  { path: /^\/projects$/, params: [] },
  { path: /^\/projects\/\d{1,78}$/, params: ['chain'] },
  // Any address's portfolio is public, read from the chain: the same page for every read-only visitor. A
  // lower-case address is redirected to the checksummed one, and redirects are never kept.
  { path: /^\/portfolio\/0x[0-9a-fA-F]{40}$/, params: ['kind', 'pool', 'positions'] },
];

export type PageRequest = {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  headers: Headers;
};

/**
 * Which cached page answers this request, or null when it must be rendered for the visitor: anything but a
 * document GET that accepts HTML (Next's client navigations and prefetches ask for RSC payloads; server actions
 * POST),
 * a visitor with wagmi's state cookie (their page carries their connection), a route or parameter not listed.
 * The key is the path, the sorted parameters and the theme: all a read-only page renders from besides the
 * indexer.
 */
export function cachedPageKey({ method, pathname, searchParams, headers }: PageRequest): string | null {
  if (method !== 'GET') return null;
  // A document request: a browser's navigation asks for text/html. Next's client navigations and prefetches ask
  // for its RSC payload instead, and the proxy cannot tell them by their own headers (Next strips `RSC` and
  // `_rsc` before proxy.ts sees the request), only by what they accept (`*/*`).
  if (!acceptsHtml(headers.get('accept'))) return null;
  if (headers.has('rsc') || headers.has('next-router-prefetch') || headers.has('next-action')) return null;
  const route = CACHEABLE_ROUTES.find((r) => r.path.test(pathname));
  if (!route) return null;
  const names = [...searchParams.keys()];
  if (names.some((name) => !route.params.includes(name)) || new Set(names).size !== names.length) return null;
  if (walletStateCookie(headers.get('cookie')) !== null) return null;
  const cookies = parseCookies(headers.get('cookie'));
  const sorted = [...searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(sorted).toString();
  return `${pathname}${query ? `?${query}` : ''} theme=${parseThemePreference(cookies.get(THEME_COOKIE))}`;
}

function acceptsHtml(accept: string | null): boolean {
  return (accept ?? '').split(',').some((type) => type.trim().toLowerCase().startsWith('text/html'));
}

/** The theme cookie as the cached render must see it (no other cookie of the visitor's reaches that render). */
export function themeCookieOf(headers: Headers): string | null {
  const theme = parseCookies(headers.get('cookie')).get(THEME_COOKIE);
  return theme === undefined ? null : `${THEME_COOKIE}=${encodeURIComponent(parseThemePreference(theme))}`;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    // The first occurrence wins, as in the browser's order and wagmi's parser.
    if (name && !cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}
