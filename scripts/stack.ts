/**
 * Brings the whole stack up: anvil, contracts deployed and seeded, the Ponder indexer, the Next.js app.
 *
 *   tsx scripts/stack.ts dev     `npm run dev`: ports 8545 / 42069 / 3000, next dev, ponder dev
 *   tsx scripts/stack.ts e2e     the end-to-end tests' stack: ports 8645 / 42169 / 3100, next build + start
 *   tsx scripts/stack.ts chain   anvil with the seeded contracts only
 *
 * Ports: CHAIN_PORT, INDEXER_PORT, APP_PORT. Ctrl-C (or SIGTERM) stops everything this started.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deployAndSeed, seedGenesisTimestamp } from './seed/simulate';
import { startAnvil } from './stack/anvil';
import { productionServerArgs } from './stack/app-server';
import { startIndexer } from './stack/indexer';
import { assertPortFree, portFromEnv } from './stack/ports';
import { run, runStack, startService, waitFor } from './stack/processes';

type Mode = 'dev' | 'e2e' | 'chain';

const mode = (process.argv[2] ?? 'dev') as Mode;
if (!['dev', 'e2e', 'chain'].includes(mode)) {
  console.error(`unknown mode "${mode}": use dev, e2e or chain`);
  process.exit(2);
}

const root = process.cwd();
const stateDir = path.join(root, '.stack', mode);
const isTest = mode === 'e2e';

async function main() {
  const started = Date.now();
  const ports = {
    chain: portFromEnv('CHAIN_PORT', isTest ? 8645 : 8545),
    indexer: portFromEnv('INDEXER_PORT', isTest ? 42169 : 42069),
    app: portFromEnv('APP_PORT', isTest ? 3100 : 3000),
  };
  await assertPortFree(ports.chain, 'anvil', 'CHAIN_PORT');
  if (mode !== 'chain') {
    await assertPortFree(ports.indexer, 'indexer', 'INDEXER_PORT');
    await assertPortFree(ports.app, 'app', 'APP_PORT');
  }

  // Every start is a fresh chain, so the indexer's database and the manifest from the last run are stale.
  fs.rmSync(stateDir, { recursive: true, force: true });
  fs.mkdirSync(stateDir, { recursive: true });
  const deploymentsDir =
    mode === 'dev' || mode === 'chain' ? path.join(root, 'deployments') : path.join(stateDir, 'deployments');

  step('compiling contracts');
  await run(path.join(root, 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
    cwd: path.join(root, 'contracts'),
  });

  step(`starting anvil on 127.0.0.1:${ports.chain}`);
  const anvil = await startAnvil(ports.chain, { quiet: true, genesisTimestamp: seedGenesisTimestamp() });

  step('deploying and seeding contracts');
  const manifest = await deployAndSeed({ rpcUrl: anvil.rpcUrl, deploymentsDir, log: (l) => console.log(`  ${l}`) });

  if (mode === 'chain') {
    ready(started, [`chain    ${anvil.rpcUrl} (chain id ${manifest.chainId})`]);
    return;
  }

  step(`starting the indexer on :${ports.indexer}`);
  const indexerUrl = await startIndexer({
    port: ports.indexer,
    rpcUrl: anvil.rpcUrl,
    deploymentsDir,
    pgliteDir: path.join(stateDir, 'pglite'),
    command: isTest ? 'start' : 'dev',
    logLevel: isTest ? 'warn' : 'info',
  });

  const appEnv = {
    ...process.env,
    RPC_URL: anvil.rpcUrl,
    CHAIN_ID: String(manifest.chainId),
    INDEXER_URL: indexerUrl,
    DEPLOYMENTS_DIR: deploymentsDir,
    NEXT_TELEMETRY_DISABLED: '1',
    ...(isTest ? { NEXT_DIST_DIR: '.next-e2e' } : {}),
  };
  const next = require.resolve('next/dist/bin/next');
  if (isTest) {
    step('building the app (next build)');
    await run(process.execPath, [next, 'build'], { env: appEnv });
  }
  step(`starting the app on :${ports.app}`);
  const appArgs = isTest ? productionServerArgs(ports.app) : [next, 'dev', '-p', String(ports.app), '-H', '127.0.0.1'];
  startService('app', process.execPath, appArgs, { env: appEnv });
  const appUrl = `http://localhost:${ports.app}`;
  // The first request also makes next dev compile the page, so the first visit is quick.
  await waitFor('the app', async () => (await fetch(`${appUrl}/pools`)).ok, 180_000, 500);

  ready(started, [
    `app      ${appUrl}/pools`,
    `indexer  ${indexerUrl} (GraphQL at /graphql, SQL at /sql)`,
    `chain    ${anvil.rpcUrl} (chain id ${manifest.chainId})`,
  ]);
}

function step(text: string) {
  console.log(`\u25b8 ${text}`);
}

function ready(started: number, lines: string[]) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nMachine Yield is up in ${seconds} s:\n${lines.map((l) => `  ${l}`).join('\n')}\nPress Ctrl-C to stop.\n`,
  );
}

runStack('stack', main);
