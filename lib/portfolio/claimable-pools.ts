import { chainName } from '@/lib/chain/app-chain';
import type { AccountPosition } from '@/lib/indexer/wire';
import type { Address } from 'viem';

/** The pools of one chain where the portfolio holds shares or is owed yield. */
export type ClaimablePools = { chainId: number; chainName: string; pools: { address: Address; name: string }[] };

/**
 * The pools where a portfolio may be owed yield, by chain: those it holds shares in (revenue keeps streaming
 * to them) and those it has left while still owed. The amounts themselves are read live by the claim card.
 * `servedChain`: the chain of rows from an indexer that serves one chain and leaves it out.
 */
export function claimablePools(positions: readonly AccountPosition[], servedChain: number): ClaimablePools[] {
  const byChain = new Map<number, ClaimablePools>();
  for (const p of positions) {
    if (p.shares === 0n && p.claimableRevenue === 0n) continue;
    const chainId = p.chainId ?? servedChain;
    const group: ClaimablePools = byChain.get(chainId) ?? { chainId, chainName: chainName(chainId), pools: [] };
    group.pools.push({ address: p.pool, name: p.poolName });
    byChain.set(chainId, group);
  }
  return [...byChain.values()].sort((a, b) => a.chainId - b.chainId);
}
