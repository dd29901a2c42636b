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

/** A port nothing listens on (for the missing indexer and RPC), or one to start a preview on. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Preview = { child: ChildProcess; url: string };

/** `next start` of the e2e build on a free port with `env`, in its own process group; resolves once it serves. */
async function startPreview(env: NodeJS.ProcessEnv, ready: (res: Response) => boolean): Promise<Preview> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = require.resolve('next/dist/bin/next');
  // Its own process group, so that stopping it stops whatever it forked.
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const up = await fetch(`${url}/portfolio`).then(ready, () => false);
    if (up) return { child, url };
    if (Date.now() > deadline) throw new Error('the preview server did not start within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stopPreview(preview: Preview | undefined) {
  const child = preview?.child;
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
  if (!killed) process.kill(-child.pid, 'SIGKILL');
}

/** The environment of a Vercel preview of Base Sepolia, on the e2e build. */
function previewEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    CHAIN_ID: '84532',
    VERCEL_ENV: 'preview',
    VERCEL_GIT_COMMIT_REF: BRANCH,
    VERCEL_GIT_COMMIT_SHA: SHA,
    ...overrides,
  };
  delete env.PUBLIC_RPC_URL;
  delete env.WALLETCONNECT_PROJECT_ID;
  return env;
}

let preview: Preview | undefined;
let baseUrl = '';
let indexerPort = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!fs.existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no production build in ${DIST_DIR}`);
  const rpcPort = await freePort();
  indexerPort = await freePort();
  preview = await startPreview(
    previewEnv({ RPC_URL: `http://127.0.0.1:${rpcPort}`, INDEXER_URL: `http://127.0.0.1:${indexerPort}` }),
    (res) => res.ok,
  );
  baseUrl = preview.url;
});

test.afterAll(async () => {
  await stopPreview(preview);
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

test('the ribbon and the notice fit a phone and a desktop', async ({ page }) => {
  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'mobile', width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`${baseUrl}/pools/${POOL}`);
    await expect(page.getByRole('complementary', { name: 'Preview deployment' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the preview page overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/preview-no-indexer-${viewport.name}.png`, fullPage: true });
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

test('a deployment with a malformed variable answers a plain 503 and keeps the reason in its log', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const broken = await startPreview(previewEnv({ CHAIN_ID: 'base-sepolia', INDEXER_URL: 'not a url' }), (res) =>
    [200, 503].includes(res.status),
  );
  try {
    for (const route of ['/pools', '/api/health', `/portfolio/${ACCOUNT}/statement.pdf`]) {
      const res = await request.get(`${broken.url}${route}`);
      const body = await res.text();
      expect(res.status(), route).toBe(503);
      expect(body, route).toContain('This deployment is misconfigured');
      expect(body, route).not.toMatch(LEAK);
      expect(body, route).not.toContain('base-sepolia');
    }
  } finally {
    await stopPreview(broken);
  }
});

test('a production page of the same build shows no ribbon', async ({ request }) => {
  // The e2e stack's own server: the same build, without VERCEL_ENV.
  const res = await request.get('/portfolio');
  expect(res.status()).toBe(200);
  expect(await res.text()).not.toContain('Preview deployment');
});
