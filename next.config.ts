import type { NextConfig } from 'next';
import { FIXED_SECURITY_HEADERS } from './lib/security/content-security-policy';

const nextConfig: NextConfig = {
  // The end-to-end stack builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree, route types included (`next typegen`, then tsc), in its own step before
  // it builds for the end-to-end tests, and says so (NEXT_TYPECHECKED=1): that build need not check it again.
  // Every other build (Vercel's, `npm run build`) checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_TYPECHECKED === '1' },
  experimental: {
    // Writing Turbopack's build cache takes half a minute and pays only when the same tree is built again;
    // `npm test` (and so CI, a fresh clone each time) sets NEXT_BUILD_CACHE=off.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== 'off',
  },
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
