/**
 * The indexer's HTTP API: SQL and GraphQL for tools, and the typed endpoints the app reads, one module per
 * resource. Every typed answer carries the indexed block (reply.ts) and is cached per block (response-cache.ts).
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import { Hono } from 'hono';
import { client, graphql } from 'ponder';
import { accounts } from './accounts';
import { assets } from './assets';
import { delayedActions } from './delayed-actions';
import { pools } from './pools';
import { projects } from './projects';
import { protocol } from './protocol';
import { indexedBlock, latestCheckpoint, reply } from './reply';
import { responseCache } from './response-cache';

const app = new Hono();

// Generic access for tools and ad-hoc questions.
app.use('/sql/*', client({ db, schema }));
app.use('/graphql', graphql({ db, schema }));

// Before every typed endpoint and its parameter checks (validation.ts): a 400 is answered, never kept.
app.use('/api/*', responseCache({ readCheckpoint: latestCheckpoint }));

app.onError((error, c) => {
  console.error(error);
  return c.json({ error: 'internal error' }, 500);
});

app.get('/api/status', async (c) => reply(c, await indexedBlock(), {}));
app.route('/api/protocol', protocol);
app.route('/api/pools', pools);
app.route('/api/assets', assets);
app.route('/api/projects', projects);
app.route('/api/accounts', accounts);
app.route('/api/delayed-actions', delayedActions);

export default app;
