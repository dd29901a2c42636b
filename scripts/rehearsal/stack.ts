/**
 * The production rehearsal's stack (`npm run test:rehearsal` starts it through playwright.rehearsal.config.ts),
 * two testnets served at once by one indexer and one app:
 *
 *   1. two anvils, one with Base Sepolia's chain id (84532), one with Ethereum Sepolia's (11155111), the clock at
 *      today, and Multicall3 where both networks have it;
 *   2. on each, a USDC that, like Circle's, has no public mint: its master minter funds the investor and the
 *      reporter;
 *   3. the production deploy command (`npm run deploy`) on each, with a config of its own and a deployer key;
 *   4. the operators' command line (`npm run ops`) on each: a project, a pool, its machine groups, limits through
 *      the timelock, a revenue period distributed from a CSV (scripts/rehearsal/world.ts says what). Steps 1 to 4
 *      run for both chains at once: nothing they write is shared but the manifest folder, one file per chain;
 *   5. the indexer on PostgreSQL (`ponder start`, its own schema), both chains, configured by environment only;
 *   6. a production build of the app (`next build`, or under `npm test` the end-to-end step's, then `next start`),
 *      both chains, Base Sepolia's the default, configured by environment only.
 *
 * Ports: CHAIN_PORT (Base Sepolia's id), SECOND_CHAIN_PORT (Sepolia's), INDEXER_PORT, APP_PORT, PG_PORT. SIGTERM
 * stops everything this started.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startAnvil } from '../stack/anvil';
import { productionServerArgs } from '../stack/app-server';
import { startIndexer } from '../stack/indexer';
import { assertPortFree, portFromEnv } from '../stack/ports';
import { startPostgres, type Postgres } from '../stack/postgres';
import { run, runStack, startService, waitFor } from '../stack/processes';
import { issueUsdc } from './circle';
import { putMulticall3 } from './predeploys';
import { chainLog, deployWithTheProductionCommand, operateWithTheCommandLine } from './operate';
import { REHEARSAL_CHAIN_ID, REHEARSAL_CHAINS, REHEARSAL_SECOND_CHAIN_ID, type RehearsalChain } from './world';

const root = process.cwd();
const stateDir = path.join(root, '.stack', 'rehearsal');
const deploymentsDir = path.join(stateDir, 'deployments');
let postgres: Postgres | undefined;
const started = Date.now();

/** Steps 1 to 4 for one chain; resolves with its RPC. */
async function bringUpChain(chain: RehearsalChain, port: number): Promise<string> {
  chainLog(chain, `starting anvil with ${chain.network}’s chain id on 127.0.0.1:${port}`);
  const { rpcUrl } = await startAnvil(port, { quiet: true, chainId: chain.id });
  chainLog(chain, `what ${chain.network} has before anyone arrives: Multicall3`);
  await putMulticall3(chain, rpcUrl);
  chainLog(chain, 'issuing USDC (a stand-in for Circle: no public mint)');
  const usdc = await issueUsdc(chain, rpcUrl);
  // Each chain's own config, CSVs and timelock operations; the manifests side by side, as in deployments/.
  const paths = { chain, rpcUrl, stateDir: path.join(stateDir, String(chain.id)), deploymentsDir };
  fs.mkdirSync(paths.stateDir, { recursive: true });
  chainLog(chain, 'deploying with the production command');
  await deployWithTheProductionCommand({ ...paths, usdc });
  chainLog(chain, 'operating with the operators’ command line');
  await operateWithTheCommandLine(paths);
  chainLog(chain, `deployed and operated, at ${elapsed()} s`);
  return rpcUrl;
}

async function main() {
  const ports = {
    chains: {
      [REHEARSAL_CHAIN_ID]: portFromEnv('CHAIN_PORT', 9045),
      [REHEARSAL_SECOND_CHAIN_ID]: portFromEnv('SECOND_CHAIN_PORT', 9046),
    } as Record<RehearsalChain['id'], number>,
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

  step(`bringing up ${REHEARSAL_CHAINS.map((c) => `${c.network} (${c.id})`).join(' and ')} at once`);
  const rpcUrls = await Promise.all(REHEARSAL_CHAINS.map((chain) => bringUpChain(chain, ports.chains[chain.id])));

  step(`starting PostgreSQL on :${ports.postgres}`);
  postgres = await startPostgres(ports.postgres);
  const databaseUrl = await postgres.createDatabase('rehearsal');

  // Chain id → RPC, the default chain first (CHAIN_IDS keeps this order).
  const chains = Object.fromEntries(REHEARSAL_CHAINS.map((chain, i) => [chain.id, rpcUrls[i]!]));
  const defaultRpcUrl = rpcUrls[0]!;

  step(`starting the indexer on PostgreSQL on :${ports.indexer}, both chains`);
  const indexerUrl = await startIndexer({
    port: ports.indexer,
    rpcUrl: defaultRpcUrl,
    chainId: REHEARSAL_CHAIN_ID,
    chains,
    deploymentsDir,
    pgliteDir: path.join(stateDir, 'pglite-unused'),
    databaseUrl,
    schema: 'rehearsal',
    command: 'start',
    logLevel: 'warn',
  });

  // Only what a Vercel project would set: no manifest folder, no local defaults.
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CHAIN_IDS: REHEARSAL_CHAINS.map((c) => c.id).join(','),
    // What an app reading only one chain takes; the first of CHAIN_IDS, as it must be.
    CHAIN_ID: String(REHEARSAL_CHAIN_ID),
    RPC_URL: defaultRpcUrl,
    INDEXER_URL: indexerUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-rehearsal',
  };
  // Each chain's RPC, and none inherited from the caller's environment.
  for (const key of Object.keys(appEnv)) if (/^(PUBLIC_)?RPC_URL_\d+$/.test(key)) delete appEnv[key];
  for (const [id, url] of Object.entries(chains)) appEnv[`RPC_URL_${id}`] = url;
  const next = require.resolve('next/dist/bin/next');
  // `npm test` hands over the build its end-to-end step made from this tree for the seeded local chain: the
  // same build, configured for other chains by environment alone. Run on its own, the rehearsal builds.
  const reused = process.env.REHEARSAL_APP_BUILD;
  if (reused && fs.existsSync(path.join(root, reused, 'BUILD_ID'))) {
    step(`starting the production build in ${reused} (made by the end-to-end step) for chains ${appEnv.CHAIN_IDS}`);
    appEnv.NEXT_DIST_DIR = reused;
  } else {
    step('building the app (next build)');
    await run(process.execPath, [next, 'build'], { env: appEnv });
  }
  step(`starting the app on :${ports.app} (server.ts, as npm start)`);
  startService('app', process.execPath, productionServerArgs(ports.app), { env: appEnv });
  const appUrl = `http://127.0.0.1:${ports.app}`;
  await waitFor('the app', async () => (await fetch(`${appUrl}/pools`)).ok, 120_000, 500);

  const seconds = elapsed();
  const rpcs = Object.entries(chains).map(([id, url]) => `chain ${id} ${url}`);
  console.log(`\nThe rehearsal is up in ${seconds} s: app ${appUrl}, indexer ${indexerUrl}, ${rpcs.join(', ')}\n`);
}

const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);

/** A step's line, with the seconds since the start: where the rehearsal's time goes. */
function step(text: string) {
  console.log(`\u25b8 ${text} (at ${elapsed()} s)`);
}

runStack('rehearsal', main, () => postgres?.stop());
