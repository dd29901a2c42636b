import 'server-only';
import { z } from 'zod';
import { serverEnv } from '../config/server-env';

/** The indexer could not answer: down, timing out, or returning something we do not understand. */
export class IndexerUnavailableError extends Error {
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
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    throw new IndexerUnavailableError(`The indexer's answer for ${path} has an unexpected shape.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export { bigintString, hexAddress } from './wire';

export const indexerStatusSchema = z.record(
  z.string(),
  z.object({ id: z.number(), block: z.object({ number: z.number(), timestamp: z.number() }) }),
);
