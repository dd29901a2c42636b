import type { Metadata } from 'next';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { PoolFilters } from '@/components/pools/PoolFilters';
import { PoolPager } from '@/components/pools/PoolPager';
import { PoolTable } from '@/components/pools/PoolTable';
import { chainName } from '@/lib/chain/app-chain';
import { serverEnv } from '@/lib/config/server-env';
import { readIndexer } from '@/lib/indexer/client';
import { listPools } from '@/lib/indexer/pools';
import { parsePoolListParams, poolListQueryString } from '@/lib/pools/pool-list-params';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Pools',
  description: 'Financing pools for GPU clusters and robot fleets: real yield, utilization, depositors.',
};

export const dynamic = 'force-dynamic';

export default async function PoolsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parsePoolListParams(await searchParams);
  // Control characters (a NUL byte) are no part of any pool's name, and the indexer refuses them: the search
  // is for the rest of what was typed.
  const chains = serverEnv().chains.map(({ id }) => ({ id, name: chainName(id) }));
  const params = {
    ...parsed,
    q: parsed.q?.replace(/\p{Cc}/gu, '').trim() || undefined,
    // A chain the app does not serve filters nothing: the list shows every served chain's pools.
    chain: chains.some((c) => c.id === parsed.chain) ? parsed.chain : undefined,
  };
  const pools = await readIndexer(() => listPools(params));
  const filtered = Boolean(params.category || params.status || params.q || params.chain);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Financing pools</h1>
        <p className="mt-2 max-w-2xl text-ink-muted">
          Each pool finances one round of machines for an operator: GPU clusters that sell compute by the hour, robot
          fleets rented out by the month. Deposit USDC, receive pool shares, and claim the machines’ net revenue in
          cash.
        </p>
      </div>
      <PoolFilters params={params} chains={chains} />
      {!pools.ok ? (
        <IndexerUnavailable detail={pools.error} />
      ) : pools.data.pools.length > 0 ? (
        <>
          <PoolTable pools={pools.data.pools} params={params} />
          <PoolPager params={params} shown={pools.data.pools.length} total={pools.data.total} />
          <p className="text-xs text-ink-faint">
            Real yield: net revenue distributed to the pool in the last 30 days × 365 ÷ the pool’s principal-days over
            those days (principal: idle cash plus capital deployed, net of write-downs). Utilization: the machines’
            reported utilization, averaged over 30 days.
          </p>
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-line p-10 text-center text-ink-muted">
          {pools.data.total > 0 ? (
            <>
              This page is past the last of {pools.data.total.toLocaleString('en-US')} pools.{' '}
              <Link href={`/pools${poolListQueryString({ ...params, page: 1 })}`} className="font-medium text-accent">
                Back to the first page
              </Link>
            </>
          ) : filtered ? (
            'No pool matches these filters.'
          ) : (
            'No pools are open yet.'
          )}
        </p>
      )}
    </div>
  );
}
