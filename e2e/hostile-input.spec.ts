/**
 * Malformed, oversized and hostile input against the production build and the indexer behind it: NUL bytes
 * and control characters, traversal, huge and negative numbers, wrong types and repeated parameters, 10 kB
 * strings, unknown ids. Every answer is a 4xx or a clean page, never a 5xx, a stack trace or a server path.
 */
import type { APIResponse } from '@playwright/test';
import { E2E_PORTS } from './ports';
import { expect, test, WALLET_ACCOUNT } from './fixtures';

const long = 'x'.repeat(10_000);
const unknownPool = '0x' + 'ab'.repeat(20);
const indexer = `http://127.0.0.1:${E2E_PORTS.indexer}`;

/** A stack frame ("at fn (file:1:2)", "at /path/file.js:1:2") or a path on the server. */
const LEAK = /\bat \S+ \(\S+:\d+:\d+\)|\bat \/\S+:\d+:\d+|\/work\/|node_modules\/|\/home\/|\/tmp\//;

/** The answer is no 5xx, has the status expected (one of them, when Next may refuse a path itself), leaks nothing. */
async function expectClean(res: APIResponse, path: string, status?: number | number[]) {
  const body = await res.text();
  expect(res.status(), `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
  if (status !== undefined) expect([status].flat(), path).toContain(res.status());
  expect(body, path).not.toMatch(LEAK);
  return body;
}

/** The first pool the indexer lists: a real one, for the inputs that must reach a real pool's page. */
async function firstPool(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.get('/api/indexer/pools?limit=1');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { pools: { address: string }[] }).pools[0]!.address;
}

test('pages answer hostile input with a 404 or a clean page', async ({ request, stack }) => {
  const pool = await firstPool(request);
  const tranched = stack.manifest.contracts.TranchedPools?.[0]?.address;
  expect(tranched, 'the seed makes tranched pools').toBeDefined();
  const pages: [string, number | number[]][] = [
    // A tranche that is not senior or junior: the list of every pool, the pool's senior view.
    ['/pools?tranche=%00', 200],
    ['/pools?tranche=senior&tranche=junior', 200],
    [`/pools?tranche=${long}&sort=%00`, 200],
    [`/pools/${tranched}?tranche=%00`, 200],
    [`/pools/${tranched}?tranche=senior&tranche=junior`, 200],
    [`/pools/${tranched}?tranche=${long}&chain=%00`, 404],
    [`/portfolio/${WALLET_ACCOUNT}/tranches.csv`, 200],
    ['/portfolio/junk/tranches.csv', 404],
    ['/pools?q=%00', 200],
    ['/pools?q=%00%01%1b%7f', 200],
    [`/pools?q=${long}`, 200],
    ['/pools?sort=%27%3B%20drop%20table%20pool--&order=sideways', 200],
    ['/pools?status=raising&status=active&category=..%2f..%2f&limit=1e309&offset=99999999999999999999', 200],
    ['/pools/not-an-address', 404],
    ['/pools/%00', [400, 404]],
    ['/pools/..%2f..%2fetc%2fpasswd', 404],
    [`/pools/${long}`, 404],
    [`/pools/${unknownPool}`, 404],
    [`/pools/0x${'0'.repeat(40)}`, 404],
    [`/pools/${pool}?interval=%00&range=1e309&days=-1`, 200],
    [`/pools/${pool}?interval=week&interval=month&range=-1`, 200],
    // A chain this app does not serve has no pool, machine or project; a malformed one neither.
    [`/pools/${pool}?chain=1`, 404],
    [`/pools/${pool}?chain=%00`, 404],
    [`/pools/${pool}?chain=31337&chain=1`, 404],
    [`/pools/${pool}?chain=${'9'.repeat(100)}`, 404],
    ['/assets/1?chain=-1', 404],
    ['/projects/1?chain=0x7a69', 404],
    ['/pools?chain=1', 200],
    ['/pools?chain=%00', 200],
    [`/portfolio/${WALLET_ACCOUNT}?pool=1:${pool}`, 200],
    [`/portfolio/${WALLET_ACCOUNT}?pool=${'9'.repeat(40)}:${pool}`, 200],
    ['/api/indexer-status?chain=1', 400],
    ['/api/indexer-status?chain=31337&chain=31337', 400],
    ['/assets/junk', 404],
    ['/assets/%00', [400, 404]],
    ['/assets/-1', 404],
    ['/assets/0', 404],
    ['/assets/1e5', 404],
    ['/assets/99999999999999999999', 404],
    [`/assets/${'9'.repeat(100)}`, 404],
    ['/assets/1?interval=%00', 200],
    ['/projects/-1', 404],
    ['/projects/abc%00', [400, 404]],
    ['/projects/99999', 404],
    ['/portfolio/junk', 404],
    ['/portfolio/%00', [400, 404]],
    [`/portfolio/${long}`, 404],
    ['/portfolio?address=%00', 200],
    [`/portfolio?address=${long}`, 200],
    [`/portfolio/${WALLET_ACCOUNT}?kind=%00&pool=..%2f..%2f&from=junk`, 200],
    [`/portfolio/${WALLET_ACCOUNT}/history.csv?from=junk&to=-1&kind=%00&pool=0xzz`, 200],
    ['/portfolio/junk/history.csv?from=junk', 404],
    ['/portfolio/junk/statement.pdf', 404],
    ['/portfolio/%00/statement.pdf?from=%00', [400, 404]],
    [`/portfolio/${long}/statement.pdf`, 404],
    ['/portfolio/junk/positions.csv', 404],
    ['/..%2f..%2fetc%2fpasswd', [400, 404]],
    ['/%00', [400, 404]],
  ];
  for (const [path, status] of pages) await expectClean(await request.get(path), path, status);
});

// Next.js answers a dynamic segment that does not decode as UTF-8 with a bare 500 in production
// (vercel/next.js#92557, open): proxy.ts must refuse such a path before routing for this to pass.
test('a path that does not decode is a 4xx, not a 500', async ({ request }) => {
  for (const path of ['/pools/%E0%A4%A', '/assets/%ZZ', '/portfolio/%C0%AF/statement.pdf', '/api/indexer/%E0'])
    await expectClean(await request.get(path), path, [400, 404]);
});

test('a NUL byte in the search is dropped: the list shows the rest of the search, not an error', async ({ page }) => {
  const res = await page.goto('/pools?q=osaka%00');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('These figures are unavailable right now')).toHaveCount(0);
  const rows = page.getByTestId('pool-row');
  await expect(rows.first()).toContainText('Osaka');
  for (const row of await rows.all()) await expect(row).toContainText('Osaka');
});

test('the indexer, through the app and directly, answers bad input with a JSON 4xx', async ({ request }) => {
  const pool = await firstPool(request);
  const api: [string, number][] = [
    ['pools?q=%00', 400],
    ['pools?q=%01%02', 400],
    [`pools?q=${long}`, 400],
    ['pools?q=a&q=b', 400],
    ['pools?status=raising&status=active', 400],
    ['pools?sort=%00', 400],
    ['pools?limit=1e309', 400],
    ['pools?limit=-1', 400],
    ['pools?offset=99999999999999999999', 400],
    ['pools?q=%25_%5C', 200], // LIKE's wildcards and escape are searched for as typed
    [`pools/${long}`, 400],
    [`pools/${unknownPool}`, 404],
    [`pools/${pool}/series?metric=tvl&days=-1`, 400],
    [`pools/${pool}/series?metric=tvl&days=1e309`, 400],
    [`pools/${pool}/series?metric=%00`, 400],
    [`pools/${pool}/activity?limit=99999999999999999999`, 400],
    [`pools/${unknownPool}/redemptions`, 404],
    [`pools/${pool}/redemptions?controller=junk`, 400],
    [`pools/${pool}/redemptions?controller=${long}`, 400],
    ['assets/99999999999999999999', 404],
    [`assets/${'9'.repeat(100)}`, 400],
    ['assets/1/series?days=-1', 400],
    ['accounts/junk/positions', 400],
    [`accounts/${WALLET_ACCOUNT}/history?kind=%00&limit=1e309`, 400],
    ['protocol/series?days=-1&interval=year', 400],
  ];
  // The tranche endpoints: the app passes them through too (a tranche's panel reads the visitor's queued exits).
  for (const [path, status] of [
    ['tranched-pools?sort=%00', 400],
    ['tranched-pools?category=..%2f', 400],
    ['tranched-pools?sort=name&sort=tvl', 400],
    [`tranched-pools/${long}`, 400],
    [`tranched-pools/${unknownPool}`, 404],
    [`tranched-pools/${unknownPool}/redemptions`, 404],
    [`tranched-pools/${unknownPool}/redemptions?controller=junk`, 400],
    [`tranched-pools/${unknownPool}/redemptions?controller=${long}`, 400],
    ['accounts/junk/tranches', 400],
    [`accounts/${long}/tranches`, 400],
  ] as const) {
    for (const url of [`/api/indexer/${path}`, `${indexer}/api/${path}`]) {
      const body = await expectClean(await request.get(url), url, status);
      expect(typeof (JSON.parse(body) as { error?: unknown }).error, url).toBe('string');
    }
  }
  for (const [path, status] of api) {
    for (const url of [`/api/indexer/${path}`, `${indexer}/api/${path}`]) {
      const res = await request.get(url);
      const body = await expectClean(res, url, status);
      expect(res.headers()['content-type'], url).toMatch(/^application\/json/);
      if (status >= 400) expect(typeof (JSON.parse(body) as { error?: unknown }).error, url).toBe('string');
    }
  }
  // The app names the chains to the indexer: a browser cannot add its own, nor name one the app does not serve.
  for (const path of [
    'pools?chainId=31337',
    'pools?chainId=1',
    'pools?chain=1',
    'pools?chain=31337&chain=31337',
    `accounts/${WALLET_ACCOUNT}/history?chain=%00`,
  ]) {
    const url = `/api/indexer/${path}`;
    await expectClean(await request.get(url), url, 400);
  }
  await expectClean(await request.get('/api/indexer/pools?chain=31337'), 'pools?chain=31337', 200);
  // What the app does not pass on, and what the indexer does not have.
  for (const path of ['..%2f..%2fsql%2fdb', 'sql/db', 'graphql', 'delayed-actions%2f..%2f..%2fsql', 'nope']) {
    const url = `/api/indexer/${path}`;
    await expectClean(await request.get(url), url, 404);
  }
  for (const path of ['/api/nope', `/api/pools/${pool}/nope`, '/api/%00']) {
    const res = await request.get(`${indexer}${path}`);
    expect(JSON.parse(await expectClean(res, path, 404))).toHaveProperty('error');
  }
});

test('the indexer’s SQL and GraphQL are not public in production', async ({ request }) => {
  // The e2e stack runs `ponder start`: production. With INDEXER_QUERY_TOKEN set they want it, else they are off.
  const status = process.env.INDEXER_QUERY_TOKEN ? 401 : 404;
  const sql = encodeURIComponent(JSON.stringify({ json: { sql: 'select 1', params: [], typings: [] } }));
  const attempts = [
    request.get(`${indexer}/graphql`),
    request.post(`${indexer}/graphql`, { data: { query: '{ __typename }' } }),
    request.post(`${indexer}/graphql`, {
      data: { query: '{ __typename }' },
      headers: { authorization: 'Bearer guessed' },
    }),
    request.get(`${indexer}/sql/db?sql=${sql}`),
    request.get(`${indexer}/sql/live?sql=${sql}`, { headers: { authorization: 'Bearer guessed' } }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status(), res.url()).toBe(status);
    expect(await res.json()).toHaveProperty('error');
  }
});
