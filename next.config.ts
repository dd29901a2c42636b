import type { NextConfig } from 'next';
import { FIXED_SECURITY_HEADERS } from './lib/security/content-security-policy';

const nextConfig: NextConfig = {
  // The end-to-end stack builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // The request-independent security headers, on every path, static files included. The per-request ones
  // (the Content-Security-Policy with its nonce, HSTS) are set by proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
