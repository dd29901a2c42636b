/**
 * What `/api/health` says about a deployment: whether the chain's RPC answers, the block the indexer has
 * reached, and how far it lags behind the chain. Pure, so every combination of answers is unit-tested; the
 * route does the reading.
 */

/** One side's answer: its latest block, or why it could not give one. */
export type BlockReading = { ok: true; block: bigint; timestamp: number } | { ok: false; error: string };

export type HealthReport = {
  ok: boolean;
  chainId: number;
  rpc: { ok: boolean; block?: string; timestamp?: number; error?: string };
  indexer: { ok: boolean; block?: string; timestamp?: number; error?: string };
  /** Blocks and seconds the indexer is behind the chain's head; null when either side did not answer. */
  lag: { blocks: string; seconds: number } | null;
};

/** An indexer further behind than this is reported as not healthy (a stalled or crashed backfill). */
export const MAX_HEALTHY_LAG_SECONDS = 300;

export function healthReport(chainId: number, rpc: BlockReading, indexer: BlockReading): HealthReport {
  const side = (r: BlockReading) =>
    r.ok ? { ok: true, block: r.block.toString(), timestamp: r.timestamp } : { ok: false, error: r.error };
  // The indexer may be a block ahead of the RPC node the app asks (another node of the same chain): no lag.
  const lag =
    rpc.ok && indexer.ok
      ? {
          blocks: (rpc.block > indexer.block ? rpc.block - indexer.block : 0n).toString(),
          seconds: Math.max(0, rpc.timestamp - indexer.timestamp),
        }
      : null;
  return {
    ok: lag !== null && lag.seconds <= MAX_HEALTHY_LAG_SECONDS,
    chainId,
    rpc: side(rpc),
    indexer: side(indexer),
    lag,
  };
}
