import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, rpcOrigin } from './connection';
import type { CommonFlags } from './flags';

const KEY = 'k3y-0f-the-provider';
const FROM = '0x4444444444444444444444444444444444444444';
let server: http.Server;
let base: string;

/** A JSON-RPC endpoint on chain 1 that says nothing else. */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { id } = JSON.parse(body) as { id: number };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id, result: '0x1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function refusal(flags: Partial<CommonFlags>, env: Record<string, string> = {}) {
  const io = { env, cwd: process.cwd(), log: () => {}, error: () => {} };
  try {
    await connect({ dryRun: true, from: FROM, ...flags }, io);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('connect did not refuse');
}

describe('the RPC in messages', () => {
  it('is its origin only: no path, query or credentials, where providers put the key', async () => {
    expect(rpcOrigin(`https://user:${KEY}@base-mainnet.example.com/v2/${KEY}?apikey=${KEY}`)).toBe(
      'https://base-mainnet.example.com',
    );
    const mismatch = await refusal({ rpcUrl: `${base}/v2/${KEY}?apikey=${KEY}`, chain: 8453 });
    expect(mismatch).toBe(`--chain 8453 but the RPC ${base} is on chain 1`);
    const silent = await refusal({}, { RPC_URL: `http://127.0.0.1:9/v2/${KEY}` });
    expect(silent).toMatch(/^the RPC http:\/\/127\.0\.0\.1:9 does not answer: /);
    expect(silent).not.toContain(KEY);
  });

  it('is not echoed when it is not an http(s) URL', async () => {
    expect(await refusal({}, { RPC_URL: `base-mainnet.example.com/v2/${KEY}` })).toBe('RPC_URL is not an http(s) URL');
    expect(await refusal({ rpcUrl: `wss://example.com/${KEY}` })).toBe('--rpc-url is not an http(s) URL');
  });
});
