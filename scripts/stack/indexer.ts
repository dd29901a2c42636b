import fs from 'node:fs';
import path from 'node:path';
import { GiveUp, isStopping, startService, waitFor, type Service } from './processes';

export type IndexerOptions = {
  port: number;
  rpcUrl: string;
  /** The chain to index; its manifest is `<deploymentsDir>/<chainId>.json`. Default: the local chain, 31337. */
  chainId?: number;
  /**
   * Several chains at once, each with its RPC (chain id → URL), in place of `rpcUrl` and `chainId`: the
   * indexer gets CHAIN_IDS and RPC_URL_<chainId> (indexer/indexed-chains.ts).
   */
  chains?: Record<number, string>;
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

/** Each chain the indexer is to serve, with its RPC. */
function chainRpcs(opts: IndexerOptions): Record<number, string> {
  return opts.chains ?? { [opts.chainId ?? 31337]: opts.rpcUrl };
}

export function indexerEnv(opts: IndexerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only the chains given here: none inherited from the caller's environment.
  for (const key of Object.keys(env)) if (/^RPC_URL_\d+$/.test(key)) delete env[key];
  const chains = chainRpcs(opts);
  Object.assign(env, {
    CHAIN_IDS: Object.keys(chains).join(','),
    CHAIN_ID: String(opts.chainId ?? 31337),
    RPC_URL: opts.rpcUrl,
    ...Object.fromEntries(Object.entries(chains).map(([id, url]) => [`RPC_URL_${id}`, url])),
    DEPLOYMENTS_DIR: opts.deploymentsDir,
    PONDER_PGLITE_DIR: opts.pgliteDir,
    PONDER_TELEMETRY_DISABLED: 'true',
  });
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** Starts Ponder and resolves with its URL once it has indexed the chain up to the current head. */
export async function startIndexer(opts: IndexerOptions): Promise<string> {
  const service = spawnIndexer(opts);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForIndexerReady(url, service);
  await waitForIndexerAtHead(url, opts.chains ?? opts.rpcUrl, service);
  if (opts.command === 'dev') restartOnCrash(service, opts);
  return url;
}

/**
 * `ponder dev` on PGlite can die while hot-reloading an edited handler or API file ("PGlite is closed"):
 * in development the indexer is started again (it reindexes anyway after a change), unless the stack is
 * stopping. Not for `ponder start`, whose exit is a real failure.
 */
function restartOnCrash(service: Service, opts: IndexerOptions) {
  service.child.once('exit', (code, signal) => {
    if (signal || isStopping()) return;
    console.log(`[indexer] exited (code ${code}) during a reload; starting it again`);
    setTimeout(() => {
      if (isStopping()) return;
      restartOnCrash(spawnIndexer(opts), opts);
    }, 1_000);
  });
}

/**
 * Ponder's /ready only means the backfill up to the finalized block is done; the blocks after it are
 * indexed live. Waits until /status reaches the chain's head as it was when called: `rpc` is the one
 * chain's RPC, or each chain's by id.
 */
export async function waitForIndexerAtHead(
  url: string,
  rpc: string | Record<number, string>,
  service?: Service,
  timeoutMs = 120_000,
) {
  const rpcs = typeof rpc === 'string' ? undefined : rpc;
  const heads = new Map<number | undefined, number>();
  if (typeof rpc === 'string') heads.set(undefined, await blockNumber(rpc));
  else for (const [id, rpcUrl] of Object.entries(rpc)) heads.set(Number(id), await blockNumber(rpcUrl));
  await waitFor(
    `the indexer to reach block ${[...heads.values()].join(', ')}`,
    async () => {
      if (service && service.child.exitCode !== null)
        throw new GiveUp(`the indexer exited (code ${service.child.exitCode})`);
      const status = (await (await fetch(`${url}/status`)).json()) as Record<
        string,
        { id: number; block: { number: number } }
      >;
      if (rpcs && Object.keys(status).length < heads.size) return false;
      return Object.values(status).every((chain) => chain.block.number >= heads.get(rpcs ? chain.id : undefined)!);
    },
    timeoutMs,
    200,
  );
}

async function blockNumber(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  });
  return Number(((await res.json()) as { result: string }).result);
}

export function spawnIndexer(opts: IndexerOptions): Service {
  fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const ponder = path.join(process.cwd(), 'node_modules', 'ponder', 'dist', 'esm', 'bin', 'ponder.js');
  const args = [
    ponder,
    '--log-level',
    opts.logLevel ?? 'info',
    opts.command,
    '--port',
    String(opts.port),
    '--hostname',
    '127.0.0.1',
  ];
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
      if (service && service.child.exitCode !== null)
        throw new GiveUp(`the indexer exited (code ${service.child.exitCode}); see its output above`);
      return (await fetch(`${url}/ready`)).ok;
    },
    timeoutMs,
    250,
  );
}
