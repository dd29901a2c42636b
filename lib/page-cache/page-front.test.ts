import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  answerFromPageCache,
  offerCachedPages,
  pageCacheInFront,
  type CachedPageRequest,
} from './page-front';

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});

describe('answerFromPageCache', () => {
  let server: Server;
  let origin: string;
  const seen: CachedPageRequest[] = [];

  beforeAll(async () => {
    offerCachedPages(async (request) => {
      seen.push(request);
      if (request.pathname !== '/pools') return null;
      const text = `<p>pools for ${request.headers.get('cookie') ?? 'anyone'}</p>`;
      return {
        status: 200,
        headers: [
          ['content-type', 'text/html; charset=utf-8'],
          ['vary', 'RSC'],
          ['content-security-policy', "script-src 'nonce-abc'"],
        ],
        outcome: 'hit',
        body: (encoding) => (encoding === 'gzip' ? new Uint8Array(gzipSync(text)) : new TextEncoder().encode(text)),
      };
    });
    server = createServer((req, res) => {
      void answerFromPageCache(req, res).then((answered) => {
        if (!answered) res.writeHead(299).end('next'); // stands for Next's handler
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a cached page with its headers, the fixed security headers, and gzip when the client takes it', async () => {
    const res = await fetch(`${origin}/pools?sort=tvl`, {
      headers: { 'accept-encoding': 'gzip', cookie: 'theme=dark' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>pools for theme=dark</p>'); // fetch inflates it
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('RSC, Accept-Encoding');
    expect(res.headers.get('x-page-cache')).toBe('hit');
    expect(res.headers.get('content-security-policy')).toBe("script-src 'nonce-abc'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const request = seen.at(-1)!;
    expect(request.searchParams.get('sort')).toBe('tvl');
    expect(request.headers.get('cookie')).toBe('theme=dark');
  });

  it('sends the plain copy to a client that does not take gzip', async () => {
    const body = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
      get(`${origin}/pools`, { headers: { 'accept-encoding': 'identity' } }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(body.encoding).toBeUndefined();
    expect(body.bytes.toString()).toBe('<p>pools for anyone</p>');
    expect(() => gunzipSync(body.bytes)).toThrow();
  });

  it('leaves to Next whatever the cache does not answer, and anything but a GET', async () => {
    expect((await fetch(`${origin}/portfolio`)).status).toBe(299);
    // A target that starts with `//` is a path of its own, not a host and /pools.
    const doubleSlash = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port: new URL(origin).port, path: '//evil.example/pools' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(doubleSlash).toBe(299);
    expect(seen.at(-1)?.pathname).toBe('//evil.example/pools');
    const before = seen.length;
    expect((await fetch(`${origin}/pools`, { method: 'POST', body: 'x' })).status).toBe(299);
    expect((await fetch(`${origin}/pools`, { method: 'HEAD' })).status).toBe(299);
    expect(seen.length).toBe(before);
    // Behind the front, proxy.ts does not ask the cache a second time.
    expect(pageCacheInFront()).toBe(true);
  });
});
