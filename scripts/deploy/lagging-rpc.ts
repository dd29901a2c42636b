/**
 * For the deploy's tests: an RPC endpoint in front of anvil that answers like a load-balanced provider whose node
 * is a block behind, by rewriting the deployer's pending transaction count. Everything else passes through.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type CountRewrite = (count: number) => number;

export async function startLaggingRpc(upstream: string, pendingCount: CountRewrite) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request = JSON.parse(body) as { method: string; params?: unknown[] };
      const answer = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const reply = (await answer.json()) as { result?: unknown };
      if (request.method === 'eth_getTransactionCount' && request.params?.[1] === 'pending') {
        reply.result = `0x${pendingCount(Number(reply.result)).toString(16)}`;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
