import 'server-only';
import { z } from 'zod';
import { serverEnv } from '../config/server-env';

/** The indexer could not answer: down, timing out, or returning something we do not understand. */
class IndexerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IndexerUnavailableError';
  }
}

/**
 * How long one read of the indexer may take, body included. A page makes at most two rounds of reads (a pool,
 * then its activity, charts and queue at once), so a hung indexer costs a visitor seconds, not a hung page.
 */
export const INDEXER_TIMEOUT_MS = 8_000;

/**
 * INDEXER_URL joined to a path of its API; a trailing slash pasted into the setting does not double up. One
 * indexer may serve more chains than the app does: every read of the typed API names its chains, the one a
 * pool, asset or project is on, else every chain the app serves (CHAIN_IDS), so no answer strays onto another
 * (and a chainId the browser adds is a repeated parameter, which the indexer refuses).
 */
export function indexerUrl(path: string, chainIds?: readonly number[]): string {
  const env = serverEnv();
  const url = `${env.INDEXER_URL.replace(/\/+$/, '')}${path}`;
  if (!path.startsWith('/api/')) return url;
  const chains = chainIds ?? env.chains.map((chain) => chain.id);
  return `${url}${path.includes('?') ? '&' : '?'}chainId=${chains.join(',')}`;
}

const timedOut = (cause: unknown) => cause instanceof Error && cause.name === 'TimeoutError';

/**
 * The reason a visitor sees, and the details for the server's log only: pages are public, and INDEXER_URL
 * may name a private host, so its address never reaches the page.
 */
function unavailable(url: string, shown: string, cause: unknown): IndexerUnavailableError {
  // undici's "fetch failed" keeps the reason (ECONNREFUSED, ENOTFOUND) in its own cause.
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = inner instanceof Error && 'code' in inner ? ` ${String(inner.code)}` : '';
  const why = cause instanceof Error ? `${cause.name}: ${cause.message}${code}` : String(cause);
  console.warn(`indexer unavailable: GET ${url}: ${shown} (${why})`);
  return new IndexerUnavailableError(shown, { cause });
}

/**
 * GETs a path of the indexer's API and validates the body. Returns null on 404 (an unknown pool, account,
 * asset), throws IndexerUnavailableError on anything else that is not a good answer, within
 * INDEXER_TIMEOUT_MS. `chainIds`: the chains the answer is about (indexerUrl).
 */
export async function getFromIndexer<T extends z.ZodType>(
  path: string,
  schema: T,
  chainIds?: readonly number[],
): Promise<z.infer<T> | null> {
  const url = indexerUrl(path, chainIds);
  const late = `The indexer did not answer within ${INDEXER_TIMEOUT_MS / 1000} s.`;
  let res: Response;
  try {
    // One signal for the request and the body: an indexer that sends its headers and then stalls is cut too.
    res = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS) });
  } catch (cause) {
    throw unavailable(url, timedOut(cause) ? late : 'The indexer is not reachable.', cause);
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new IndexerUnavailableError(`The indexer answered ${res.status} for ${path}.`);
  const unexpected = (cause: unknown) =>
    timedOut(cause)
      ? unavailable(url, late, cause)
      : new IndexerUnavailableError(`The indexer's answer for ${path} has an unexpected shape.`, { cause });
  // A body cut off mid-way or not JSON at all is as unusable as one of the wrong shape.
  const body: unknown = await res.json().catch((cause: unknown) => {
    throw unexpected(cause);
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpected(parsed.error);
  return parsed.data;
}

/** What a page or statement got from the indexer: the data, or why there is none to show right now. */
export type IndexerRead<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * The one way pages, statements and routes read the indexer: runs `read` (any number of the readers
 * beside this file) and turns an indexer that cannot answer into `{ ok: false, error }`, which the caller
 * shows as the indexer-unavailable state or a 503. Anything else (a bug, Next's notFound()) propagates.
 */
export async function readIndexer<T>(read: () => Promise<T>): Promise<IndexerRead<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    return { ok: false, error: error.message };
  }
}
