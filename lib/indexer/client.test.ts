import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));
const { getFromIndexer, readIndexer } = await import('./client');

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A port on this machine that nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const anything = z.unknown();

describe('readIndexer over getFromIndexer', () => {
  it('turns an indexer that refuses connections into a reason that does not name its address', async () => {
    const port = await closedPort();
    vi.stubEnv('INDEXER_URL', `http://127.0.0.1:${port}`);
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = await readIndexer(() => getFromIndexer('/api/pools', anything));
    expect(read).toEqual({ ok: false, error: 'The indexer is not reachable.' });
    // The address goes to the server's log, where an operator needs it.
    expect(log.mock.calls[0]?.[0]).toContain(`http://127.0.0.1:${port}/api/pools`);
    expect(log.mock.calls[0]?.[0]).toContain('ECONNREFUSED');
  });

  it('says how long it waited when the indexer did not answer in time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')));
    expect(await readIndexer(() => getFromIndexer('/api/pools', anything))).toEqual({
      ok: false,
      error: 'The indexer did not answer within 8 s.',
    });
  });

  it('cuts a body that stalls after the headers with the same limit', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stalled = new Response('{}');
    vi.spyOn(stalled, 'json').mockRejectedValue(new DOMException('The operation timed out.', 'TimeoutError'));
    vi.stubGlobal('fetch', () => Promise.resolve(stalled));
    expect(await readIndexer(() => getFromIndexer('/api/pools', anything))).toEqual({
      ok: false,
      error: 'The indexer did not answer within 8 s.',
    });
  });

  it('gives every read a deadline and joins a URL pasted with a trailing slash', async () => {
    vi.stubEnv('INDEXER_URL', 'https://indexer.example.org/');
    const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(Response.json({ ok: 1 })),
    );
    vi.stubGlobal('fetch', fetch);
    expect(await getFromIndexer('/api/protocol', z.object({ ok: z.number() }))).toEqual({ ok: 1 });
    expect(fetch.mock.calls[0]?.[0]).toBe('https://indexer.example.org/api/protocol?chainId=31337');
    expect(fetch.mock.calls[0]?.[1].signal).toBeInstanceOf(AbortSignal);
  });

  it("names the app's chain on every read of the API, so an indexer of several chains answers for it alone", async () => {
    vi.stubEnv('INDEXER_URL', 'https://indexer.example.org');
    vi.stubEnv('CHAIN_ID', '84532');
    const fetch = vi.fn<(url: string) => Promise<Response>>(() => Promise.resolve(Response.json({ ok: 1 })));
    vi.stubGlobal('fetch', fetch);
    const ok = z.object({ ok: z.number() });
    await getFromIndexer('/api/pools?status=active&limit=5', ok);
    await getFromIndexer('/api/assets/3/series?interval=week&days=90', ok);
    await getFromIndexer('/status', ok);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'https://indexer.example.org/api/pools?status=active&limit=5&chainId=84532',
      'https://indexer.example.org/api/assets/3/series?interval=week&days=90&chainId=84532',
      // Ponder's own status lists every chain by id: the app picks its own from it.
      'https://indexer.example.org/status',
    ]);
  });

  it('reads a 404 as nothing there, not as an indexer that is down', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'not found' }, { status: 404 })));
    expect(await readIndexer(() => getFromIndexer('/api/pools/0x0', anything))).toEqual({ ok: true, data: null });
  });
});
