/**
 * The production rehearsal's stack (`npm run test:rehearsal` starts it through playwright.rehearsal.config.ts):
 *
 *   1. anvil with Base Sepolia's chain id (84532), the clock at today, and Multicall3 where Base Sepolia has it;
 *   2. a USDC that, like Circle's, has no public mint: its master minter funds the investor and the reporter;
 *   3. the production deploy command (`npm run deploy`), run as a child process with a deployer key;
 *   4. the operators' command line (`npm run ops`): a project, a pool, two machine groups, limits through the
 *      timelock, a revenue period distributed from a CSV;
 *   5. the indexer on PostgreSQL (`ponder start`, its own schema), configured by environment only;
 *   6. a production build of the app (`next build`, or under `npm test` the end-to-end step's, then `next start`),
 *      configured by environment only.
 *
 * Ports: CHAIN_PORT, INDEXER_PORT, APP_PORT, PG_PORT. SIGTERM stops everything this started.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startAnvil } from '../stack/anvil';
import { startIndexer } from '../stack/indexer';
import { assertPortFree, portFromEnv } from '../stack/ports';
import { startPostgres, type Postgres } from '../stack/postgres';
import { run, runStack, startService, waitFor } from '../stack/processes';
import { issueUsdc } from './circle';
import { putMulticall3 } from './predeploys';
import { deployWithTheProductionCommand, operateWithTheCommandLine } from './operate';
import { REHEARSAL_CHAIN_ID } from './world';

const root = process.cwd();
const stateDir = path.join(root, '.stack', 'rehearsal');
const deploymentsDir = path.join(stateDir, 'deployments');
let postgres: Postgres | undefined;

async function main() {
  const started = Date.now();
  const ports = {
    chain: portFromEnv('CHAIN_PORT', 9045),
    indexer: portFromEnv('INDEXER_PORT', 42569),
    app: portFromEnv('APP_PORT', 3200),
    postgres: portFromEnv('PG_PORT', 5632),
  };
  await assertPortFree(ports.indexer, 'indexer', 'INDEXER_PORT');
  await assertPortFree(ports.app, 'app', 'APP_PORT');
  await assertPortFree(ports.postgres, 'PostgreSQL', 'PG_PORT');
  fs.rmSync(stateDir, { recursive: true, force: true });
  fs.mkdirSync(deploymentsDir, { recursive: true });

  step('compiling contracts');
  await run(path.join(root, 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
    cwd: path.join(root, 'contracts'),
  });

  step(`starting anvil with Base Sepolia's chain id on 127.0.0.1:${ports.chain}`);
  const anvil = await startAnvil(ports.chain, { quiet: true, chainId: REHEARSAL_CHAIN_ID });

  step('what Base Sepolia has before anyone arrives: Multicall3');
  await putMulticall3(anvil.rpcUrl);

  step('issuing USDC (a stand-in for Circle: no public mint)');
  const usdc = await issueUsdc(anvil.rpcUrl);

  step('deploying with the production command');
  await deployWithTheProductionCommand({ rpcUrl: anvil.rpcUrl, usdc, stateDir, deploymentsDir });

  step('operating with the operators’ command line');
  await operateWithTheCommandLine({ rpcUrl: anvil.rpcUrl, stateDir, deploymentsDir });

  step(`starting PostgreSQL on :${ports.postgres}`);
  postgres = await startPostgres(ports.postgres);
  const databaseUrl = await postgres.createDatabase('rehearsal');

  step(`starting the indexer on PostgreSQL on :${ports.indexer}`);
  const indexerUrl = await startIndexer({
    port: ports.indexer,
    rpcUrl: anvil.rpcUrl,
    chainId: REHEARSAL_CHAIN_ID,
    deploymentsDir,
    pgliteDir: path.join(stateDir, 'pglite-unused'),
    databaseUrl,
    schema: 'rehearsal',
    command: 'start',
    logLevel: 'warn',
  });

  // Only what a Vercel project would set: no manifest folder, no local defaults.
  const appEnv = {
    ...process.env,
    CHAIN_ID: String(REHEARSAL_CHAIN_ID),
    RPC_URL: anvil.rpcUrl,
    INDEXER_URL: indexerUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-rehearsal',
  };
  const next = require.resolve('next/dist/bin/next');
  // `npm test` hands over the build its end-to-end step made from this tree for the seeded local chain: the
  // same build, configured for another chain by environment alone. Run on its own, the rehearsal builds.
  const reused = process.env.REHEARSAL_APP_BUILD;
  if (reused && fs.existsSync(path.join(root, reused, 'BUILD_ID'))) {
    step(`starting the production build in ${reused} (made by the end-to-end step) for chain ${REHEARSAL_CHAIN_ID}`);
    appEnv.NEXT_DIST_DIR = reused;
  } else {
    step('building the app (next build)');
    await run(process.execPath, [next, 'build'], { env: appEnv });
  }
  step(`starting the app on :${ports.app} (next start)`);
  startService('app', process.execPath, [next, 'start', '-p', String(ports.app), '-H', '127.0.0.1'], { env: appEnv });
  const appUrl = `http://127.0.0.1:${ports.app}`;
  await waitFor('the app', async () => (await fetch(`${appUrl}/pools`)).ok, 120_000, 500);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nThe rehearsal is up in ${seconds} s: app ${appUrl}, indexer ${indexerUrl}, chain ${anvil.rpcUrl}\n`);
}

function step(text: string) {
  console.log(`\u25b8 ${text}`);
}

runStack('rehearsal', main, () => postgres?.stop());
