import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The end-to-end stack builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
