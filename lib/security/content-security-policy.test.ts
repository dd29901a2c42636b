import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createNonce,
  FIXED_SECURITY_HEADERS,
  requestSecurityHeaders,
  rpcSource,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
  WALLETCONNECT_SOURCES,
  type ContentSecurityPolicySettings,
} from './content-security-policy';

const production: ContentSecurityPolicySettings = {
  nonce: 'bm9uY2Utb25lLXR3bw==',
  production: true,
  https: false,
  rpcUrls: ['http://127.0.0.1:8545'],
  walletConnect: false,
};

/** The policy as a map of directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is the strict policy in production: nonce and strict-dynamic for scripts, no eval, no framing', () => {
    expect(contentSecurityPolicy(production)).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'nonce-bm9uY2Utb25lLXR3bw==' 'strict-dynamic'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self' http://127.0.0.1:8545",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ].join('; '),
    );
  });

  it('lets only the Safe{Wallet} origins it is given frame the app, to run it as a Safe app', () => {
    const policy = directives(contentSecurityPolicy({ ...production, frameAncestors: ['https://app.safe.global'] }));
    expect(policy.get('frame-ancestors')).toEqual(['https://app.safe.global']);
    expect(directives(contentSecurityPolicy({ ...production, frameAncestors: [] })).get('frame-ancestors')).toEqual([
      "'none'",
    ]);
  });

  it('allows eval only outside production (next dev)', () => {
    expect(directives(contentSecurityPolicy(production)).get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...production, production: false })).get('script-src')).toEqual([
      "'self'",
      "'nonce-bm9uY2Utb25lLXR3bw=='",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  it('never lets a script in by unsafe-inline, and keeps no nonce in style-src (it would void unsafe-inline)', () => {
    for (const settings of [production, { ...production, production: false }]) {
      const policy = directives(contentSecurityPolicy(settings));
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('style-src')!.some((s) => s.startsWith("'nonce-"))).toBe(false);
    }
  });

  it('connects to the RPC’s origin only, never its path or key', () => {
    const policy = contentSecurityPolicy({ ...production, rpcUrls: ['https://base-mainnet.example.com/v2/SECRETKEY'] });
    expect(directives(policy).get('connect-src')).toEqual(["'self'", 'https://base-mainnet.example.com']);
    expect(policy).not.toContain('SECRETKEY');
  });

  it('connects to every served chain’s RPC, each origin once, and to nothing unparseable', () => {
    const policy = contentSecurityPolicy({
      ...production,
      rpcUrls: [
        'https://base-sepolia.example.com/v2/KEY1',
        'https://eth-sepolia.example.org/KEY2',
        'https://base-sepolia.example.com/v2/KEY3',
        'javascript:alert(1)',
      ],
    });
    expect(directives(policy).get('connect-src')).toEqual([
      "'self'",
      'https://base-sepolia.example.com',
      'https://eth-sepolia.example.org',
    ]);
  });

  it('adds WalletConnect’s hosts only when a project id is set', () => {
    expect(directives(contentSecurityPolicy(production)).get('connect-src')!.join(' ')).not.toMatch(
      /walletconnect|reown/,
    );
    expect(directives(contentSecurityPolicy({ ...production, walletConnect: true })).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:8545',
      ...WALLETCONNECT_SOURCES,
    ]);
  });

  it('upgrades insecure requests only over https', () => {
    expect(directives(contentSecurityPolicy(production)).has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ ...production, https: true })).has('upgrade-insecure-requests')).toBe(
      true,
    );
  });
});

describe('rpcSource', () => {
  it('is the origin of an http(s) or ws(s) URL, and nothing for anything else', () => {
    expect(rpcSource('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
    expect(rpcSource('https://rpc.example.org/path?key=1')).toBe('https://rpc.example.org');
    expect(rpcSource('wss://rpc.example.org/ws')).toBe('wss://rpc.example.org');
    expect(rpcSource('javascript:alert(1)')).toBeUndefined();
    expect(rpcSource('data:text/plain,x')).toBeUndefined();
    expect(rpcSource('not a url')).toBeUndefined();
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(atob(nonce)).toHaveLength(16);
    }
  });
});

describe('servedOverHttps', () => {
  const plain = { production: true, vercel: undefined, protocol: 'http:', forwardedProto: null };

  it('is false for next start on http, as in the end-to-end tests, and always outside production', () => {
    expect(servedOverHttps(plain)).toBe(false);
    expect(servedOverHttps({ ...plain, production: false, vercel: '1', protocol: 'https:' })).toBe(false);
  });

  it('is true in production on Vercel, over https, or behind a proxy that says https', () => {
    expect(servedOverHttps({ ...plain, vercel: '1' })).toBe(true);
    expect(servedOverHttps({ ...plain, protocol: 'https:' })).toBe(true);
    expect(servedOverHttps({ ...plain, forwardedProto: 'https' })).toBe(true);
    expect(servedOverHttps({ ...plain, forwardedProto: 'HTTPS, http' })).toBe(true);
    expect(servedOverHttps({ ...plain, forwardedProto: 'http' })).toBe(false);
  });
});

describe('the headers', () => {
  it('sends HSTS only over https', () => {
    expect(requestSecurityHeaders(production)).toEqual({
      'Content-Security-Policy': contentSecurityPolicy(production),
    });
    expect(requestSecurityHeaders({ ...production, https: true })['Strict-Transport-Security']).toBe(
      STRICT_TRANSPORT_SECURITY,
    );
  });

  it('fixes nosniff, the referrer policy, no framing, and denies the powerful features', () => {
    expect(FIXED_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(FIXED_SECURITY_HEADERS['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(FIXED_SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    const denied = FIXED_SECURITY_HEADERS['Permissions-Policy']!.split(', ');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(denied).toContain(`${feature}=()`);
    }
  });
});
