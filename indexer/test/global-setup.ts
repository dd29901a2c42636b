import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { deployAndSeed, seedGenesisTimestamp } from '../../scripts/seed/simulate';
import { startAnvil } from '../../scripts/stack/anvil';
import { startIndexer } from '../../scripts/stack/indexer';
import { preferredOrFreePort } from '../../scripts/stack/ports';
import { startPostgres, type Postgres } from '../../scripts/stack/postgres';
import { run, stopAll } from '../../scripts/stack/processes';

// Ports of their own, apart from `npm run dev` and the end-to-end stack.
const CHAIN_PORT = Number(process.env.INDEXER_TEST_CHAIN_PORT ?? 8745);
const INDEXER_PORT = Number(process.env.INDEXER_TEST_PORT ?? 42269);

/** The extra indexers resilience.test.ts and multichain.test.ts start, by schema name. */
export const EXTRA_INDEXERS = ['after_reorg', 'crash_restart', 'flaky_rpc', 'multichain'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string;
    indexerUrl: string;
    deploymentsDir: string;
    /**
     * When the suite runs on PostgreSQL: a database of its own for each extra indexer the tests start, as in
     * production, where instances do not share Ponder's sync tables.
     */
    extraDatabases: Record<string, string> | undefined;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(__dirname, '..', '..');
  process.chdir(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'my-indexer-test-'));
  // INDEXER_TEST_DATABASE=postgres runs the whole suite on a throwaway PostgreSQL instead of PGlite.
  let postgres: Postgres | undefined;
  if (process.env.INDEXER_TEST_DATABASE === 'postgres') {
    postgres = await startPostgres(await preferredOrFreePort(Number(process.env.INDEXER_TEST_PG_PORT ?? 54329)));
    console.log(`indexer tests on PostgreSQL at ${postgres.url}`);
  }
  const deploymentsDir = path.join(work, 'deployments');

  await run(path.join(root, 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
    cwd: path.join(root, 'contracts'),
  });
  try {
    const anvil = await startAnvil(CHAIN_PORT, { quiet: true, genesisTimestamp: seedGenesisTimestamp() });
    await deployAndSeed({ rpcUrl: anvil.rpcUrl, deploymentsDir });
    const indexerUrl = await startIndexer({
      port: INDEXER_PORT,
      rpcUrl: anvil.rpcUrl,
      deploymentsDir,
      pgliteDir: path.join(work, 'pglite'),
      command: 'start',
      schema: 'indexer_test',
      logLevel: 'warn',
      databaseUrl: postgres?.url,
    });
    project.provide('rpcUrl', anvil.rpcUrl);
    project.provide('indexerUrl', indexerUrl);
    project.provide('deploymentsDir', deploymentsDir);
    project.provide(
      'extraDatabases',
      postgres
        ? Object.fromEntries(
            await Promise.all(EXTRA_INDEXERS.map(async (name) => [name, await postgres!.createDatabase(name)])),
          )
        : undefined,
    );
  } catch (error) {
    await stopAll();
    postgres?.stop();
    throw error;
  }

  return async () => {
    await stopAll();
    postgres?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  };
}
