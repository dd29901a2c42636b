/** How the API answers an error it did not expect: no message, stack or path leaves the indexer. */
import type { Context } from 'hono';

/** PostgreSQL's query_canceled, which a statement timeout raises (query-access.ts sets one). */
const QUERY_CANCELED = '57014';

/** The error, or one it wraps (drizzle wraps the driver's), is PostgreSQL cancelling the statement. */
function cancelled(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === QUERY_CANCELED) return true;
  return false;
}

/** An error answered: logged in full, answered without its message, stack or paths. */
export function answerError(error: unknown, c: Context) {
  if (cancelled(error)) return c.json({ error: 'the query took too long and was cancelled' }, 503);
  console.error(error);
  return c.json({ error: 'internal error' }, 500);
}
