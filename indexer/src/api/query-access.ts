/**
 * Who may use the indexer's generic SQL (`/sql/*`, for @ponder/client) and GraphQL (`/graphql`), and how long
 * one read-only statement may run.
 *
 * - Development (`ponder dev`, or any command started by vitest, which sets NODE_ENV=test and VITEST=true: the
 *   indexer suites run `ponder start` and read /graphql): open, as before. NODE_ENV=test alone is not enough: a
 *   production host with NODE_ENV=test left in its environment would open them to everyone.
 * - Production (`ponder start` or `ponder serve`, or NODE_ENV=production with any command): off, a 404, unless
 *   INDEXER_QUERY_TOKEN is set; then they answer only with `Authorization: Bearer <token>` (401 otherwise).
 *   A token set in development is required there too. A token must be at least 32 characters with no space in
 *   it (one that can be guessed is no gate); a shorter one turns them off, with a warning in the log.
 * - On PostgreSQL every read-only connection runs with `statement_timeout` (INDEXER_STATEMENT_TIMEOUT_MS,
 *   5,000 by default; 0 keeps Ponder's 30 s). SQL, GraphQL and the typed API share Ponder's read-only pool,
 *   so the limit holds for all three; a cancelled statement is a 503.
 * - PGlite accepts `statement_timeout` but never enforces it (no timer signal inside WebAssembly), and a
 *   statement blocks the indexer's only thread while it runs: in production on PGlite SQL and GraphQL stay
 *   off even with a token.
 *
 * Why the command: Vite, which Ponder builds the app with, sets NODE_ENV=development whenever it is unset,
 * so NODE_ENV alone cannot tell `ponder start` from `ponder dev`; Ponder keeps the command it was started
 * with in its globals.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export type QueryAccess =
  | { kind: 'open' }
  | { kind: 'token'; token: string }
  /** `misconfigured`: off because of a bad setting, logged as a warning. */
  | { kind: 'off'; why: string; misconfigured?: boolean };

/** The shortest INDEXER_QUERY_TOKEN accepted: `openssl rand -hex 32` gives 64 characters. */
export const MIN_TOKEN_LENGTH = 32;

export type QuerySettings = {
  /** Ponder's command: 'dev', 'start', 'serve'; undefined outside Ponder (counted as production). */
  command: string | undefined;
  nodeEnv: string | undefined;
  /** Started by vitest (VITEST=true), which also sets NODE_ENV=test. */
  testRunner?: boolean;
  token: string | undefined;
  dialect: 'postgres' | 'pglite' | undefined;
};

export function isProduction({
  command,
  nodeEnv,
  testRunner,
}: Pick<QuerySettings, 'command' | 'nodeEnv' | 'testRunner'>): boolean {
  if (nodeEnv === 'production') return true;
  if (nodeEnv === 'test' && testRunner) return false;
  return command !== 'dev';
}

/** Why a token cannot be used, or null when it can. */
function tokenProblem(token: string): string | null {
  if (/\s/.test(token)) return 'INDEXER_QUERY_TOKEN has a space in it, which no Authorization header can carry';
  if (token.length < MIN_TOKEN_LENGTH) {
    return `INDEXER_QUERY_TOKEN is ${token.length} characters, at least ${MIN_TOKEN_LENGTH} are needed (e.g. openssl rand -hex 32)`;
  }
  return null;
}

export function queryAccess(settings: QuerySettings): QueryAccess {
  const token = settings.token?.trim();
  const production = isProduction(settings);
  if (production && settings.dialect === 'pglite')
    return {
      kind: 'off',
      why: 'off in production on PGlite, which cannot time a statement out (use PostgreSQL to serve them)',
    };
  if (token) {
    const problem = tokenProblem(token);
    if (problem) return { kind: 'off', why: `off: ${problem}`, misconfigured: true };
    return { kind: 'token', token };
  }
  if (production) return { kind: 'off', why: 'off in production (set INDEXER_QUERY_TOKEN to serve them)' };
  return { kind: 'open' };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/** What /sql and /graphql answer when they are off: nothing is there. */
export const queriesOff = (c: Context) => c.json({ error: 'not found' }, 404);

/**
 * In front of Ponder's client() and graphql(), one gate for both:
 *
 * - refuses a request without the token when one is required (401);
 * - runs at most `maxConcurrent` requests at a time (503 beyond), and answers a 503 at `deadlineMs` if the
 *   query has not answered by then. Ponder retries a failed read-only transaction up to ten times with
 *   backoff, a statement timeout included, so one hostile query would hold its request for two minutes; it
 *   still runs out its retries behind the 503, but keeps its place in `maxConcurrent` until it does, so the
 *   database never runs more than that many of them;
 * - answers what Ponder's /sql middleware answers as a plain-text 500 (a statement it refuses, a query that
 *   fails, one that cannot be parsed) as a JSON 400, and a statement timeout as a 503.
 */
export function queryGate(
  access: Exclude<QueryAccess, { kind: 'off' }>,
  { deadlineMs = 0, maxConcurrent = 4 }: { deadlineMs?: number; maxConcurrent?: number } = {},
): MiddlewareHandler {
  let running = 0;
  const tooLong = (c: Context) => c.json({ error: 'the query took too long and was cancelled' }, 503);
  return async (c, next) => {
    if (access.kind === 'token' && !bearerMatches(c.req.header('authorization'), access.token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'SQL and GraphQL need the header Authorization: Bearer <INDEXER_QUERY_TOKEN>' }, 401);
    }
    if (running >= maxConcurrent) {
      c.header('Retry-After', '5');
      return c.json({ error: `at most ${maxConcurrent} SQL or GraphQL queries at a time; try again in a moment` }, 503);
    }
    running++;
    const work = next().finally(() => running--);
    if (deadlineMs > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
      const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
      if (first === 'late') {
        work.catch(() => {}); // answered already: what it ends with is of no use
        return tooLong(c);
      }
    } else await work;
    if (!c.req.path.startsWith('/sql') || c.res.status !== 500) return;
    // Thrown (a query string that is not superjson, SQL that does not parse): answered by answerError, logged.
    if (c.error) {
      c.res = c.json({ error: 'the query could not be read' }, 400);
      return;
    }
    const text = (await c.res.clone().text()).trim();
    c.res = /statement timeout/i.test(text)
      ? tooLong(c)
      : c.json({ error: text.length > 300 ? `${text.slice(0, 300)}…` : text || 'the query failed' }, 400);
  };
}

type Client = { query: (text: string) => Promise<unknown> };
type Pool = { on: (event: 'acquire', listener: (client: Client) => void) => unknown };

/** INDEXER_STATEMENT_TIMEOUT_MS: a whole number of milliseconds, 0 (Ponder's default) or from 100 to 600,000. */
export function statementTimeoutMs(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 5_000;
  const ms = /^\d{1,6}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (ms === 0 || (ms >= 100 && ms <= 600_000)) return ms;
  throw new Error(
    `INDEXER_STATEMENT_TIMEOUT_MS="${raw}": give milliseconds from 100 to 600000, or 0 for Ponder's 30 s`,
  );
}

/**
 * Gives every connection of the read-only pool `statement_timeout = ms`, once each, before its first query
 * after this call: the pool emits `acquire` before it hands the client over, and a client runs its queries in
 * the order they were sent. Connections opened before the call get it at their next checkout.
 */
export function limitStatementTime(pool: Pool, ms: number, onError: (error: unknown) => void = console.error) {
  const limited = new WeakSet<Client>();
  pool.on('acquire', (client) => {
    if (limited.has(client)) return;
    limited.add(client);
    client.query(`SET statement_timeout = ${Math.trunc(ms)}`).catch(onError);
  });
}

type PonderGlobals = {
  PONDER_COMMON?: {
    options?: { command?: string };
    logger?: { info: (o: { msg: string }) => void; warn: (o: { msg: string }) => void };
  };
  PONDER_DATABASE?: { driver?: { dialect: 'postgres'; readonly: Pool } | { dialect: 'pglite' } };
};

/** The settings of the running indexer: Ponder's command and database, and the environment. */
export function ponderQuerySettings(env: NodeJS.ProcessEnv = process.env): QuerySettings {
  const ponder = globalThis as unknown as PonderGlobals;
  return {
    command: ponder.PONDER_COMMON?.options?.command,
    nodeEnv: env.NODE_ENV,
    testRunner: env.VITEST === 'true',
    token: env.INDEXER_QUERY_TOKEN,
    dialect: ponder.PONDER_DATABASE?.driver?.dialect,
  };
}

/**
 * Applies the statement timeout to Ponder's read-only pool (PostgreSQL only) and logs what SQL and GraphQL do.
 * Returns the timeout in force, in milliseconds: 0 when there is none of ours (PGlite, or 0 asked for).
 */
export function applyQuerySettings(access: QueryAccess, env: NodeJS.ProcessEnv = process.env): number {
  const ponder = globalThis as unknown as PonderGlobals;
  const log = ponder.PONDER_COMMON?.logger ?? { info: console.log, warn: console.warn };
  const driver = ponder.PONDER_DATABASE?.driver;
  const ms = statementTimeoutMs(env.INDEXER_STATEMENT_TIMEOUT_MS);
  if (driver?.dialect === 'postgres' && ms > 0) limitStatementTime(driver.readonly, ms);
  const timeout =
    driver?.dialect === 'postgres'
      ? `read-only statements time out after ${ms > 0 ? `${ms} ms` : '30 s (Ponder)'}`
      : 'no statement timeout on PGlite';
  const msg =
    access.kind === 'off'
      ? `SQL (/sql) and GraphQL (/graphql) are ${access.why}; ${timeout}`
      : `SQL (/sql) and GraphQL (/graphql) are ${access.kind === 'token' ? 'on with a bearer token' : 'open (development)'}; ${timeout}`;
  if (access.kind === 'off' && access.misconfigured) log.warn({ msg });
  else log.info({ msg });
  return driver?.dialect === 'postgres' ? ms : 0;
}
