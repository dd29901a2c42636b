/**
 * The typed API's real routes (typed-api.ts) with malformed, oversized and hostile input, without a
 * database: each must be a 4xx with a JSON `{ error }`, and a bad parameter must be refused before any query
 * runs. Ponder's virtual modules are stood in for: the schema is the real one, the database a stub that
 * counts its calls and finds nothing (so a well-formed but unknown id is a 404).
 */
import { describe, expect, it, vi } from 'vitest';

const { db, calls } = vi.hoisted(() => {
  const calls = { count: 0 };
  // Any chain of drizzle calls (select().from().where()...), awaited: no rows.
  const chain: object = new Proxy(() => {}, {
    get: (_, prop) =>
      prop === 'then'
        ? (resolve: (rows: unknown[]) => void) => resolve([])
        : () => {
            calls.count++;
            return chain;
          },
  });
  const db = {
    execute: async () => {
      calls.count++;
      return { rows: [] };
    },
    select: () => {
      calls.count++;
      return chain;
    },
  };
  return { db, calls };
});

vi.mock('ponder:api', () => ({ db }));
vi.mock('ponder:schema', async () => await import('../../ponder.schema'));

const { typedApi } = await import('../../src/api/typed-api');
const app = typedApi({ readCheckpoint: async () => '' });

const pool = '0x' + 'ab'.repeat(20);
const account = '0x' + '12'.repeat(20);
const long = 'x'.repeat(10_000);
const many = Array.from({ length: 21 }, (_, i) => '0x' + (i + 1).toString(16).padStart(40, '0')).join(',');

/** Refused before any query: [path, what the message must say]. */
const BAD: [string, RegExp][] = [
  // The pools list: free text, enums, numbers.
  ['/api/pools?q=%00', /^q: must not contain control characters/],
  ['/api/pools?q=ab%01cd', /control characters/],
  ['/api/pools?q=%7F', /control characters/],
  [`/api/pools?q=${long}`, /^q: /],
  ['/api/pools?q=a&q=b', /^q: /],
  ['/api/pools?status=raising&status=active', /^status: /],
  ['/api/pools?status=%00', /^status: /],
  ['/api/pools?category=..%2f..%2fetc', /^category: /],
  ['/api/pools?sort=%27%3Bdrop%20table%20pool--', /^sort: /],
  ['/api/pools?order=sideways', /^order: /],
  ['/api/pools?limit=1e309', /^limit: /],
  ['/api/pools?limit=Infinity', /^limit: /],
  ['/api/pools?limit=-1', /^limit: /],
  ['/api/pools?limit=0', /^limit: /],
  ['/api/pools?limit=201', /^limit: /],
  ['/api/pools?limit=1.5', /^limit: /],
  ['/api/pools?limit=0x10', /^limit: /],
  ['/api/pools?limit=%205', /^limit: /],
  ['/api/pools?limit=', /^limit: /],
  ['/api/pools?offset=99999999999999999999', /^offset: /],
  ['/api/pools?offset=-1', /^offset: /],
  ['/api/pools?offset=1e3', /^offset: /],
  // A pool by address, and what belongs to it.
  ['/api/pools/..%2f..%2fsql', /is not a pool address/],
  ['/api/pools/%00', /^"\\u0000" is not a pool address/],
  ['/api/pools/0x1234', /is not a pool address/],
  [`/api/pools/0x${'g'.repeat(40)}`, /is not a pool address/],
  [`/api/pools/${long}`, /^"x{60}…" is not a pool address/],
  [`/api/pools/${pool}/series`, /^metric: /],
  [`/api/pools/${pool}/series?metric=junk`, /^metric: /],
  [`/api/pools/${pool}/series?metric=tvl&days=-1`, /^days: /],
  [`/api/pools/${pool}/series?metric=tvl&days=1e309`, /^days: /],
  [`/api/pools/${pool}/series?metric=tvl&days=99999999999999999999`, /^days: /],
  [`/api/pools/${pool}/series?metric=tvl&days=3651`, /^days: /],
  [`/api/pools/${pool}/series?metric=tvl&interval=year`, /^interval: /],
  [`/api/pools/${pool}/series?metric=tvl&metric=yield`, /^metric: /],
  [`/api/pools/${pool}/activity?limit=100000`, /^limit: /],
  [`/api/pools/${pool}/delayed-actions?status=maybe`, /^status: /],
  ['/api/pools/%E0%A4%A/redemptions', /is not a pool address/],
  // Machine groups and projects by id.
  ['/api/assets/1e5', /is not an asset id/],
  ['/api/assets/-1', /is not an asset id/],
  ['/api/assets/0', /is not an asset id/],
  ['/api/assets/007', /is not an asset id/],
  ['/api/assets/%00', /is not an asset id/],
  ['/api/assets/..%2f..%2fsql', /is not an asset id/],
  [`/api/assets/${'9'.repeat(100)}`, /is not an asset id/],
  [`/api/assets/${2n ** 256n}`, /is not an asset id/],
  ['/api/assets/1/series?days=-1', /^days: /],
  ['/api/assets/1/series?interval=%00', /^interval: /],
  ['/api/projects/-1', /is not a project id/],
  ['/api/projects/abc', /is not a project id/],
  ['/api/projects/1.0', /is not a project id/],
  // Accounts, one or several.
  ['/api/accounts/junk/positions', /is not an account address/],
  [`/api/accounts/${many}/positions`, /at most 20 addresses/],
  ['/api/accounts/positions', /give an account address/],
  ['/api/accounts/positions?addresses=%00', /is not an account address/],
  [`/api/accounts/positions?addresses=${account}&addresses=${account}`, /^addresses: /],
  [`/api/accounts/${account}/history?kind=junk`, /^kind: /],
  [`/api/accounts/${account}/history?pool=..%2f`, /is not a pool address/],
  [`/api/accounts/${account}/history?limit=1e309`, /^limit: /],
  [`/api/accounts/${account}/history?limit=1001`, /^limit: /],
  // The protocol and the timelock.
  ['/api/protocol/series?days=-1', /^days: /],
  ['/api/protocol/series?interval=%00', /^interval: /],
  ['/api/delayed-actions?status=junk', /^status: /],
  ['/api/delayed-actions?limit=0', /^limit: /],
  // The chain: only one this indexer serves (31337 here), in decimal digits.
  ['/api/pools?chainId=84532', /^chainId: "84532" is not a chain this indexer serves \(31337\)/],
  ['/api/pools?chainId=%00', /^chainId: "\\u0000" is not a chain/],
  ['/api/protocol?chainId=0x7a69', /^chainId: "0x7a69" is not a chain/],
  [`/api/pools/${pool}?chainId=1`, /^chainId: "1" is not a chain/],
  [`/api/pools/${pool}/activity?chainId=31337.0`, /^chainId: /],
  ['/api/assets/1?chainId=-31337', /^chainId: /],
  [`/api/accounts/${account}/positions?chainId=${long}`, /^chainId: "x{60}…" is not a chain/],
  // The app appends its own chain to what the browser asks: a chainId of the browser's is then a second one.
  [`/api/pools/${pool}?chainId=1&chainId=31337`, /^chainId: give it once/],
  ['/api/pools?chainId=31337&chainId=31337', /^chainId: give it once/],
  // A list or an account takes a comma list, each chain served and named once; one thing takes one chain.
  ['/api/pools?chainId=31337,84532', /^chainId: "84532" is not a chain this indexer serves \(31337\)/],
  ['/api/protocol?chainId=31337,31337', /^chainId: "31337" is named twice/],
  [`/api/accounts/${account}/history?chainId=31337,`, /^chainId: "" is not a chain/],
  [`/api/accounts/${account}/redemptions?chainId=31337&chainId=31337`, /^chainId: give it once/],
  [`/api/pools/${pool}?chainId=31337,31337`, /^chainId: one chain is needed here, not "31337,31337"/],
];

/** Well-formed, and nothing there: [path]. */
const UNKNOWN = [
  `/api/pools/${'0x' + '0'.repeat(40)}`,
  `/api/pools/${pool.toUpperCase().replace('0X', '0x')}`,
  `/api/pools/${pool}/redemptions`,
  `/api/pools/${pool}/allowlist`,
  '/api/assets/99999999999999999999',
  `/api/assets/${2n ** 256n - 1n}`,
  '/api/projects/99999',
];

async function answer(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

function expectCleanJson(got: { type: string; text: string }) {
  expect(got.type).toMatch(/^application\/json/);
  const body = JSON.parse(got.text) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  expect(got.text).not.toMatch(/\bat \S+ \(|\/work\/|node_modules/);
  return body.error as string;
}

describe('the typed API with hostile input', () => {
  it.each(BAD)('%s is a 400 naming the problem, before any query', async (path, message) => {
    const before = calls.count;
    const got = await answer(path);
    expect(got.status, got.text).toBe(400);
    expect(expectCleanJson(got)).toMatch(message);
    expect(calls.count).toBe(before);
  });

  it.each(UNKNOWN)('%s (well-formed, unknown) is a 404 saying what is not there', async (path) => {
    const got = await answer(path);
    expect(got.status, got.text).toBe(404);
    expect(expectCleanJson(got)).toMatch(/^no (pool|asset|project) /);
  });

  it('answers an unknown endpoint or method with a JSON 404', async () => {
    for (const [path, init] of [
      ['/api/nope', undefined],
      ['/api/pools/x/y/z', undefined],
      [`/api/pools/${pool}/%00`, undefined],
      ['/api/pools', { method: 'POST', body: '{}' }],
      ['/api/pools', { method: 'DELETE' }],
    ] as const) {
      const got = await answer(path, init);
      expect(got.status, path).toBe(404);
      expect(expectCleanJson(got)).toMatch(/^no such endpoint: /);
    }
  });

  it('quotes a hostile value without its control characters and cuts it short', async () => {
    const got = await answer(`/api/pools/%00%1b%5B31m${long}`);
    const error = expectCleanJson(got);
    expect(error).toMatch(/^"\\u0000\\u001b\[31mx+…" is not a pool address/);
    expect(error.length).toBeLessThan(120);
  });
});
