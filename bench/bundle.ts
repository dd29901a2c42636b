/**
 * What the browser pays for the app: first-load JavaScript and Lighthouse performance of issue 12's routes (`/`,
 * `/pools`, a pool, a machine group, a project, an investor's portfolio read-only), beside a bare Next.js +
 * RainbowKit + wagmi page with only a connect button (bench/bare-app), all built with `next build` in this run
 * and served by `next start`; then issue 12's budgets per route, PASS or FAIL.
 *
 *   npm run bench:bundle                           builds, seeded stack, first-load JS, Lighthouse, budgets
 *   npm run bench:bundle -- --runs 1               one Lighthouse run per page and preset (default 3, medians)
 *   npm run bench:bundle -- --presses 15           presses on Connect of each kind (default 7, median)
 *   npm run bench:bundle -- --routes pool,pools    only these routes (home, pools, pool, asset, project,
 *                                                  portfolio), always beside the bare page
 *   npm run bench:bundle -- --skip-lighthouse      first-load JS only (its budget alone is checked)
 *   npm run bench:bundle -- --no-budgets           print the budget table, but do not fail the run on it
 *   npm run bench:bundle -- --keep                 keep the builds (.next-bench, bench/bare-app/.next) and temp folder
 *
 * Exit status: 0 when every budget measured is met (or --no-budgets), 2 when one is not, 1 when the run failed.
 * On 2 cores: seed and the two builds take about 4 minutes, a Lighthouse round (7 pages × 2 presets) about 2, so
 * about 6 minutes with --runs 1 (373 s measured; 581 s beside another Playwright suite) and 12 with the default 3;
 * --routes measures fewer pages.
 *
 * First-load JS: each page is opened in Chromium (Playwright) `--runs` times, the median load is shown; every
 * script response until the load event and network idle counts (the chunks in the HTML and those loaded while
 * hydrating), at its gzip size as `next start` serves it (requested again with `accept-encoding: gzip`; gzip
 * level 6 of the body when the server does not compress). Inline scripts (the RSC payload inside the HTML) are
 * not counted. No wallet is injected and no cookie is set: a read-only visitor.
 *
 * Lighthouse 12.2.3 (13 needs Node 22), performance only, mobile (default config, simulated slow 4G and 4×
 * CPU slowdown) and desktop presets, in Debian's Chromium via chrome-launcher; `--runs` rounds over every page,
 * each figure the median of its runs. Scores depend on the machine's load: compare pages within one run.
 *
 * The bare page is a Next app of its own inside the repository, whose Turbopack root is the repository (for
 * node_modules). Turbopack looks for `proxy.*` / `middleware.*` from the app's folder up to that root, so it would
 * take the repository's proxy.ts as the bare page's; the bare app's page extension (`*.bare.tsx`) names files
 * nothing above it has. The run checks that the bare build has no proxy.
 *
 * The app's pages need the indexer: a throwaway anvil, seeded like `npm run dev`, and `ponder start` on
 * PGlite in a temp folder. Ports (environment): BUNDLE_CHAIN_PORT (8955), BUNDLE_INDEXER_PORT (42469),
 * BUNDLE_APP_PORT (3910), BUNDLE_BARE_PORT (3911). CHROME_PATH picks the browser (default /usr/bin/chromium).
 * Every process started here runs in its own process group and is stopped on exit, failure or Ctrl-C.
 * The measuring and the printing are in bench/bundle/: options, routes, first-load, lighthouse, budgets, report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { deployAndSeed, seedGenesisTimestamp } from '../scripts/seed/simulate';
import { startAnvil } from '../scripts/stack/anvil';
import { productionServerArgs } from '../scripts/stack/app-server';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../scripts/stack/indexer';
import { assertPortFree, portFromEnv } from '../scripts/stack/ports';
import { startService, stopAll, waitFor, GiveUp, type Service } from '../scripts/stack/processes';
import { BUDGETS, budgetsFailed, checkBudgets, printBudgets } from './bundle/budgets';
import { measureFirstLoad, measureFirstLoadMedian, type FirstLoad } from './bundle/first-load';
import { runLighthouse, type LighthouseRow } from './bundle/lighthouse';
import { parseBundleOptions } from './bundle/options';
import { measureConnectToModal, type ConnectTiming } from './bundle/connect-modal';
import { nextVersion, printConnectTiming, printFirstLoad, printLighthouse, step } from './bundle/report';
import { pickRoutes } from './bundle/routes';

const APP_DIST_DIR = '.next-bench';

const root = path.resolve(__dirname, '..');
const bareDir = path.join(root, 'bench', 'bare-app');
const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });

// ---------------------------------------------------------------------------------------------------------
// Cleanup: everything started here is tracked, and stopped however the run ends.

const services: Service[] = [];
let browser: Browser | undefined;
let chrome: { kill: () => void } | undefined;
let tempDir: string | undefined;
let keep = false;
let cleaning: Promise<void> | undefined;
let interrupted = false;

function service(name: string, command: string, args: string[], options: Parameters<typeof startService>[3]) {
  const s = startService(name, command, args, options);
  services.push(s);
  return s;
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    try {
      chrome?.kill();
    } catch {
      // Already gone.
    }
    await stopAll(5000);
    if (!keep) removeBuildOutput();
    restoreNextEnv();
    if (tempDir && !keep) fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
}

// `next build` rewrites the repository's next-env.d.ts to import its dist dir's types, which are removed at the
// end: what was there before the run is put back, so that a later `tsc` does not look for .next-bench.
const nextEnvFile = path.join(root, 'next-env.d.ts');
const nextEnvBefore = fs.existsSync(nextEnvFile) ? fs.readFileSync(nextEnvFile, 'utf8') : undefined;

function restoreNextEnv() {
  const now = fs.existsSync(nextEnvFile) ? fs.readFileSync(nextEnvFile, 'utf8') : undefined;
  if (keep || now === undefined || !now.includes(APP_DIST_DIR)) return;
  if (nextEnvBefore !== undefined) fs.writeFileSync(nextEnvFile, nextEnvBefore);
  else fs.rmSync(nextEnvFile, { force: true });
}

function removeBuildOutput() {
  for (const p of [path.join(root, APP_DIST_DIR), path.join(bareDir, '.next'), path.join(bareDir, 'next-env.d.ts')]) {
    fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
  }
}

// Last resort when the process exits before cleanup() finished: kill what is left, synchronously.
process.on('exit', () => {
  for (const { child } of services) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }
  }
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping everything this benchmark started`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------

/** Runs a command in its own process group (so that a stop also reaches its workers) and waits for it. */
async function runGroup(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
) {
  const s = service(name, command, args, options);
  const code = await new Promise<number | null>((resolve) => {
    s.child.once('exit', (c) => resolve(c));
    s.child.once('error', () => resolve(-1));
  });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

/**
 * The bare page must stay bare: no proxy (Turbopack finds one in any folder above the app, see the header), so
 * that it pays exactly what Next + RainbowKit + wagmi cost and nothing of ours.
 */
function assertBareBuildHasNoProxy() {
  const server = path.join(bareDir, '.next', 'server');
  const functions = path.join(server, 'functions-config-manifest.json');
  const middleware = JSON.parse(fs.readFileSync(path.join(server, 'middleware-manifest.json'), 'utf8')) as {
    middleware: Record<string, unknown>;
  };
  const proxied =
    fs.existsSync(path.join(server, 'middleware.js')) ||
    Object.keys(middleware.middleware).length > 0 ||
    (fs.existsSync(functions) && fs.readFileSync(functions, 'utf8').includes('/_middleware'));
  if (proxied) throw new Error('the bare page was built with a proxy (middleware): it is no longer a bare page');
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseBundleOptions();
  keep = options.keep;
  process.chdir(root);
  const started = Date.now();

  const ports = {
    chain: portFromEnv('BUNDLE_CHAIN_PORT', 8955),
    indexer: portFromEnv('BUNDLE_INDEXER_PORT', 42469),
    app: portFromEnv('BUNDLE_APP_PORT', 3910),
    bare: portFromEnv('BUNDLE_BARE_PORT', 3911),
  };
  await assertPortFree(ports.chain, 'anvil', 'BUNDLE_CHAIN_PORT');
  await assertPortFree(ports.indexer, 'indexer', 'BUNDLE_INDEXER_PORT');
  await assertPortFree(ports.app, 'app', 'BUNDLE_APP_PORT');
  await assertPortFree(ports.bare, 'bare app', 'BUNDLE_BARE_PORT');

  const chromePath =
    process.env.CHROME_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : findChromium());
  if (!chromePath) throw new Error('no Chromium found: set CHROME_PATH');

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'machine-yield-bundle-'));
  const deploymentsDir = path.join(tempDir, 'deployments');
  removeBuildOutput();

  step('compiling contracts');
  await runGroup('forge', path.join(root, 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
    cwd: path.join(root, 'contracts'),
    env: process.env,
  });

  step(`starting anvil on 127.0.0.1:${ports.chain}, deploying and seeding`);
  const anvil = await startAnvil(ports.chain, { quiet: true, genesisTimestamp: seedGenesisTimestamp() });
  services.push(anvil);
  const manifest = await deployAndSeed({ rpcUrl: anvil.rpcUrl, deploymentsDir });

  step(`starting the indexer on :${ports.indexer}`);
  const indexer = spawnIndexer({
    port: ports.indexer,
    rpcUrl: anvil.rpcUrl,
    deploymentsDir,
    pgliteDir: path.join(tempDir, 'pglite'),
    command: 'start',
    logLevel: 'warn',
  });
  services.push(indexer);
  const indexerUrl = `http://127.0.0.1:${ports.indexer}`;
  await waitForIndexerReady(indexerUrl, indexer);
  await waitForIndexerAtHead(indexerUrl, anvil.rpcUrl, indexer);

  const telemetryOff = { NEXT_TELEMETRY_DISABLED: '1' };
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...telemetryOff,
    RPC_URL: anvil.rpcUrl,
    CHAIN_ID: String(manifest.chainId),
    INDEXER_URL: indexerUrl,
    DEPLOYMENTS_DIR: deploymentsDir,
    NEXT_DIST_DIR: APP_DIST_DIR,
  };
  // One chain: none of the caller's CHAIN_IDS or RPC_URL_<id> (the app would serve, and the CSP name, those).
  delete appEnv.CHAIN_IDS;
  delete appEnv.PUBLIC_RPC_URL;
  for (const key of Object.keys(appEnv)) if (/^(PUBLIC_)?RPC_URL_\d+$/.test(key)) delete appEnv[key];
  const bareEnv: NodeJS.ProcessEnv = { ...process.env, ...telemetryOff };
  delete bareEnv.NEXT_DIST_DIR;

  step(`building the app (next build into ${APP_DIST_DIR})`);
  await runGroup('build app', process.execPath, [nextBin, 'build'], { cwd: root, env: appEnv });
  step('building the bare page (next build in bench/bare-app)');
  await runGroup('build bare', process.execPath, [nextBin, 'build'], { cwd: bareDir, env: bareEnv });
  assertBareBuildHasNoProxy();

  step(`starting next start on :${ports.app} (app) and :${ports.bare} (bare page)`);
  const host = ['-H', '127.0.0.1'];
  const app = service('app', process.execPath, productionServerArgs(ports.app), {
    cwd: root,
    env: appEnv,
  });
  const bare = service('bare', process.execPath, [nextBin, 'start', '-p', String(ports.bare), ...host], {
    cwd: bareDir,
    env: bareEnv,
  });
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const bareUrl = `http://127.0.0.1:${ports.bare}`;
  const up = (s: Service, url: string) => async () => {
    if (s.child.exitCode !== null) throw new GiveUp(`${s.name} exited (code ${s.child.exitCode})`);
    return (await fetch(url)).ok;
  };
  await waitFor('the app', up(app, `${appUrl}/`), 120_000, 500);
  await waitFor('the bare page', up(bare, `${bareUrl}/`), 120_000, 500);

  const { bare: barePage, ours: ourPages } = await pickRoutes({
    keys: options.routes,
    appUrl,
    bareUrl,
    indexerUrl,
    rpcUrl: anvil.rpcUrl,
  });

  step(`measuring first-load JavaScript in Chromium (${options.runs} loads per page)`);
  browser = await chromium.launch({
    executablePath: chromePath,
    args: CHROMIUM_ARGS,
    // Stopping is ours: Playwright's own handlers would exit before the servers are stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const chromeVersion = `Chromium ${browser.version()}`;
  // Once each, unmeasured, so that every page is served warm (next start compiles nothing, but caches).
  for (const page of [barePage, ...ourPages]) await measureFirstLoad(browser, page);
  const bareLoad = await measureFirstLoadMedian(browser, barePage, options.runs);
  const ourLoads: FirstLoad[] = [];
  for (const page of ourPages) ourLoads.push(await measureFirstLoadMedian(browser, page, options.runs));
  const poolPage = ourPages.find((p) => p.key === 'pool');
  let connect: ConnectTiming | undefined;
  if (poolPage) {
    step(`measuring Connect → modal on ${poolPage.label} (${options.presses} presses of each kind)`);
    connect = await measureConnectToModal(browser, poolPage, options.presses);
  }
  await browser.close();
  browser = undefined;

  let lighthouseRows: LighthouseRow[] | undefined;
  if (!options.skipLighthouse)
    lighthouseRows = await runLighthouse([...ourPages, barePage], options.runs, chromePath, (c) => (chrome = c));

  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `
== npm run bench:bundle: Next.js ${nextVersion(root)}, node ${process.version}, ` +
      `${os.cpus().length} CPUs (load ${load.join(' ')}), ${((Date.now() - started) / 1000).toFixed(0)} s ==`,
  );
  printFirstLoad(bareLoad, ourLoads);
  if (lighthouseRows) printLighthouse(lighthouseRows, chromeVersion, options.runs);
  if (connect) printConnectTiming(connect, BUDGETS.connectToModalMs);
  const verdicts = checkBudgets(bareLoad, ourLoads, lighthouseRows);
  const connectFailed = connect !== undefined && !(connect.afterHoverMs <= BUDGETS.connectToModalMs);
  const bareMobile = lighthouseRows?.find((r) => r.page.url === barePage.url && r.preset === 'mobile')?.score;
  printBudgets(verdicts, bareMobile == null ? undefined : Math.round(bareMobile * 100), !options.noBudgets);
  console.log('');
  return (budgetsFailed(verdicts) > 0 || connectFailed) && !options.noBudgets ? 2 : 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (err) => {
    // After Ctrl-C the steps fail because their processes were stopped: the signal handler exits.
    if (interrupted) return;
    console.error(`\nbench:bundle failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  });
