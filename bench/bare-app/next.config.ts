import path from 'node:path';
import type { NextConfig } from 'next';

// Lives inside the repository and uses its node_modules: the repository is the root for Turbopack's module
// resolution and for output tracing (both must agree).
const repoRoot = path.resolve(__dirname, '..', '..');

const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Turbopack looks for the proxy (`proxy.<ext>`, `middleware.<ext>`, also under `src/`) in this folder and in
  // every folder above it up to the root, where it would find the repository's own proxy.ts, with its `@/lib/...`
  // imports and its Content-Security-Policy: this page would no longer be bare. An extension of its own (the
  // routes are `page.bare.tsx`, `layout.bare.tsx`) names files that exist nowhere above, so there is no proxy,
  // and no instrumentation either. bench:bundle checks the build for one.
  pageExtensions: ['bare.tsx'],
  turbopack: { root: repoRoot },
  // The build is thrown away after each run: writing Turbopack's cache of it would only cost time.
  experimental: { turbopackFileSystemCacheForBuild: false },
  outputFileTracingRoot: repoRoot,
};

export default nextConfig;
