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
 * GETs a path of the indexer's API and validates the body. Returns null on 404 (an unknown pool, account,
 * asset), throws IndexerUnavailableError on anything else that is not a good answer.
 */
export async function getFromIndexer<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T> | null> {
  const url = `${serverEnv().INDEXER_URL}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(8_000) });
  } catch (cause) {
    throw new IndexerUnavailableError(`The indexer at ${new URL(url).origin} is not reachable.`, { cause });
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new IndexerUnavailableError(`The indexer answered ${res.status} for ${path}.`);
  const unexpected = (cause: unknown) =>
    new IndexerUnavailableError(`The indexer's answer for ${path} has an unexpected shape.`, { cause });
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
