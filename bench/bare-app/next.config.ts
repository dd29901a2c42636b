import path from 'node:path';
import type { NextConfig } from 'next';

// Lives inside the repository and uses its node_modules: the repository is the root for Turbopack's module
// resolution and for output tracing (both must agree).
const repoRoot = path.resolve(__dirname, '..', '..');

const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
};

export default nextConfig;
