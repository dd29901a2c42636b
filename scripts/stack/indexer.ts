import fs from 'node:fs';
import path from 'node:path';
import { GiveUp, startService, waitFor, type Service } from './processes';

export type IndexerOptions = {
  port: number;
  rpcUrl: string;
  deploymentsDir: string;
  /** PGlite data folder; ignored when DATABASE_URL is set. */
  pgliteDir: string;
  command: 'dev' | 'start';
  /** Postgres schema for `ponder start`. */
  schema?: string;
  databaseUrl?: string;
  quiet?: boolean;
  /** Ponder's log level; tests use 'warn' to keep one line per block out of their output. */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
};

export function indexerEnv(opts: IndexerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RPC_URL: opts.rpcUrl,
    CHAIN_ID: '31337',
    DEPLOYMENTS_DIR: opts.deploymentsDir,
    PONDER_PGLITE_DIR: opts.pgliteDir,
    PONDER_TELEMETRY_DISABLED: 'true',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** Starts Ponder and resolves with its URL once historical indexing is complete. */
export async function startIndexer(opts: IndexerOptions): Promise<string> {
  const service = spawnIndexer(opts);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForIndexerReady(url, service);
  return url;
}

export function spawnIndexer(opts: IndexerOptions): Service {
  fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const ponder = path.join(process.cwd(), 'node_modules', 'ponder', 'dist', 'esm', 'bin', 'ponder.js');
  const args = [ponder, '--log-level', opts.logLevel ?? 'info', opts.command, '--port', String(opts.port), '--hostname', '127.0.0.1'];
  if (opts.command === 'dev') args.push('--disable-ui');
  if (opts.command === 'start') args.push('--schema', opts.schema ?? 'public');
  return startService('indexer', process.execPath, args, {
    cwd: path.join(process.cwd(), 'indexer'),
    env: indexerEnv(opts),
    quiet: opts.quiet,
  });
}

export async function waitForIndexerReady(url: string, service?: Service, timeoutMs = 180_000) {
  await waitFor(
    'the indexer',
    async () => {
      if (service && service.child.exitCode !== null) throw new GiveUp(`the indexer exited (code ${service.child.exitCode}); see its output above`);
      return (await fetch(`${url}/ready`)).ok;
    },
    timeoutMs,
    250,
  );
}
