import { EventEmitter } from 'node:events';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import {
  isProduction,
  limitStatementTime,
  ponderQuerySettings,
  queriesOff,
  queryAccess,
  queryGate,
  statementTimeoutMs,
  type QueryAccess,
  type QuerySettings,
} from '../../src/api/query-access';
import { answerError } from '../../src/api/errors';

/** A token long enough to be accepted. */
const TOKEN = 's3cret-s3cret-s3cret-s3cret-s3cret';

const settings = (over: Partial<QuerySettings>): QuerySettings => ({
  command: 'start',
  nodeEnv: 'development', // what Vite leaves when NODE_ENV was unset
  token: undefined,
  dialect: 'postgres',
  ...over,
});

describe('who may use /sql and /graphql', () => {
  it('production is `ponder start` or `serve`, or NODE_ENV=production; vitest and `ponder dev` are not', () => {
    expect(isProduction({ command: 'start', nodeEnv: 'development' })).toBe(true);
    expect(isProduction({ command: 'serve', nodeEnv: undefined })).toBe(true);
    expect(isProduction({ command: 'dev', nodeEnv: 'production' })).toBe(true);
    expect(isProduction({ command: undefined, nodeEnv: undefined })).toBe(true);
    expect(isProduction({ command: 'dev', nodeEnv: 'development' })).toBe(false);
    expect(isProduction({ command: 'start', nodeEnv: 'test', testRunner: true })).toBe(false);
  });

  it('is production under `ponder start` with NODE_ENV=test but no test runner (a setting left on a host)', () => {
    expect(isProduction({ command: 'start', nodeEnv: 'test' })).toBe(true);
    expect(isProduction({ command: 'serve', nodeEnv: 'test', testRunner: false })).toBe(true);
    expect(queryAccess(settings({ nodeEnv: 'test' }))).toMatchObject({ kind: 'off' });
    expect(queryAccess(settings({ nodeEnv: 'test', testRunner: true }))).toEqual({ kind: 'open' });
    expect(ponderQuerySettings({ NODE_ENV: 'test', VITEST: 'true' })).toMatchObject({ testRunner: true });
    expect(ponderQuerySettings({ NODE_ENV: 'test' })).toMatchObject({ testRunner: false });
  });

  it('refuses a token shorter than 32 characters or with a space in it: off, and said so', () => {
    for (const command of ['start', 'dev']) {
      expect(queryAccess(settings({ command, token: 's3cret' }))).toEqual({
        kind: 'off',
        why: 'off: INDEXER_QUERY_TOKEN is 6 characters, at least 32 are needed (e.g. openssl rand -hex 32)',
        misconfigured: true,
      });
      expect(queryAccess(settings({ command, token: `${TOKEN} ${TOKEN}` }))).toMatchObject({
        kind: 'off',
        why: expect.stringMatching(/has a space in it/),
      });
    }
    expect(queryAccess(settings({ token: 'x'.repeat(31) }))).toMatchObject({ kind: 'off' });
    expect(queryAccess(settings({ token: 'x'.repeat(32) }))).toEqual({ kind: 'token', token: 'x'.repeat(32) });
  });

  it('is open in development, off in production, and behind the token whenever one is set', () => {
    expect(queryAccess(settings({ command: 'dev' }))).toEqual({ kind: 'open' });
    expect(queryAccess(settings({ command: 'dev', dialect: 'pglite' }))).toEqual({ kind: 'open' });
    expect(queryAccess(settings({}))).toMatchObject({ kind: 'off' });
    expect(queryAccess(settings({ token: '  ' }))).toMatchObject({ kind: 'off' });
    expect(queryAccess(settings({ token: ` ${TOKEN} ` }))).toEqual({ kind: 'token', token: TOKEN });
    expect(queryAccess(settings({ command: 'dev', token: TOKEN }))).toEqual({ kind: 'token', token: TOKEN });
  });

  it('stays off in production on PGlite, which cannot time a statement out, even with a token', () => {
    expect(queryAccess(settings({ dialect: 'pglite', token: TOKEN }))).toMatchObject({
      kind: 'off',
      why: expect.stringMatching(/PGlite/),
    });
  });
});

type Answer = (c: Parameters<typeof queriesOff>[0]) => Response | Promise<Response>;

function gated(access: QueryAccess, sqlAnswer: Answer, limits?: Parameters<typeof queryGate>[1]) {
  const app = new Hono();
  app.onError(answerError);
  if (access.kind === 'off') {
    app.all('/sql/*', queriesOff);
    app.all('/graphql', queriesOff);
  } else {
    const gate = queryGate(access, limits);
    app.use('/sql/*', gate, async (c) => sqlAnswer(c));
    app.use('/graphql', gate, async (c) => c.json({ data: {} }));
  }
  return app;
}

const rows: Answer = (c) => c.json({ rows: [] });

describe('queryGate', () => {
  it('answers 404 when off', async () => {
    const app = gated({ kind: 'off', why: 'off' }, rows);
    for (const path of ['/sql/db?sql=x', '/graphql']) {
      const res = await app.request(path, { headers: { authorization: 'Bearer anything' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not found' });
    }
  });

  it('requires exactly `Authorization: Bearer <token>` when a token is set', async () => {
    const app = gated({ kind: 'token', token: 's3cret' }, rows);
    for (const header of [undefined, 'Bearer', 'Bearer wrong', 'Bearer s3cret2', 'Basic s3cret', 's3cret']) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: header === undefined ? {} : { authorization: header },
      });
      expect(res.status, String(header)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await res.json()) as object).toHaveProperty('error');
    }
    for (const path of ['/graphql', '/sql/db?sql=x'])
      expect((await app.request(path, { method: 'POST', headers: { authorization: 'Bearer s3cret' } })).status).toBe(
        200,
      );
    expect((await app.request('/sql/db', { headers: { authorization: 'bearer  s3cret ' } })).status).toBe(200);
  });

  it('passes everything when open', async () => {
    expect((await gated({ kind: 'open' }, rows).request('/sql/db?sql=x')).status).toBe(200);
  });

  it('turns what Ponder answers as a plain-text 500 into a JSON 400, and a statement timeout into a 503', async () => {
    const refused = gated({ kind: 'open' }, (c) => c.text('Invalid query: only SELECT is allowed', 500));
    const res = await refused.request('/sql/db?sql=x');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Invalid query: only SELECT is allowed' });

    const slow = gated({ kind: 'open' }, (c) => c.text('canceling statement due to statement timeout', 500));
    const timedOut = await slow.request('/sql/db?sql=x');
    expect(timedOut.status).toBe(503);
    expect(await timedOut.json()).toEqual({ error: 'the query took too long and was cancelled' });

    vi.spyOn(console, 'error').mockImplementation(() => {}); // answerError logs what it hides
    const thrown = gated({ kind: 'open' }, () => {
      throw new SyntaxError('Unexpected token');
    });
    const unreadable = await thrown.request('/sql/db?sql=%00');
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toEqual({ error: 'the query could not be read' });
  });
  it('runs at most a few queries at a time, and answers a 503 for one still running at the deadline', async () => {
    const pending: (() => void)[] = [];
    const held: Answer = (c) => new Promise((resolve) => pending.push(() => resolve(c.json({ rows: [] }))));
    const app = gated({ kind: 'open' }, held, { maxConcurrent: 2, deadlineMs: 200 });
    const first = app.request('/sql/db?sql=1');
    const second = app.request('/sql/db?sql=2');
    const third = await app.request('/graphql', { method: 'POST' });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    const started = Date.now();
    expect((await first).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await (await second).json()).toEqual({ error: 'the query took too long and was cancelled' });
    // Answered, but still running: their places are kept until they end.
    expect((await app.request('/graphql', { method: 'POST' })).status).toBe(503);
    for (const finish of pending) finish();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await app.request('/graphql', { method: 'POST' })).status).toBe(200);
  });
});

describe('the statement timeout', () => {
  it('is 5 s unless INDEXER_STATEMENT_TIMEOUT_MS says otherwise (0: Ponder’s own 30 s)', () => {
    expect(statementTimeoutMs(undefined)).toBe(5_000);
    expect(statementTimeoutMs('')).toBe(5_000);
    expect(statementTimeoutMs('2500')).toBe(2_500);
    expect(statementTimeoutMs('0')).toBe(0);
    for (const bad of ['50', '1e4', '-1', 'abc', '600001'])
      expect(() => statementTimeoutMs(bad)).toThrow(/100 to 600000/);
  });

  it('is set once on each read-only connection, before the first query it is handed out for', () => {
    const pool = new EventEmitter();
    const sent: string[] = [];
    const client = (name: string) => ({ query: async (text: string) => void sent.push(`${name}: ${text}`) });
    limitStatementTime(pool, 5_000);
    const a = client('a');
    const b = client('b');
    pool.emit('acquire', a);
    pool.emit('acquire', a);
    pool.emit('acquire', b);
    expect(sent).toEqual(['a: SET statement_timeout = 5000', 'b: SET statement_timeout = 5000']);
  });

  it('answers a statement cancelled by it as a 503 on the typed API', async () => {
    const app = new Hono();
    app.onError(answerError);
    app.get('/api/slow', () => {
      throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    });
    const res = await app.request('/api/slow');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'the query took too long and was cancelled' });
  });
});
