/**
 * The indexer at scale: a generated world of P pools, A machine groups and R revenue distributions on a
 * throwaway anvil, a full backfill with `ponder start`, then the heaviest API endpoints under load.
 *
 *   npm run bench:indexer                          P = 1,000  A = 20,000  R = 100,000, 60 s per endpoint
 *   npm run bench:indexer -- --full                R = 1,000,000
 *   npm run bench:indexer -- --pools 100 --assets 2000 --revenue 10000 --duration 10
 *
 * Flags (or environment): --pools (BENCH_POOLS), --assets (BENCH_ASSETS), --revenue (BENCH_REVENUE),
 * --full (BENCH_FULL=1), --duration seconds per endpoint (BENCH_DURATION; 0 skips the load test),
 * --connections (BENCH_CONNECTIONS, 50), --block-time seconds between blocks mined during the load test
 * (BENCH_BLOCK_TIME, 2; each new block invalidates the API's answer cache), --keep (keep the temporary folder: manifest and PGlite data),
 * --no-app (BENCH_NO_APP=1: skip the app's pages, which build the app into .next-bench-scale and serve it as
 * `npm start` does (server.ts), with its page cache and without).
 * Ports: BENCH_CHAIN_PORT (8945), BENCH_INDEXER_PORT (42369), BENCH_POSTGRES_PORT (54429), BENCH_APP_PORT (3920).
 * Database: PGlite in a temp folder by default (Ponder's embedded default, which runs inside the indexer's own
 * thread); --postgres (BENCH_POSTGRES=1) starts a throwaway PostgreSQL cluster for the run (from npm, as the
 * tests do), the production mode; with DATABASE_URL the indexer uses that Postgres instead, in a schema of its
 * own per run (`bench_<time>`, left behind).
 *
 * The world: pool 0 is a busy pool with 5× the average number of machine groups, which distributes every
 * day; the others distribute in rotation, each round covering all of the pool's machines in one
 * distributeRevenueBatch, so that R distributions spread evenly over the days of history. Utilization is
 * reported (reportUtilizationBatch) for every other round of a pool. Each pool has three depositors, one
 * of them the same investor everywhere, who also claims revenue three times: the account whose history is
 * measured. Transactions are sent in bulk with automine off and mined a day at a time.
 *
 * The parts: indexer-scale/options.ts, world-plan.ts, world-setup.ts and revenue-history.ts (the world, generated
 * by generate.ts over bulk-miner.ts), api-latency.ts; this file runs them and reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestClient, http, publicActions } from 'viem';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../scripts/stack/indexer';
import { startAnvil } from '../scripts/stack/anvil';
import { assertPortFree, preferredOrFreePort } from '../scripts/stack/ports';
import { startPostgres, type Postgres } from '../scripts/stack/postgres';
import { run, stopAll } from '../scripts/stack/processes';
import { load, metric, unloaded } from './indexer-scale/api-latency';
import { buildApp, removeAppBuild, startApp, stopApp } from './indexer-scale/app-render';
import { generate } from './indexer-scale/generate';
import { options } from './indexer-scale/options';
import { FIRST_REVENUE_DAY, HISTORY_DAYS } from './indexer-scale/revenue-history';

const DAY = 86_400;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`).padStart(10);
const header = `${'endpoint'.padEnd(40)} ${'alone'.padStart(10)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)} ${'req/s'.padStart(7)}`;

// ─── Main ──────────────────────────────────────────────────────────────────────────────────────────────

// Module-level so that Ctrl-C stops the throwaway cluster too.
let postgres: Postgres | undefined;

async function main() {
  const o = options();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'my-indexer-bench-'));
  const deploymentsDir = path.join(work, 'deployments');
  try {
    await run(path.join(process.cwd(), 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
      cwd: path.join(process.cwd(), 'contracts'),
    });
    console.log(
      `World: ${fmt(o.pools)} pools, ${fmt(o.assets)} machine groups, ${fmt(o.revenue)} revenue distributions over ${HISTORY_DAYS} days`,
    );

    await assertPortFree(o.chainPort, 'anvil', 'BENCH_CHAIN_PORT');
    await assertPortFree(o.indexerPort, 'indexer', 'BENCH_INDEXER_PORT');
    if (o.app) await assertPortFree(o.appPort, 'app', 'BENCH_APP_PORT');

    // 1. Generate.
    const genesis = Math.floor(Date.now() / 1000) - HISTORY_DAYS * DAY;
    // Without --prune-history anvil keeps a copy of the state per block: gigabytes at this size. Nothing
    // here reads past state (the indexer reads logs and blocks only).
    const anvil = await startAnvil(o.chainPort, {
      quiet: true,
      genesisTimestamp: genesis,
      extraArgs: ['--disable-block-gas-limit', '--prune-history'],
    });
    const chain = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) }).extend(publicActions);
    const generationStarted = performance.now();
    const world = await generate(anvil.rpcUrl, o, deploymentsDir);
    const generationMs = performance.now() - generationStarted;
    const expected = Object.values(world.counts).reduce((s, n) => s + n, 0);
    console.log(
      `\n1. Generation: ${seconds(generationMs)} (pools, machines, deposits, financing ${seconds(world.setupMs)}; ` +
        `${HISTORY_DAYS - FIRST_REVENUE_DAY} days of revenue ${seconds(world.historyMs)}), ` +
        `${fmt(world.txs)} transactions in ${fmt(world.blocks)} blocks, ${fmt(expected)} events to index`,
    );
    for (const [name, n] of Object.entries(world.counts)) console.log(`   ${name.padEnd(44)} ${fmt(n).padStart(10)}`);

    // 2. Backfill.
    let databaseUrl = process.env.DATABASE_URL || undefined;
    if (!databaseUrl && o.postgres) {
      postgres = await startPostgres(await preferredOrFreePort(o.postgresPort));
      databaseUrl = await postgres.createDatabase('bench');
    }
    const schema = `bench_${Date.now()}`;
    const url = `http://127.0.0.1:${o.indexerPort}`;
    const indexingStarted = performance.now();
    const indexer = spawnIndexer({
      port: o.indexerPort,
      rpcUrl: anvil.rpcUrl,
      deploymentsDir,
      pgliteDir: path.join(work, 'pglite'),
      command: 'start',
      schema: databaseUrl ? schema : 'public',
      databaseUrl,
      logLevel: (process.env.BENCH_LOG_LEVEL as 'info' | undefined) ?? 'warn',
    });
    const budget = Math.max(600_000, (expected / 500) * 1000); // generous: fails only if indexing stalls
    await waitForIndexerReady(url, indexer, budget);
    const readyMs = performance.now() - indexingStarted;
    await waitForIndexerAtHead(url, anvil.rpcUrl, indexer, budget);
    const backfillMs = performance.now() - indexingStarted;
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const indexed = metric(metrics, 'ponder_indexing_completed_events', 'event');
    const rpcCount = metric(metrics, 'ponder_rpc_request_duration_count', 'method');
    const rpcMs = metric(metrics, 'ponder_rpc_request_duration_sum', 'method');
    const handlerMs = Object.values(metric(metrics, 'ponder_indexing_function_duration_sum', 'event')).reduce(
      (s, n) => s + n,
      0,
    );
    const total = Object.values(indexed).reduce((s, n) => s + n, 0);
    const revenue = indexed['FinancingPool:RevenueDistributed'] ?? 0;
    console.log(
      `\n2. Backfill (ponder start, ${databaseUrl ? `Postgres, schema ${schema}` : 'PGlite'}): ${seconds(backfillMs)} to the head ` +
        `(${seconds(readyMs)} to /ready), ${fmt(total)} events, ${fmt(total / (backfillMs / 1000))} events/s; ` +
        `${fmt(revenue)} revenue distributions`,
    );
    console.log(
      `   handlers ${seconds(handlerMs)} in all; RPC requests: ` +
        Object.entries(rpcCount)
          .map(([method, n]) => `${method} ${fmt(n)} (${seconds(rpcMs[method] ?? 0)})`)
          .join(', '),
    );
    if (total !== expected || revenue !== world.counts['FinancingPool:RevenueDistributed']) {
      console.log(`   indexed events differ from those generated (${fmt(expected)}):`, indexed);
      process.exitCode = 1;
    }

    /** One URL under load (new blocks mined meanwhile) and alone; prints its row, returns its p95. */
    const measure = async (
      base: string,
      label: string,
      endpoint: string,
      headers: Record<string, string> = {},
    ): Promise<number> => {
      const res = await fetch(base + endpoint);
      if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${(await res.text()).slice(0, 500)}`);
      await res.arrayBuffer();
      const alone = await unloaded(base + endpoint);
      const mining =
        o.blockTime > 0
          ? setInterval(
              // A block missed at the very end changes nothing.
              () => void chain.mine({ blocks: 1 }).catch(() => undefined),
              o.blockTime * 1000,
            )
          : undefined;
      const r = await load(base + endpoint, o.connections, o.duration, headers).finally(() => clearInterval(mining));
      console.log(
        `${label.padEnd(40)} ${ms(alone.p50)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${r.rps.toFixed(0).padStart(7)}` +
          (r.failures ? `  ${r.failures}` : '') +
          (r.requests === 0 ? '  no answer within the run' : ''),
      );
      if (r.failures || r.requests === 0) process.exitCode = 1;
      return Number.isNaN(r.p95) ? Infinity : r.p95;
    };

    // 3. API latency.
    if (o.duration > 0) {
      const busy = world.pools[0]!.toLowerCase();
      // A quarter's period statement, ending on the chain's last day: the ledgers' heaviest read.
      const headTime = Number((await chain.getBlock()).timestamp);
      const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
      const quarter = `from=${day(headTime - 90 * 86_400)}&to=${day(headTime)}`;
      const endpoints: [string, string][] = [
        ['/api/status (one trivial query)', '/api/status'],
        ['/api/pools?sort=yield&limit=50', '/api/pools?sort=yield&limit=50'],
        ['/api/pools/<busy>/series revenue 180 d', `/api/pools/${busy}/series?metric=revenue&interval=day&days=180`],
        ['/api/accounts/<investor>/history', `/api/accounts/${world.whale.toLowerCase()}/history?limit=100`],
        ['/api/accounts/<investor>/statement 90 d', `/api/accounts/${world.whale.toLowerCase()}/statement?${quarter}`],
        ['/api/protocol', '/api/protocol'],
      ];
      console.log(
        `\n3. API under load: ${o.connections} connections for ${o.duration} s per endpoint (autocannon), ` +
          (o.blockTime > 0 ? `a new block every ${o.blockTime} s; ` : 'no new blocks (answers stay cached); ') +
          `alone = one request at a time, uncached (p50 of 20)\n`,
      );
      console.log(header);
      let worstP95 = 0;
      for (const [label, endpoint] of endpoints) {
        const r = await measure(url, label, endpoint);
        if (endpoint !== '/api/status') worstP95 = Math.max(worstP95, r);
      }
      console.log(`\nTargets: API p95 ≤ 50 ms: ${worstP95 <= 50 ? 'met' : `missed (worst ${ms(worstP95).trim()})`}`);
    }

    // 4. The app's pages at the same load.
    if (o.duration > 0 && o.app) {
      const app = { rpcUrl: anvil.rpcUrl, chainId: 31337, indexerUrl: url, deploymentsDir };
      const buildStarted = performance.now();
      await buildApp(app);
      const pages: [string, string][] = [
        ['/pools (first of 20 pages)', '/pools'],
        ['/pools/<busy> (pool page)', `/pools/${world.pools[0]}?chain=31337`],
        ['/pools/<typical> (pool page)', `/pools/${world.pools[1]}?chain=31337`],
      ];
      console.log(
        `\n4. The app's server render (npm start: server.ts, production build in ${seconds(performance.now() - buildStarted)}): ` +
          `the same load, gzip accepted; alone = one request at a time past the page cache (its own render)\n`,
      );
      let worstP95 = 0;
      for (const pageCache of [true, false]) {
        const server = await startApp(app, o.appPort, pageCache);
        try {
          console.log(pageCache ? 'with the page cache (as deployed):' : 'PAGE_CACHE=off (every request rendered):');
          console.log(header);
          for (const [label, endpoint] of pages) {
            // As a browser navigates: HTML and gzip accepted (Next compresses every page, the cache's copies too).
            const p95 = await measure(server.url, label, endpoint, {
              accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
              'accept-encoding': 'gzip',
            });
            if (pageCache) worstP95 = Math.max(worstP95, p95);
          }
        } finally {
          await stopApp(server);
        }
      }
      console.log(
        `\nTargets: page p95 ≤ 150 ms at ${o.connections} connections: ` +
          (worstP95 <= 150 ? 'met' : `missed (worst ${ms(worstP95).trim()})`),
      );
    }
    console.log(
      `Targets: backfill ≤ 60 s: ${backfillMs <= 60_000 ? 'met' : 'missed'} (${seconds(backfillMs)} for ${fmt(revenue)} revenue distributions, ${fmt(total)} events)`,
    );
  } finally {
    await stopAll();
    removeAppBuild();
    postgres?.stop();
    if (o.keep) console.log(`\nKept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => {
      postgres?.stop();
      process.exit(130);
    });
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
