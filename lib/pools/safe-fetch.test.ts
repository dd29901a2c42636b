import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { nonPublicReason, safeFetch } = await import('./safe-fetch');

const document = JSON.stringify({ operator: 'Lone Star Inference', risks: ['power'] });

/** A resolver that must not be asked: the URL is refused before any name is looked up. */
const noLookup = async (hostname: string): Promise<string[]> => {
  throw new Error(`looked up ${hostname}`);
};

describe('nonPublicReason', () => {
  it.each([
    '0.0.0.0',
    '10.0.0.1',
    '100.64.0.1',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.2.1',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fec0::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
    '2001:db8::1',
    '2002:a00:1::1',
    '2001::1',
    'localhost',
  ])('refuses %s', (address) => {
    expect(nonPublicReason(address)).not.toBeNull();
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'accepts %s',
    (address) => {
      expect(nonPublicReason(address)).toBeNull();
    },
  );
});

describe('safeFetch refuses before connecting', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', /only https/],
    ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is not a public address/],
    ['http://[::1]/', /only https/],
    ['https://[::1]/', /\[::1\] is not a public address/],
    ['https://10.0.0.1/', /10\.0\.0\.1 is not a public address/],
    ['https://192.168.0.10:8443/x.json', /not a public address/],
    ['https://100.64.1.1/', /not a public address/],
    ['https://[fd00::1]/', /not a public address/],
    ['https://[fe80::1]/', /not a public address/],
    ['https://[::ffff:127.0.0.1]/', /not a public address/],
    ['https://0x7f.1/', /127\.0\.0\.1 is not a public address/],
    ['https://2130706433/', /127\.0\.0\.1 is not a public address/],
    ['https://user:secret@example.com/', /credentials/],
    ['ftp://example.com/x.json', /only https/],
    ['file:///etc/passwd', /only https/],
    ['not a url', /not a valid address/],
  ])('%s', async (url, reason) => {
    const got = await safeFetch(url, { resolve: noLookup });
    expect(got).toEqual({ ok: false, error: expect.stringMatching(reason) });
  });

  it('refuses a name that resolves to a private, loopback or link-local address, or to none', async () => {
    const resolve = async (hostname: string) =>
      ({
        'metadata.internal.test': ['10.1.2.3'],
        'mixed.test': ['93.184.216.34', '169.254.169.254'],
        'v6.test': ['fd00::5'],
        localhost: ['127.0.0.1', '::1'],
      })[hostname] ?? [];
    for (const [url, address] of [
      ['https://metadata.internal.test/pool.json', '10.1.2.3'],
      ['https://mixed.test/pool.json', '169.254.169.254'],
      ['https://v6.test/pool.json', 'fd00::5'],
      ['https://localhost/pool.json', '127.0.0.1'],
      ['https://nothing.test/pool.json', 'no address'],
    ])
      expect(await safeFetch(url!, { resolve })).toEqual({
        ok: false,
        error: expect.stringContaining(`resolves to ${address}, which is not public`),
      });
  });
});

describe('safeFetch against a local server', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url!);
      const path = req.url!;
      const redirect = (to: string, status = 302) => res.writeHead(status, { location: to }).end();
      if (path === '/good') return res.writeHead(200, { 'content-type': 'application/json' }).end(document);
      if (path === '/missing') return res.writeHead(404).end('no');
      if (path === '/big') {
        // 300 kB in 10 kB chunks, no Content-Length: only counting the stream can stop it.
        res.writeHead(200);
        for (let i = 0; i < 30; i++) res.write('x'.repeat(10 * 1024));
        return res.end();
      }
      if (path === '/big-declared') return res.writeHead(200, { 'content-length': String(1024 * 1024) }).end();
      if (path === '/slow') return; // never answers
      if (path === '/to-private') return redirect('http://10.0.0.1/pool.json');
      if (path === '/to-metadata') return redirect('https://169.254.169.254/latest/meta-data/', 301);
      if (path === '/to-internal-name') return redirect('https://internal.test/pool.json', 307);
      if (path === '/to-loopback-name') return redirect('http://evil.test:1/good', 308);
      if (path === '/loop') return redirect('/loop');
      const hop = /^\/hop(\d)$/.exec(path);
      if (hop) return redirect(Number(hop[1]) > 1 ? `/hop${Number(hop[1]) - 1}` : '/good');
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const local = {
    allowLocalHttp: true,
    resolve: async (hostname: string) =>
      ({ localhost: ['127.0.0.1'], 'internal.test': ['192.168.1.20'], 'evil.test': ['127.0.0.1'] })[hostname] ?? [],
  };

  it('fetches a good document over http from 127.0.0.1 or localhost on the local chain', async () => {
    const got = await safeFetch(`${base}/good`, local);
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe(document);
    const byName = await safeFetch(`${base.replace('127.0.0.1', 'localhost')}/good`, local);
    expect(byName.ok && new TextDecoder().decode(byName.bytes)).toBe(document);
  });

  it('refuses the same local server off the local chain', async () => {
    const before = hits.length;
    expect(await safeFetch(`${base}/good`, { resolve: noLookup })).toEqual({
      ok: false,
      error: 'only https addresses are fetched',
    });
    expect(hits.length).toBe(before);
  });

  it('follows up to 3 redirects, checking each, and no more', async () => {
    const got = await safeFetch(`${base}/hop3`, local);
    expect(got).toMatchObject({ ok: true, url: `${base}/good` });
    expect(await safeFetch(`${base}/hop4`, local)).toEqual({ ok: false, error: 'more than 3 redirects' });
    expect(await safeFetch(`${base}/loop`, local)).toEqual({ ok: false, error: 'more than 3 redirects' });
  });

  it('refuses a redirect to a private address, the metadata service, or a name that resolves to one', async () => {
    expect(await safeFetch(`${base}/to-private`, local)).toEqual({
      ok: false,
      error: 'only https addresses are fetched',
    });
    expect(await safeFetch(`${base}/to-metadata`, local)).toEqual({
      ok: false,
      error: '169.254.169.254 is not a public address',
    });
    expect(await safeFetch(`${base}/to-internal-name`, local)).toEqual({
      ok: false,
      error: 'internal.test resolves to 192.168.1.20, which is not public',
    });
    // A name that resolves to loopback is not "localhost": no http, and https to it would be refused too.
    expect(await safeFetch(`${base}/to-loopback-name`, local)).toEqual({
      ok: false,
      error: 'only https addresses are fetched',
    });
  });

  it('refuses a document over the size cap, streamed or declared, and a failed answer', async () => {
    expect(await safeFetch(`${base}/big`, local)).toEqual({ ok: false, error: 'the document is larger than 256 kB' });
    expect(await safeFetch(`${base}/big-declared`, local)).toEqual({
      ok: false,
      error: 'the document is larger than 256 kB',
    });
    expect(await safeFetch(`${base}/big`, { ...local, maxBytes: 400 * 1024 })).toMatchObject({ ok: true });
    expect(await safeFetch(`${base}/missing`, local)).toEqual({ ok: false, error: 'the server answered 404' });
  });

  it('gives up at the deadline', async () => {
    const started = Date.now();
    expect(await safeFetch(`${base}/slow`, { ...local, timeoutMs: 300 })).toEqual({
      ok: false,
      error: 'no answer within 0.3 s',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is what loadPoolMetadata fetches with: the hash is still checked', async () => {
    const { loadPoolMetadata } = await import('./pool-metadata');
    const { keccak256, stringToBytes, zeroHash } = await import('viem');
    const hash = keccak256(stringToBytes(document));
    expect(await loadPoolMetadata(`${base}/good`, hash, local)).toMatchObject({ ok: true, verified: true });
    expect(await loadPoolMetadata(`${base}/good`, zeroHash, local)).toMatchObject({ ok: true, verified: false });
    expect(await loadPoolMetadata(`${base}/good`, hash, { resolve: noLookup })).toEqual({
      ok: false,
      error: 'The document could not be fetched: only https addresses are fetched.',
    });
    expect(await loadPoolMetadata('https://169.254.169.254/latest/meta-data/', hash, { resolve: noLookup })).toEqual({
      ok: false,
      error: 'The document could not be fetched: 169.254.169.254 is not a public address.',
    });
  });
});
