/**
 * The typed endpoints the app reads, one module per resource, under /api. Every answer carries the indexed
 * block (reply.ts) and is cached per block (response-cache.ts); every failure is JSON `{ error }`: a 400
 * for a bad parameter (validation.ts), a 404 for an unknown resource or endpoint, a 503 when a query ran
 * out of time, a bare 500 (no stack, no path) for anything else.
 */
import { Hono } from 'hono';
import { accounts } from './accounts';
import { assets } from './assets';
import { delayedActions } from './delayed-actions';
import { someChains } from './chain-scope';
import { answerError } from './errors';
import { pools } from './pools';
import { projects } from './projects';
import { protocol } from './protocol';
import { indexedBlock, latestCheckpoint, reply } from './reply';
import { responseCache } from './response-cache';
import { tranchedPools } from './tranched-pools';
import { quote } from './validation';

export function typedApi({ readCheckpoint = latestCheckpoint }: { readCheckpoint?: () => Promise<string> } = {}) {
  const app = new Hono();
  // Before every typed endpoint and its parameter checks (validation.ts): a 400 is answered, never kept.
  app.use('/api/*', responseCache({ readCheckpoint }));
  app.onError(answerError);

  app.get('/api/status', someChains, async (c) => reply(c, await indexedBlock(c.get('chainIds')), {}));
  app.route('/api/protocol', protocol);
  app.route('/api/pools', pools);
  app.route('/api/tranched-pools', tranchedPools);
  app.route('/api/assets', assets);
  app.route('/api/projects', projects);
  app.route('/api/accounts', accounts);
  app.route('/api/delayed-actions', delayedActions);
  // Last: only what no route above answered. JSON like every other answer, not Hono's plain-text 404.
  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${quote(c.req.path)}` }, 404));
  return app;
}
