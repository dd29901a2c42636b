import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from '../../src/api/response-cache';

function appWith(checkpoint: { value: string }, opts: { settleMs?: number; maxAgeMs?: number } = {}) {
  let computed = 0;
  const app = new Hono();
  app.use('/api/*', responseCache({ readCheckpoint: async () => checkpoint.value, checkpointTtlMs: 0, ...opts }));
  app.get('/api/figure', async (c) => {
    computed++;
    await new Promise((r) => setTimeout(r, 20));
    return c.json({ at: checkpoint.value, n: computed });
  });
  app.get('/api/missing', (c) => c.json({ error: 'no such thing' }, 404));
  app.get('/api/broken', (c) => c.json({ error: 'internal error' }, 500));
  return { app, computed: () => computed };
}

describe('responseCache', () => {
  it('answers again from the cache until the checkpoint moves, then computes afresh', async () => {
    const checkpoint = { value: 'a' };
    const { app, computed } = appWith(checkpoint, { settleMs: 0 });
    const first = await (await app.request('/api/figure')).json();
    const second = await app.request('/api/figure');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.json()).toEqual(first);
    expect(computed()).toBe(1);
    checkpoint.value = 'b';
    expect(await (await app.request('/api/figure')).json()).toEqual({ at: 'b', n: 2 });
  });

  it('computes once for many concurrent requests after a block', async () => {
    const { app, computed } = appWith({ value: 'a' }, { settleMs: 0 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.request('/api/figure')));
    expect(computed()).toBe(1);
    expect(new Set(await Promise.all(answers.map((r) => r.text()))).size).toBe(1);
  });

  it('keeps nothing computed just after the checkpoint moved, and never keeps an error', async () => {
    const { app, computed } = appWith({ value: 'a' }, { settleMs: 60_000 });
    await app.request('/api/figure');
    await app.request('/api/figure');
    expect(computed()).toBe(2);
    const { app: other } = appWith({ value: 'a' }, { settleMs: 0 });
    expect((await other.request('/api/broken')).status).toBe(500);
    expect((await other.request('/api/broken')).headers.get('x-cache')).toBeNull();
    expect((await other.request('/api/missing')).status).toBe(404);
    expect((await other.request('/api/missing')).headers.get('x-cache')).toBe('hit');
  });

  it('keeps no answer longer than its maximum age, even while the checkpoint stands still', async () => {
    const { app, computed } = appWith({ value: 'a' }, { settleMs: 0, maxAgeMs: 30 });
    await app.request('/api/figure');
    await app.request('/api/figure');
    expect(computed()).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    await app.request('/api/figure');
    expect(computed()).toBe(2);
  });
});
