import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_SECURITY_HEADERS } from '../security/content-security-policy';
import { assetPath, staticAssets } from './static-front';

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

describe('static files answered from memory', () => {
  let dist: string;
  let server: Server;
  let origin: string;
  let warm: () => Promise<void>;
  const chunk = `(globalThis.TURBOPACK||[]).push(${JSON.stringify('x'.repeat(20_000))});`;

  const get = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Reply>((resolve, reject) => {
      const req = request(`${origin}${target}`, { method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'static-front-'));
    await mkdir(path.join(dist, 'static/chunks'), { recursive: true });
    await writeFile(path.join(dist, 'static/chunks/abc123.js'), chunk);
    await mkdir(path.join(dist, 'static/media'));
    await writeFile(path.join(dist, 'static/media/inter.woff2'), 'already compressed');
    await writeFile(path.join(dist, 'secret.json'), '{"secret":true}');
    const assets = staticAssets(dist);
    warm = assets.warm;
    server = createServer((req, res) => {
      void assets.answer(req, res).then((answered) => {
        if (!answered) res.writeHead(299).end('next'); // stands for Next's handler
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('answers a chunk gzipped, immutable, with the fixed security headers', async () => {
    const reply = await get('/_next/static/chunks/abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(reply.body).toString()).toBe(chunk);
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(reply.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS))
      expect(reply.headers[name.toLowerCase()]).toBe(value);
  });

  it('answers Brotli once it is ready, and the plain file to a client that takes neither', async () => {
    await warm();
    await expect
      .poll(
        async () =>
          (await get('/_next/static/chunks/abc123.js', { 'accept-encoding': 'br' })).headers['content-encoding'],
      )
      .toBe('br');
    const br = await get('/_next/static/chunks/abc123.js?dpl=1', { 'accept-encoding': 'gzip, br' });
    expect(brotliDecompressSync(br.body).toString()).toBe(chunk);
    const plain = await get('/_next/static/chunks/abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(chunk);
  });

  it('sends fonts as they are: a woff2 is compressed already', async () => {
    const reply = await get('/_next/static/media/inter.woff2', { 'accept-encoding': 'gzip, br' });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers['content-type']).toBe('font/woff2');
    expect(reply.body.toString()).toBe('already compressed');
  });

  it('revalidates by ETag and answers HEAD without a body', async () => {
    const first = await get('/_next/static/chunks/abc123.js');
    const again = await get('/_next/static/chunks/abc123.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get('/_next/static/chunks/abc123.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('leaves to Next what is not a file of the build: other paths, unknown names, escapes, other methods', async () => {
    for (const target of [
      '/_next/static/chunks/missing.js',
      '/_next/static/../secret.json',
      '/_next/static/..%2fsecret.json',
      '/_next/static/chunks/%2e%2e/%2e%2e/secret.json',
      '/_next/static/chunks/abc123.js%00',
      '/_next/data/x.json',
      '/pools',
    ]) {
      expect((await get(target)).status, target).toBe(299);
    }
    expect((await get('/_next/static/chunks/abc123.js', {}, 'POST')).status).toBe(299);
  });

  it('does not remember a miss: a file that appears later is served', async () => {
    expect((await get('/_next/static/chunks/late.js')).status).toBe(299);
    await writeFile(path.join(dist, 'static/chunks/late.js'), 'late()');
    const reply = await get('/_next/static/chunks/late.js');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('late()');
  });
});

describe('assetPath', () => {
  it('decodes a name below /_next/static/ and refuses dot segments, separators and NUL', () => {
    expect(assetPath('chunks/abc.js?dpl=x')).toBe('chunks/abc.js');
    expect(assetPath('media/a%20b.woff2')).toBe('media/a b.woff2');
    expect(assetPath('chunks/../x.js')).toBeNull();
    expect(assetPath('chunks/%2e%2e/x.js')).toBeNull();
    expect(assetPath('chunks%2fx.js')).toBeNull();
    expect(assetPath('chunks%5cx.js')).toBeNull();
    expect(assetPath('x.js%00')).toBeNull();
    expect(assetPath('chunks//x.js')).toBeNull();
    expect(assetPath('%E0%A4%A')).toBeNull();
  });
});
