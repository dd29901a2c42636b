/**
 * The site's security headers, as pure functions of what they depend on: the request's nonce, whether this
 * is a production build, whether the page is served over https, the browser's RPC and whether WalletConnect
 * is on. `proxy.ts` sets the per-request ones (the CSP and HSTS) and `next.config.ts` the fixed ones on every
 * path, static files included.
 */

export type ContentSecurityPolicySettings = {
  /** A fresh value per request (`createNonce`): Next puts it on every script it renders. */
  nonce: string;
  /** `process.env.NODE_ENV === 'production'`. Anything else is `next dev` (or a test), which needs eval. */
  production: boolean;
  /** Served over https (`servedOverHttps`): mixed content is then upgraded rather than blocked. */
  https: boolean;
  /** The RPCs the browser's wallet client talks to, one per served chain (PUBLIC_RPC_URL_<id>, else RPC_URL_<id>). */
  rpcUrls: readonly string[];
  /** A WalletConnect project id is set: its relay, RPC and verify hosts are reachable. */
  walletConnect: boolean;
  /** Who may frame the app: Safe{Wallet}'s origins (SAFE_APP_ORIGINS), to run it as a Safe app; else no one. */
  frameAncestors?: readonly string[];
};

/** WalletConnect's relay (wss), RPC, verify and pulse hosts, under both its old and its new (Reown) names. */
export const WALLETCONNECT_SOURCES = [
  'https://*.walletconnect.com',
  'https://*.walletconnect.org',
  'wss://*.walletconnect.com',
  'wss://*.walletconnect.org',
  'https://*.reown.com',
  'wss://*.reown.com',
] as const;

/** A random 128-bit nonce, base64: what CSP's `'nonce-…'` and Next's nonce parser accept. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The origin of the browser's RPC, as a CSP source. Only the origin: a path would have to match exactly
 * (and would print an RPC provider's key, often in the path, into every response's headers).
 */
export function rpcSource(rpcUrl: string): string | undefined {
  try {
    const { protocol, origin } = new URL(rpcUrl);
    return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}

export function contentSecurityPolicy({
  nonce,
  production,
  https,
  rpcUrls,
  walletConnect,
  frameAncestors = [],
}: ContentSecurityPolicySettings): string {
  const rpcs = [...new Set(rpcUrls.map(rpcSource).filter((source) => source !== undefined))];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Next's scripts carry the nonce; what they load is trusted through 'strict-dynamic' ('self' is only a
    // fallback for browsers without CSP 3). React needs eval in development only, for its error stacks;
    // nothing in production (React, Next, wagmi, viem, RainbowKit) does.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(production ? [] : ["'unsafe-eval'"])],
    // 'unsafe-inline' for styles, the one relaxation: RainbowKit renders its theme as a <style> element without
    // a nonce and sets style attributes on its modal, Recharts positions its tooltip and SVG with style
    // attributes, and neither accepts a nonce. (A nonce in this list would switch 'unsafe-inline' off.) Styles
    // cannot run code; scripts stay nonce-only.
    ['style-src', "'self'", "'unsafe-inline'"],
    // Wallet icons are data: URIs; nothing is loaded from another host.
    ['img-src', "'self'", 'data:', 'blob:'],
    // Inter is bundled with the app (next/font/local).
    ['font-src', "'self'"],
    // The indexer is reached through the app's own /api/indexer, so only the chains' RPCs are other origins.
    ['connect-src', "'self'", ...rpcs, ...(walletConnect ? WALLETCONNECT_SOURCES : [])],
    // Framed only by Safe{Wallet}, which runs the app as a Safe app for a Safe's owners; by no one else, so
    // that the deposit form cannot be clickjacked. (X-Frame-Options: DENY stays for browsers without CSP 2,
    // which ignore frame-ancestors; every browser that has it ignores X-Frame-Options beside it.)
    ['frame-ancestors', ...(frameAncestors.length > 0 ? frameAncestors : ["'none'"])],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['object-src', "'none'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * Whether the response goes out over https, which decides HSTS (and upgrade-insecure-requests): a production
 * build, and either Vercel (which serves only https) or a request that arrived over https, directly or
 * through a TLS-terminating proxy saying so in X-Forwarded-Proto. `next start` on http://127.0.0.1, as in the
 * end-to-end tests, sends neither. A spoofed X-Forwarded-Proto over plain http is harmless: browsers ignore
 * HSTS received over http.
 */
export function servedOverHttps({
  production,
  vercel,
  protocol,
  forwardedProto,
}: {
  production: boolean;
  /** process.env.VERCEL: '1' on every Vercel deployment, previews included. */
  vercel: string | undefined;
  /** The request URL's protocol, e.g. 'https:'. */
  protocol: string;
  forwardedProto: string | null;
}): boolean {
  if (!production) return false;
  const forwarded = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return vercel === '1' || protocol === 'https:' || forwarded === 'https';
}

/** Two years, subdomains included; not `preload`, which is a separate, hard-to-undo decision for a domain. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The request-independent headers, for every path (next.config.ts): static files need nosniff too. */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Powerful features the app never uses, denied to it and to anything embedded in it. Only features Chrome
  // recognizes, so that the console stays free of "Unrecognized feature" errors. The clipboard stays
  // allowed: RainbowKit's account modal copies the address.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'browsing-topics=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'serial=()',
    'usb=()',
    'xr-spatial-tracking=()',
  ].join(', '),
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** The per-request headers proxy.ts sets on the response. */
export function requestSecurityHeaders(settings: ContentSecurityPolicySettings): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(settings),
    ...(settings.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
