/** The bench's options: flags, or the environment, or the defaults in the header of bench/indexer-scale.ts. */
import { parseArgs } from 'node:util';

export function options() {
  const { values } = parseArgs({
    options: {
      pools: { type: 'string' },
      assets: { type: 'string' },
      revenue: { type: 'string' },
      full: { type: 'boolean' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'block-time': { type: 'string' },
      keep: { type: 'boolean' },
      postgres: { type: 'boolean' },
      'no-app': { type: 'boolean' },
    },
  });
  const num = (flag: string | undefined, env: string, fallback: number) => {
    const raw = flag ?? process.env[env];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${env}: "${raw}" is not a whole number`);
    return value;
  };
  const full = values.full ?? ['1', 'true'].includes(process.env.BENCH_FULL ?? '');
  const o = {
    pools: num(values.pools, 'BENCH_POOLS', 1_000),
    assets: num(values.assets, 'BENCH_ASSETS', 20_000),
    revenue: num(values.revenue, 'BENCH_REVENUE', full ? 1_000_000 : 100_000),
    duration: num(values.duration, 'BENCH_DURATION', 60),
    connections: num(values.connections, 'BENCH_CONNECTIONS', 50),
    // A new block every N seconds during the load test, as on a live chain: each one moves the indexer's
    // checkpoint and so invalidates every cached answer (0: no new blocks, a best case).
    blockTime: num(values['block-time'], 'BENCH_BLOCK_TIME', 2),
    keep: values.keep ?? false,
    postgres: values.postgres ?? ['1', 'true'].includes(process.env.BENCH_POSTGRES ?? ''),
    // The app's server render of /pools and a pool page at the same load, with and without its page cache.
    app: !(values['no-app'] ?? ['1', 'true'].includes(process.env.BENCH_NO_APP ?? '')),
    appPort: num(undefined, 'BENCH_APP_PORT', 3920),
    postgresPort: num(undefined, 'BENCH_POSTGRES_PORT', 54429),
    chainPort: num(undefined, 'BENCH_CHAIN_PORT', 8945),
    indexerPort: num(undefined, 'BENCH_INDEXER_PORT', 42369),
  };
  if (o.pools < 2) throw new Error('at least 2 pools');
  if (o.assets < o.pools) throw new Error('at least one machine group per pool: --assets must be ≥ --pools');
  return o;
}

export type BenchOptions = ReturnType<typeof options>;
