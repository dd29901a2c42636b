import { expect, test } from './fixtures';

test('/api/health reports the chain head, the indexer’s block and the lag between them', async ({ request, stack }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const body = await res.json();
  const head = await stack.chain.getBlockNumber();
  expect(body).toMatchObject({ ok: true, chainId: stack.chainId, rpc: { ok: true }, indexer: { ok: true } });
  // Read after the answer: the chain can only have moved on, and the indexer is never ahead of it.
  expect(BigInt(body.rpc.block)).toBeLessThanOrEqual(head);
  expect(BigInt(body.indexer.block)).toBeLessThanOrEqual(BigInt(body.rpc.block));
  expect(BigInt(body.lag.blocks)).toBe(BigInt(body.rpc.block) - BigInt(body.indexer.block));
  expect(body.lag.seconds).toBeGreaterThanOrEqual(0);
});
