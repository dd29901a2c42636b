import type { MiddlewareHandler } from 'hono';

/**
 * Answers of the typed API are a function of the indexed state, which changes only when the indexer's
 * checkpoint moves. So an answer is kept per URL with the checkpoint it was computed at, and served again
 * until the checkpoint moves: a dashboard's many identical requests cost one query each per block.
 *
 * - The checkpoint itself is read at most every `checkpointTtlMs` (the only staleness this adds).
 * - Answers computed in the first `settleMs` after a checkpoint moved are not kept, so that an answer
 *   racing the indexer's writes for that block can never stick.
 * - At most `maxEntries` answers, least recently used out first.
 */
export function responseCache(opts: {
  readCheckpoint: () => Promise<string>;
  checkpointTtlMs?: number;
  settleMs?: number;
  maxEntries?: number;
}): MiddlewareHandler {
  const { readCheckpoint, checkpointTtlMs = 100, settleMs = 1_000, maxEntries = 2_000 } = opts;
  const entries = new Map<string, { checkpoint: string; status: number; body: string }>();
  type Checkpoint = { value: string; readAt: number; changedAt: number };
  let current = null as Checkpoint | null;
  let reading = null as Promise<Checkpoint> | null;

  const checkpoint = async (): Promise<Checkpoint> => {
    const now = Date.now();
    if (current && now - current.readAt < checkpointTtlMs) return current;
    // One read in flight at a time, however many requests wait on it.
    reading ??= readCheckpoint()
      .then((value) => {
        const readAt = Date.now();
        const next: Checkpoint = { value, readAt, changedAt: current?.value === value ? current.changedAt : readAt };
        current = next;
        return next;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const state = await checkpoint();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && hit.checkpoint === state.value) {
      entries.delete(key);
      entries.set(key, hit);
      return c.body(hit.body, hit.status as 200, { 'content-type': 'application/json', 'x-cache': 'hit' });
    }
    await next();
    const status = c.res.status;
    if ((status === 200 || status === 404) && Date.now() - state.changedAt >= settleMs) {
      entries.set(key, { checkpoint: state.value, status, body: await c.res.clone().text() });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
  };
}
