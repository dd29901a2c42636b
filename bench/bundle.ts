/**
 * What the browser pays for the app: first-load JavaScript and Lighthouse performance of `/` and
 * `/pools/[address]`, beside a bare Next.js + RainbowKit + wagmi page with only a connect button
 * (bench/bare-app), both built with `next build` in this run and served by `next start`.
 *
 *   npm run bench:bundle                        builds, seeded stack, first-load JS, Lighthouse (3–5 min on 2 cores)
 *   npm run bench:bundle -- --skip-lighthouse   first-load JS only
 *   npm run bench:bundle -- --keep              keep the builds (.next-bench, bench/bare-app/.next) and temp folder
 *
 * First-load JS: each page is opened in Chromium (Playwright); every script response until the load event
 * and network idle counts (the chunks in the HTML and those loaded while hydrating), at its gzip size as
 * `next start` serves it (requested again with `accept-encoding: gzip`; gzip level 6 of the body when the
 * server does not compress). Inline scripts (the RSC payload inside the HTML) are not counted. The target:
 * each of our pages at most 1.25× the bare page.
 *
 * Lighthouse 12.2.3 (13 needs Node 22), performance only, mobile (default config, simulated slow 4G and 4×
 * CPU slowdown) and desktop presets, in Debian's Chromium via chrome-launcher. Scores depend on the
 * machine's load: compare pages within one run.
 *
 * The app's pages need the indexer: a throwaway anvil, seeded like `npm run dev`, and `ponder start` on
 * PGlite in a temp folder. Ports (environment): BUNDLE_CHAIN_PORT (8955), BUNDLE_INDEXER_PORT (42469),
 * BUNDLE_APP_PORT (3910), BUNDLE_BARE_PORT (3911). CHROME_PATH picks the browser (default /usr/bin/chromium).
 * Every process started here runs in its own process group and is stopped on exit, failure or Ctrl-C.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { deployAndSeed, seedGenesisTimestamp } from '../scripts/seed/simulate';
import { startAnvil } from '../scripts/stack/anvil';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../scripts/stack/indexer';
import { assertPortFree, portFromEnv } from '../scripts/stack/ports';
import { startService, stopAll, waitFor, GiveUp, type Service } from '../scripts/stack/processes';

const TARGET_RATIO = 1.25;
const APP_DIST_DIR = '.next-bench';

const root = path.resolve(__dirname, '..');
const bareDir = path.join(root, 'bench', 'bare-app');
const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });

type Page = { label: string; url: string };
type ScriptFile = { url: string; gzip: number; raw: number; encoding: string; inHtml: boolean; contains: string[] };
type FirstLoad = { page: Page; files: ScriptFile[]; gzip: number; raw: number };
type LighthouseRow = {
  page: Page;
  preset: 'mobile' | 'desktop';
  score: number | null;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  warning?: string;
  /** Scripts by main-thread time (Lighthouse's bootup-time audit), longest first. */
  bootup: { url: string; ms: number }[];
};

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
    if (tempDir && !keep) fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
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

function step(text: string) {
  console.log(`\u25b8 ${text}`);
}

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

/** GETs a URL as a browser would be served it with gzip allowed; the body stays as sent. */
function getRaw(url: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
  });
}

/**
 * Strings that survive minification and tell which library a chunk carries (version strings in error
 * messages, CSS class and attribute names). A hint for reading the table, not an exact attribution.
 */
const MARKERS: [string, string][] = [
  ['react-dom', 'react.dev/errors'],
  ['next', '__next_f'],
  ['viem', 'blobVersionedHashes'],
  ['noble-curves', 'Point is not on curve'],
  ['ens-normalize', 'illegal mixture'],
  ['wagmi', '@wagmi/core@'],
  ['rainbowkit', 'data-rk'],
  ['tanstack-query', 'Missing queryFn'],
  ['zod', 'invalid_type'],
  ['recharts', 'recharts-'],
];

async function scriptSize(url: string, html: string): Promise<ScriptFile> {
  const { status, encoding, body } = await getRaw(url);
  if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
  if (encoding !== 'gzip' && encoding !== 'identity')
    throw new Error(`${url}: unexpected content-encoding ${encoding}`);
  const plain = encoding === 'gzip' ? zlib.gunzipSync(body) : body;
  const text = plain.toString('utf8');
  return {
    url,
    gzip: encoding === 'gzip' ? body.length : zlib.gzipSync(body, { level: 6 }).length,
    raw: plain.length,
    encoding,
    inHtml: html.includes(new URL(url).pathname),
    contains: MARKERS.filter(([, marker]) => text.includes(marker)).map(([name]) => name),
  };
}

async function measureFirstLoad(b: Browser, page: Page): Promise<FirstLoad> {
  const context = await b.newContext();
  try {
    const tab = await context.newPage();
    const urls = new Set<string>();
    tab.on('response', (response) => {
      if (response.request().resourceType() === 'script') urls.add(response.url());
    });
    const response = await tab.goto(page.url, { waitUntil: 'load', timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${page.url}: HTTP ${response?.status()}`);
    await tab.waitForLoadState('networkidle', { timeout: 60_000 });
    const html = await response.text();
    const files: ScriptFile[] = [];
    for (const url of urls) files.push(await scriptSize(url, html));
    files.sort((a, b) => b.gzip - a.gzip);
    return {
      page,
      files,
      gzip: files.reduce((s, f) => s + f.gzip, 0),
      raw: files.reduce((s, f) => s + f.raw, 0),
    };
  } finally {
    await context.close();
  }
}

async function runLighthouse(pages: Page[], chromePath: string): Promise<LighthouseRow[]> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const launched = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...CHROMIUM_ARGS],
    logLevel: 'silent',
    // Stopping is ours: chrome-launcher's own Ctrl-C handler would exit before the servers are stopped.
    handleSIGINT: false,
  });
  chrome = launched;
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      for (const preset of ['mobile', 'desktop'] as const) {
        step(`Lighthouse ${preset} ${page.label}`);
        const result = await lighthouse(
          page.url,
          { port: launched.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
        const { lhr } = result;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const bootupItems = (lhr.audits['bootup-time']?.details as { items?: { url: string; total: number }[] })?.items;
        rows.push({
          page,
          preset,
          score: lhr.categories.performance?.score ?? null,
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          bootup: (bootupItems ?? []).map((i) => ({ url: i.url, ms: i.total })).sort((a, b) => b.ms - a.ms),
          warning: lhr.runtimeError?.message ?? (lhr.runWarnings.length > 0 ? lhr.runWarnings.join(' ') : undefined),
        });
      }
    }
  } finally {
    launched.kill();
    chrome = undefined;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Output

function nextVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'next', 'package.json'), 'utf8'));
  return (pkg as { version: string }).version;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const ms = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');

function printFirstLoad(bare: FirstLoad, ours: FirstLoad[]) {
  const all = [bare, ...ours];
  const w = Math.max(...all.map((r) => r.page.label.length), 4) + 2;
  console.log('\nFirst-load JavaScript (script responses until load + network idle; gzip as served by next start)\n');
  console.log(
    `${pad('page', w)}${lpad('JS files', 9)}${lpad('KiB gzip', 11)}${lpad('in HTML', 10)}${lpad('lazy', 8)}` +
      `${lpad('KiB raw', 10)}${lpad('× bare', 9)}`,
  );
  for (const r of all) {
    const inHtml = r.files.filter((f) => f.inHtml).reduce((sum, f) => sum + f.gzip, 0);
    console.log(
      `${pad(r.page.label, w)}${lpad(String(r.files.length), 9)}${lpad(kib(r.gzip), 11)}${lpad(kib(inHtml), 10)}` +
        `${lpad(kib(r.gzip - inHtml), 8)}${lpad(kib(r.raw), 10)}${lpad((r.gzip / bare.gzip).toFixed(2), 9)}`,
    );
  }
  console.log('(in HTML: chunks the document names; lazy: chunks loaded while hydrating, by dynamic imports)');
  const files = all.flatMap((r) => r.files);
  const plain = files.filter((f) => f.encoding !== 'gzip');
  console.log(
    `(next start sent ${files.length - plain.length} of ${files.length} responses gzip` +
      (plain.length > 0
        ? `; ${plain.length} uncompressed (at most ${Math.max(...plain.map((f) => f.raw))} bytes each), counted at gzip level 6)`
        : ')'),
  );
  console.log(`\nTarget: each page ≤ ${TARGET_RATIO}× the bare page (${kib(bare.gzip * TARGET_RATIO)} KiB gzip)`);
  for (const r of ours) {
    const ratio = r.gzip / bare.gzip;
    const verdict = ratio <= TARGET_RATIO ? 'met' : `missed by ${kib(r.gzip - bare.gzip * TARGET_RATIO)} KiB`;
    console.log(`  ${pad(r.page.label, w)}${ratio.toFixed(2)}×  ${verdict}`);
  }
  console.log('\nLargest files (KiB gzip; * lazy; [libraries recognised in the file])');
  for (const r of all) {
    console.log(`  ${r.page.label}`);
    for (const f of r.files.slice(0, 6)) {
      const name = `${path.basename(new URL(f.url).pathname)}${f.inHtml ? '' : ' *'}`;
      console.log(
        `    ${lpad(kib(f.gzip), 6)}  ${pad(name, 22)}${f.contains.length ? `[${f.contains.join(', ')}]` : ''}`,
      );
    }
  }
}

function printLighthouse(rows: LighthouseRow[], chromeVersion: string) {
  const w = Math.max(...rows.map((r) => r.page.label.length), 4) + 2;
  console.log(`\nLighthouse 12.2.3 performance (${chromeVersion}, headless; simulated throttling)\n`);
  console.log(
    `${pad('page', w)}${pad('preset', 9)}${lpad('score', 6)}${lpad('FCP', 9)}${lpad('LCP', 9)}${lpad('TBT', 9)}${lpad('CLS', 7)}`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.page.label, w)}${pad(r.preset, 9)}${lpad(r.score === null ? 'n/a' : String(Math.round(r.score * 100)), 6)}${lpad(
        ms(r.fcp),
        9,
      )}${lpad(ms(r.lcp), 9)}${lpad(`${Math.round(r.tbt)} ms`, 9)}${lpad(Number.isFinite(r.cls) ? r.cls.toFixed(3) : 'n/a', 7)}`,
    );
  }
  console.log('\nMain-thread time by script (Lighthouse bootup-time, throttled; top 3)');
  for (const r of rows) {
    const top = r.bootup.slice(0, 3).map((b) => {
      const name = /^https?:/.test(b.url) ? path.basename(new URL(b.url).pathname) || b.url : b.url;
      return `${name} ${Math.round(b.ms)} ms`;
    });
    console.log(`  ${pad(r.page.label, w)}${pad(r.preset, 9)}${top.join(', ')}`);
  }
  for (const r of rows.filter((row) => row.warning)) console.log(`  note (${r.page.label}, ${r.preset}): ${r.warning}`);
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({ options: { 'skip-lighthouse': { type: 'boolean' }, keep: { type: 'boolean' } } });
  keep = values.keep ?? false;
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
  const appEnv = {
    ...process.env,
    ...telemetryOff,
    RPC_URL: anvil.rpcUrl,
    CHAIN_ID: String(manifest.chainId),
    INDEXER_URL: indexerUrl,
    DEPLOYMENTS_DIR: deploymentsDir,
    NEXT_DIST_DIR: APP_DIST_DIR,
  };
  const bareEnv: NodeJS.ProcessEnv = { ...process.env, ...telemetryOff };
  delete bareEnv.NEXT_DIST_DIR;

  step(`building the app (next build into ${APP_DIST_DIR})`);
  await runGroup('build app', process.execPath, [nextBin, 'build'], { cwd: root, env: appEnv });
  step('building the bare page (next build in bench/bare-app)');
  await runGroup('build bare', process.execPath, [nextBin, 'build'], { cwd: bareDir, env: bareEnv });

  step(`starting next start on :${ports.app} (app) and :${ports.bare} (bare page)`);
  const host = ['-H', '127.0.0.1'];
  const app = service('app', process.execPath, [nextBin, 'start', '-p', String(ports.app), ...host], {
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

  // The pool page of the largest active pool: charts, machines, activity and the deposit panel all render.
  const list = (await (await fetch(`${indexerUrl}/api/pools?status=active&sort=tvl&order=desc&limit=1`)).json()) as {
    pools: { address: string }[];
  };
  const pool = list.pools[0]?.address ?? manifest.contracts.FinancingPools[0]?.address;
  if (!pool) throw new Error('the seeded chain has no pool');

  const barePage: Page = { label: 'bare (connect button)', url: `${bareUrl}/` };
  const ourPages: Page[] = [
    { label: '/', url: `${appUrl}/` },
    { label: `/pools/${pool.slice(0, 6)}…${pool.slice(-4)}`, url: `${appUrl}/pools/${pool}` },
  ];

  step('measuring first-load JavaScript in Chromium');
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
  const bareLoad = await measureFirstLoad(browser, barePage);
  const ourLoads: FirstLoad[] = [];
  for (const page of ourPages) ourLoads.push(await measureFirstLoad(browser, page));
  await browser.close();
  browser = undefined;

  let lighthouseRows: LighthouseRow[] | undefined;
  if (!values['skip-lighthouse']) lighthouseRows = await runLighthouse([...ourPages, barePage], chromePath);

  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `
== npm run bench:bundle: Next.js ${nextVersion()}, node ${process.version}, ` +
      `${os.cpus().length} CPUs (load ${load.join(' ')}), ${((Date.now() - started) / 1000).toFixed(0)} s ==`,
  );
  printFirstLoad(bareLoad, ourLoads);
  if (lighthouseRows) printLighthouse(lighthouseRows, chromeVersion);
  console.log('');
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (err) => {
    // After Ctrl-C the steps fail because their processes were stopped: the signal handler exits.
    if (interrupted) return;
    console.error(`\nbench:bundle failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  });
