import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * How the scripts serve a production build, as `npm start` does: server.ts, Next's handler with the page cache
 * in front, run by node through tsx's loader (one process, so stopping its group stops it). The build is the
 * one NEXT_DIST_DIR names in the service's environment.
 */
export function productionServerArgs(port: number, hostname = '127.0.0.1'): string[] {
  return ['--import', 'tsx', path.join(root, 'server.ts'), '-p', String(port), '-H', hostname];
}
