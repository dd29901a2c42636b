import { describe, expect, it, vi } from 'vitest';
import { createPageCache, sharedWithin, type RenderedPage } from './page-cache';

const page = (body: string, status = 200): RenderedPage => ({
  status,
  headers: [['content-type', 'text/html; charset=utf-8']],
  body,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function cache(options: Partial<Parameters<typeof createPageCache>[0]> = {}) {
  return createPageCache({ maxBytes: 1_000_000, maxAgeMs: 30_000, storable: (p) => p.status === 200, ...options });
}

describe('page cache', () => {
  it('renders a page once per indexer state and serves that render to everyone until the state changes', async () => {
    const c = cache();
    const render = vi.fn(async () => page(`render ${render.mock.calls.length}`));
    expect(await c.serve('/pools', '31337:10', render)).toEqual({ page: page('render 1'), outcome: 'miss' });
    expect(await c.serve('/pools', '31337:10', render)).toEqual({ page: page('render 1'), outcome: 'hit' });
    expect(await c.serve('/pools', '31337:11', render)).toEqual({ page: page('render 2'), outcome: 'miss' });
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('keeps pages apart by key', async () => {
    const c = cache();
    await c.serve('/pools theme=dark', 'h', async () => page('dark'));
    await c.serve('/pools theme=light', 'h', async () => page('light'));
    expect((await c.serve('/pools theme=dark', 'h', async () => page('x'))).page.body).toBe('dark');
    expect((await c.serve('/pools theme=light', 'h', async () => page('x'))).page.body).toBe('light');
  });

  it('renders once for many visitors asking at the same time', async () => {
    const c = cache();
    const gate = deferred<RenderedPage>();
    const render = vi.fn(() => gate.promise);
    const answers = Array.from({ length: 20 }, () => c.serve('/', 'h1', render));
    gate.resolve(page('home'));
    const served = await Promise.all(answers);
    expect(render).toHaveBeenCalledTimes(1);
    expect(served.every((s) => s.page.body === 'home' && s.outcome === 'miss')).toBe(true);
  });

  it('serves the previous state’s page while another visitor’s request renders the new one', async () => {
    const c = cache();
    await c.serve('/', 'h1', async () => page('block 1'));
    const gate = deferred<RenderedPage>();
    const renderer = c.serve('/', 'h2', () => gate.promise);
    expect(await c.serve('/', 'h2', async () => page('never'))).toEqual({ page: page('block 1'), outcome: 'stale' });
    gate.resolve(page('block 2'));
    expect(await renderer).toEqual({ page: page('block 2'), outcome: 'miss' });
    expect((await c.serve('/', 'h2', async () => page('never'))).outcome).toBe('hit');
  });

  it('never keeps an error or a page that says its figures are unavailable, and shares it only with its own wave', async () => {
    const c = cache({ storable: (p) => p.status === 200 && !p.body.includes('unavailable') });
    const render = vi.fn(async () => page('figures unavailable'));
    await c.serve('/', 'h', render);
    await c.serve('/', 'h', render);
    await c.serve('/pools/0x1', 'h', async () => page('not found', 404));
    expect(render).toHaveBeenCalledTimes(2);
    expect(c.size().pages).toBe(0);
  });

  it('does not serve a page past its age, however quiet the chain', async () => {
    let now = 0;
    const c = cache({ maxAgeMs: 30_000, now: () => now });
    const render = vi.fn(async () => page(`at ${now}`));
    await c.serve('/', 'h', render);
    now = 30_000;
    expect((await c.serve('/', 'h', render)).outcome).toBe('hit');
    now = 30_001;
    expect(await c.serve('/', 'h', render)).toEqual({ page: page('at 30001'), outcome: 'miss' });
  });

  it('a page past its age is not served stale either: its next visitor waits for the new render', async () => {
    let now = 0;
    const c = cache({ maxAgeMs: 1_000, now: () => now });
    await c.serve('/', 'h1', async () => page('old'));
    now = 5_000;
    const gate = deferred<RenderedPage>();
    const first = c.serve('/', 'h2', () => gate.promise);
    const second = c.serve('/', 'h2', async () => page('never'));
    gate.resolve(page('new'));
    expect((await second).page.body).toBe('new');
    expect((await first).page.body).toBe('new');
  });

  it('holds at most maxBytes of pages, dropping the least recently used first', async () => {
    const c = cache({ maxBytes: 2 * 3 * 110 });
    const body = 'x'.repeat(100);
    await c.serve('/a', 'h', async () => page(body));
    await c.serve('/b', 'h', async () => page(body));
    await c.serve('/c', 'h', async () => page(body));
    await c.serve('/a', 'h', async () => page('re-rendered')); // a hit: /a is now the most recently used
    await c.serve('/d', 'h', async () => page(body));
    expect(c.size().pages).toBe(3);
    expect((await c.serve('/b', 'h', async () => page('b again'))).outcome).toBe('miss');
    expect((await c.serve('/a', 'h', async () => page('never'))).page.body).toBe(body);
  });

  it('a render that fails fails for its wave only: the next request renders again', async () => {
    const c = cache();
    await expect(c.serve('/', 'h', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect((await c.serve('/', 'h', async () => page('ok'))).page.body).toBe('ok');
  });
});

describe('sharedWithin', () => {
  it('shares one read among the callers of its window, and starts another after it', async () => {
    let now = 0;
    let n = 0;
    const read = vi.fn(async () => ++n);
    const current = sharedWithin(read, 50, () => now);
    expect(await Promise.all([current(), current()])).toEqual([1, 1]);
    now = 50;
    expect(await current()).toBe(1);
    now = 51;
    expect(await current()).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a caller that arrives while a read runs joins it', async () => {
    const gate = deferred<number>();
    const read = vi.fn(() => gate.promise);
    const current = sharedWithin(read, 50, () => 0);
    const a = current();
    const b = current();
    gate.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a failed read fails its callers only: the next caller reads again', async () => {
    let n = 0;
    const current = sharedWithin(
      async () => {
        n++;
        if (n === 1) throw new Error('indexer down');
        return n;
      },
      1_000,
      () => 0,
    );
    await expect(current()).rejects.toThrow('indexer down');
    await vi.waitFor(async () => expect(await current()).toBe(2));
  });
});
