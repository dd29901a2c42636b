import { NextResponse } from 'next/server';
import { createPublicClient, http } from 'viem';
import { serverEnv } from '@/lib/config/server-env';
import { healthReport, type BlockReading } from '@/lib/health/health-report';
import { getFromIndexer, readIndexer } from '@/lib/indexer/client';
import { indexerStatusSchema } from '@/lib/indexer/wire';

export const dynamic = 'force-dynamic';

/** The chain's head from the app's RPC, on the chain the app is configured for. */
async function readChain(rpcUrl: string, chainId: number): Promise<BlockReading> {
  const client = createPublicClient({ transport: http(rpcUrl, { timeout: 3_000, retryCount: 0 }) });
  try {
    const [id, head] = await Promise.all([client.getChainId(), client.getBlock()]);
    if (id !== chainId) return { ok: false, error: `the RPC serves chain ${id}, not ${chainId}` };
    return { ok: true, block: head.number, timestamp: Number(head.timestamp) };
  } catch {
    return { ok: false, error: 'the RPC does not answer' };
  }
}

/** The indexer's head on each chain it serves, read once for every chain of the report. */
async function readIndexerHeads(): Promise<(chainId: number) => BlockReading> {
  const status = await readIndexer(() => getFromIndexer('/status', indexerStatusSchema));
  return (chainId) => {
    if (!status.ok) return { ok: false, error: status.error };
    const chain = Object.values(status.data ?? {}).find((c) => c.id === chainId);
    if (!chain) return { ok: false, error: `the indexer does not index chain ${chainId}` };
    return { ok: true, block: BigInt(chain.block.number), timestamp: chain.block.timestamp };
  };
}

/**
 * For uptime checks and deploys: 200 when every served chain's RPC answers and the indexer is within a few
 * minutes of each chain's head, 503 otherwise; the body says which side is the matter, and the lag. The top
 * level is the default chain's report (as a single-chain deployment has always answered); `chains` has each.
 */
export async function GET() {
  const env = serverEnv();
  const [indexerHead, rpcs] = await Promise.all([
    readIndexerHeads(),
    Promise.all(env.chains.map(({ id, rpcUrl }) => readChain(rpcUrl, id))),
  ]);
  const chains = env.chains.map(({ id }, i) => healthReport(id, rpcs[i]!, indexerHead(id)));
  const ok = chains.every((chain) => chain.ok);
  const report = { ...chains[0]!, ok, chains };
  return NextResponse.json(report, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
