import type { MiddlewareHandler } from 'hono';

type Answer = { status: number; body: string };

/**
 * Answers of the typed API are a function of the indexed state, which changes only when the indexer's
 * checkpoint moves. So an answer is kept per URL with the checkpoint it was computed at, and served again
 * until the checkpoint moves: a dashboard's many identical requests cost one query each per block.
 *
 * - The checkpoint itself is read at most every `checkpointTtlMs` (the only staleness this adds).
 * - When a block invalidates everything, concurrent requests for one URL wait for a single computation
 *   instead of each running the same query (no thundering herd on the heavy endpoints).
 * - Ponder's checkpoint can name a block a moment before that block's rows are readable. So answers
 *   computed in the first `settleMs` after the checkpoint moved are served but not kept, and no answer is
 *   kept longer than `maxAgeMs`: a figure that raced the writes is stale for two seconds at most, never for
 *   a whole block (which on a quiet chain can last minutes).
 * - At most `maxEntries` answers, least recently used out first.
 */
export function responseCache(opts: {
  readCheckpoint: () => Promise<string>;
  checkpointTtlMs?: number;
  settleMs?: number;
  maxAgeMs?: number;
  maxEntries?: number;
}): MiddlewareHandler {
  const { readCheckpoint, checkpointTtlMs = 100, settleMs = 1_000, maxAgeMs = 2_000, maxEntries = 2_000 } = opts;
  const entries = new Map<string, Answer & { checkpoint: string; at: number }>();
  const inFlight = new Map<string, Promise<Answer | null>>();
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

  const send = (c: Parameters<MiddlewareHandler>[0], answer: Answer, cache: string) =>
    c.body(answer.body, answer.status as 200, { 'content-type': 'application/json', 'x-cache': cache });

  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const state = await checkpoint();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && hit.checkpoint === state.value && Date.now() - hit.at < maxAgeMs) {
      entries.delete(key);
      entries.set(key, hit);
      return send(c, hit, 'hit');
    }
    const flightKey = `${state.value} ${key}`;
    const pending = inFlight.get(flightKey);
    if (pending) {
      const shared = await pending;
      if (shared) return send(c, shared, 'shared');
      return next(); // the first computation failed: try on our own
    }
    let settle!: (answer: Answer | null) => void;
    inFlight.set(flightKey, new Promise((resolve) => (settle = resolve)));
    try {
      await next();
      const status = c.res.status;
      const answer = status === 200 || status === 404 ? { status, body: await c.res.clone().text() } : null;
      settle(answer);
      if (answer && Date.now() - state.changedAt >= settleMs) {
        entries.set(key, { ...answer, checkpoint: state.value, at: Date.now() });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
    } catch (error) {
      settle(null);
      throw error;
    } finally {
      inFlight.delete(flightKey);
    }
  };
}
