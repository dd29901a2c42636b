/**
 * A Vercel preview with no indexer at all: the e2e stack's production build (.next-e2e, built by the
 * webServer) started a second time, on its own port, as a preview of Base Sepolia whose INDEXER_URL and
 * RPC_URL point at closed ports. Every page answers 200 with the preview ribbon and the indexer notice,
 * every data-only route a 503 with a plain message, and nothing shows a stack trace, a server path or the
 * indexer's address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from './fixtures';

const DIST_DIR = '.next-e2e';
const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const POOL = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const BRANCH = 'preview/no-indexer';
const SHA = 'abcdef0123456789abcdef0123456789abcdef01';

/** A stack frame ("at fn (file:1:2)", "at /path/file.js:1:2") or a path on the server. */
const LEAK = /\bat \S+ \(\S+:\d+:\d+\)|\bat \/\S+:\d+:\d+|\/work\/|node_modules\/|\/home\/|\/tmp\//;

/** Pages that read the indexer: each must say its figures are unavailable, not 404 or 500. */
const INDEXED_PAGES = [
  '/',
  '/pools',
  '/pools?category=compute&q=h100',
  `/pools/${POOL}`,
  '/projects',
  '/projects/1',
  '/assets/1',
  `/portfolio/${ACCOUNT}`,
];
/** Pages that need no indexer: they render as always, ribbon included. */
const PLAIN_PAGES = ['/portfolio'];
/** Downloads and JSON: a 503 saying why, never a partial file. */
const DATA_ROUTES = [
  { path: `/portfolio/${ACCOUNT}/positions.csv`, type: 'text/plain' },
  { path: `/portfolio/${ACCOUNT}/history.csv`, type: 'text/plain' },
  { path: `/portfolio/${ACCOUNT}/statement.pdf`, type: 'text/plain' },
  { path: '/api/indexer-status', type: 'application/json' },
  { path: '/api/indexer/pools', type: 'application/json' },
  { path: '/api/health', type: 'application/json' },
];

/** A port nothing listens on (for the missing indexer and RPC), or one to start the preview on. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let preview: ChildProcess | undefined;
let baseUrl = '';
let indexerPort = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!fs.existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no production build in ${DIST_DIR}`);
  const [appPort, rpcPort] = [await freePort(), await freePort()];
  indexerPort = await freePort();
  baseUrl = `http://127.0.0.1:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    CHAIN_ID: '84532',
    RPC_URL: `http://127.0.0.1:${rpcPort}`,
    INDEXER_URL: `http://127.0.0.1:${indexerPort}`,
    VERCEL_ENV: 'preview',
    VERCEL_GIT_COMMIT_REF: BRANCH,
    VERCEL_GIT_COMMIT_SHA: SHA,
  };
  delete env.PUBLIC_RPC_URL;
  delete env.WALLETCONNECT_PROJECT_ID;
  const next = require.resolve('next/dist/bin/next');
  // Its own process group, so that stopping it stops whatever it forked.
  preview = spawn(process.execPath, [next, 'start', '-p', String(appPort), '-H', '127.0.0.1'], {
    env,
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (preview.exitCode !== null) throw new Error(`next start exited with ${preview.exitCode}`);
    const up = await fetch(`${baseUrl}/portfolio`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('the preview server did not start within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  const child = preview;
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
  if (!killed) process.kill(-child.pid, 'SIGKILL');
});

test('every page of a preview without an indexer renders with the ribbon and the notice', async ({ page }) => {
  test.setTimeout(180_000);
  for (const route of [...INDEXED_PAGES, ...PLAIN_PAGES]) {
    const res = await page.goto(`${baseUrl}${route}`);
    const html = (await res?.text()) ?? '';
    expect(res?.status(), route).toBe(200);
    expect(html, route).not.toMatch(LEAK);
    // The indexer's address stays on the server: INDEXER_URL may name a private host.
    expect(html, route).not.toContain(`:${indexerPort}`);
    const ribbon = page.getByRole('complementary', { name: 'Preview deployment' });
    await expect(ribbon, route).toBeVisible();
    await expect(ribbon, route).toHaveText(
      `Preview deployment · Base Sepolia (chain id 84532) · branch ${BRANCH} · commit ${SHA.slice(0, 7)}`,
    );
    const notice = page.getByRole('alert').filter({ hasText: 'These figures are unavailable right now' });
    if (INDEXED_PAGES.includes(route)) {
      await expect(notice, route).toBeVisible();
      await expect(notice, route).toContainText('The indexer is not reachable.');
    } else await expect(notice, route).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 }), route).toHaveCount(1);
    await expect(page.getByText(/Something went wrong|Application error/), route).toHaveCount(0);
  }
});

test('downloads and JSON routes answer 503 with a plain reason, nothing else', async ({ request }) => {
  for (const { path: route, type } of DATA_ROUTES) {
    const res = await request.get(`${baseUrl}${route}`);
    const body = await res.text();
    expect(res.status(), `${route}: ${body.slice(0, 200)}`).toBe(503);
    expect(res.headers()['content-type'], route).toContain(type);
    expect(body, route).toMatch(/not reachable|does not answer/);
    expect(body, route).not.toMatch(LEAK);
    expect(body, route).not.toContain(`:${indexerPort}`);
  }
});

test('a production page of the same build shows no ribbon', async ({ request }) => {
  // The e2e stack's own server: the same build, without VERCEL_ENV.
  const res = await request.get('/portfolio');
  expect(res.status()).toBe(200);
  expect(await res.text()).not.toContain('Preview deployment');
});
