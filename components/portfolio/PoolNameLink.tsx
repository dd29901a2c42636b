import Link from 'next/link';
import type { Address } from 'viem';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { ChainBadge } from '@/components/ui/ChainBadge';
import { poolHref } from '@/lib/chain/chain-routes';
import { poolKey, type PoolKey } from '@/lib/chain/pool-key';
import type { PoolLabel } from '@/lib/indexer/accounts';

/**
 * A pool an account's row mentions, by name where the indexer knows it, on its chain; for a tranched pool's row,
 * with its tranche, linking to the pool page on that tranche.
 */
export function PoolNameLink({
  chainId,
  pool,
  pools,
  tranche = null,
  className = 'hover:text-accent',
}: {
  chainId: number | undefined;
  pool: Address;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  tranche?: 'senior' | 'junior' | null;
  className?: string;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <Link href={poolHref(chainId, pool, tranche ? { tranche } : undefined)} className={className}>
        {pools.get(poolKey(chainId, pool))?.name ?? <AddressLabel address={pool} />}
        {tranche ? ` · ${tranche === 'senior' ? 'Senior' : 'Junior'}` : null}
      </Link>
      <ChainBadge chainId={chainId} />
    </span>
  );
}
