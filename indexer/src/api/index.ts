/**
 * The indexer's HTTP API: SQL and GraphQL for tools (gated in production, query-access.ts), and the typed
 * endpoints the app reads (typed-api.ts).
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import { Hono } from 'hono';
import { client, graphql } from 'ponder';
import { applyQuerySettings, ponderQuerySettings, queriesOff, queryAccess, queryGate } from './query-access';
import { answerError } from './errors';
import { typedApi } from './typed-api';

const app = new Hono();
app.onError(answerError);

// Generic access for tools and ad-hoc questions: open in development; in production off, or behind a token.
const access = queryAccess(ponderQuerySettings());
const statementTimeoutMs = applyQuerySettings(access);
if (access.kind === 'off') {
  // Not even built: no live-query connection, no schema file written.
  app.all('/sql/*', queriesOff);
  app.all('/graphql', queriesOff);
} else {
  // One gate for both, so that together they run at most its few queries at a time; a query that has not
  // answered a second after the statement timeout is a 503 (Ponder retries a cancelled statement).
  const gate = queryGate(access, { deadlineMs: statementTimeoutMs > 0 ? statementTimeoutMs + 1_000 : 0 });
  app.use('/sql/*', gate, client({ db, schema }));
  app.use('/graphql', gate, graphql({ db, schema }));
}

app.route('/', typedApi());

export default app;
