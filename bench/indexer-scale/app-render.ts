/**
 * The app's server render at scale: a production build (`next build` into .next-bench-scale) served by
 * as `npm start` serves it (server.ts) against the bench's indexer, its pages under the same load as the API. Started twice: with the
 * page cache (proxy.ts, lib/page-cache/) as deployed, and with PAGE_CACHE=off, the render of every request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { productionServerArgs } from '../../scripts/stack/app-server';
import { run, startService, waitFor, GiveUp, type Service } from '../../scripts/stack/processes';

const DIST_DIR = '.next-bench-scale';
const root = path.resolve(__dirname, '..', '..');
const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });

export type AppEnv = { rpcUrl: string; chainId: number; indexerUrl: string; deploymentsDir: string };

function env(app: AppEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    RPC_URL: app.rpcUrl,
    CHAIN_ID: String(app.chainId),
    INDEXER_URL: app.indexerUrl,
    DEPLOYMENTS_DIR: app.deploymentsDir,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_BUILD_CACHE: 'off',
    ...extra,
  };
  // One chain: none of the caller's CHAIN_IDS or RPC_URL_<id>.
  delete e.CHAIN_IDS;
  for (const key of Object.keys(e)) if (/^(PUBLIC_)?RPC_URL_\d+$/.test(key)) delete e[key];
  return e;
}

// `next build` rewrites next-env.d.ts and tsconfig.json to include its dist dir's types: what was there is put
// back afterwards, so that the run leaves the repository as it found it.
const rewrittenByBuild = ['next-env.d.ts', 'tsconfig.json'].map((name) => path.join(root, name));

export async function buildApp(app: AppEnv): Promise<void> {
  const before = rewrittenByBuild.map((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined));
  try {
    await run(process.execPath, [nextBin, 'build'], {
      cwd: root,
      env: env(app),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    rewrittenByBuild.forEach((file, i) => {
      const text = before[i];
      if (text !== undefined) fs.writeFileSync(file, text);
    });
  }
}

export function removeAppBuild() {
  fs.rmSync(path.join(root, DIST_DIR), { recursive: true, force: true, maxRetries: 3 });
}

/** The production server on the port, page cache on or off; resolves once it answers. */
export async function startApp(
  app: AppEnv,
  port: number,
  pageCache: boolean,
): Promise<{ url: string; service: Service }> {
  const service = startService(
    pageCache ? 'app' : 'app (no page cache)',
    process.execPath,
    productionServerArgs(port),
    { cwd: root, env: env(app, pageCache ? {} : { PAGE_CACHE: 'off' }), quiet: true },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the app',
    async () => {
      if (service.child.exitCode !== null) throw new GiveUp(`the app exited (code ${service.child.exitCode})`);
      // Any answer: the server is up (its health may still say the indexer lags).
      return (await fetch(`${url}/api/health`).catch(() => undefined)) !== undefined;
    },
    120_000,
    500,
  );
  return { url, service };
}

/** Stops one production server (by its own process group) and waits until it is gone. */
export async function stopApp({ service }: { service: Service }): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}
