/**
 * Browser side: the block the indexer has reached on `chainId`, through the app's own route (the indexer URL
 * stays server-side).
 */
async function fetchIndexedBlock(chainId: number): Promise<bigint> {
  const res = await fetch(`/api/indexer-status?chain=${chainId}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`indexer status ${res.status}`);
  const body = (await res.json()) as { block: string };
  return BigInt(body.block);
}

/**
 * Resolves true once the indexer has reached `block` of `chainId` (the transaction's chain: each chain has its
 * own block numbers), false if it has not within `timeoutMs`.
 */
export async function waitForIndexedBlock(
  chainId: number,
  block: bigint,
  timeoutMs = 30_000,
  everyMs = 400,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetchIndexedBlock(chainId)) >= block) return true;
    } catch {
      // The indexer may be restarting; keep polling until the deadline.
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}
