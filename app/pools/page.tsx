import type { Metadata } from 'next';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { PoolFilters } from '@/components/pools/PoolFilters';
import { PoolPager } from '@/components/pools/PoolPager';
import { PoolTable } from '@/components/pools/PoolTable';
import { chainName } from '@/lib/chain/app-chain';
import { serverEnv } from '@/lib/config/server-env';
import { readIndexer } from '@/lib/indexer/client';
import { listPools } from '@/lib/indexer/pools';
import { listTranchedPools } from '@/lib/indexer/tranches';
import { TranchedPoolTable } from '@/components/tranches/TranchedPoolTable';
import { tranchedPoolsFor } from '@/lib/tranches/tranched-pool-list';
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
  const side = params.tranche === 'senior' || params.tranche === 'junior' ? params.tranche : undefined;
  const [pools, tranched] = await Promise.all([
    // A tranche is a part of a tranched pool: single-class pools have none.
    side ? null : readIndexer(() => listPools(params)),
    params.tranche === 'single' ? null : readIndexer(() => tranchedPoolsFor(params, listTranchedPools)),
  ]);
  const filtered = Boolean(params.category || params.status || params.q || params.chain || params.tranche);

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
      {pools === null ? null : (
        <section aria-label="Single-class pools" className="space-y-4">
          {!pools.ok ? (
            <IndexerUnavailable detail={pools.error} />
          ) : pools.data.pools.length > 0 ? (
            <>
              <PoolTable pools={pools.data.pools} params={params} />
              <PoolPager params={params} shown={pools.data.pools.length} total={pools.data.total} />
              <p className="text-xs text-ink-faint">
                Real yield: net revenue distributed to the pool in the last 30 days × 365 ÷ the pool’s principal-days
                over those days (principal: idle cash plus capital deployed, net of write-downs). Utilization: the
                machines’ reported utilization, averaged over 30 days.
              </p>
            </>
          ) : (
            <p className="rounded-xl border border-dashed border-line p-10 text-center text-ink-muted">
              {pools.data.total > 0 ? (
                <>
                  This page is past the last of {pools.data.total.toLocaleString('en-US')} pools.{' '}
                  <Link
                    href={`/pools${poolListQueryString({ ...params, page: 1 })}`}
                    className="font-medium text-accent"
                  >
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
        </section>
      )}
      {/* Shown when there are tranched pools, or a tranche was asked for; one notice when the indexer is down. */}
      {tranched === null ||
      (tranched.ok && tranched.data.length === 0 && !side) ||
      (!tranched.ok && pools !== null && !pools.ok) ? null : (
        <section aria-labelledby="tranched-heading" className="space-y-3" data-testid="tranched-pools">
          <div>
            <h2 id="tranched-heading" className="text-lg font-semibold">
              {side === 'senior'
                ? 'Senior tranches'
                : side === 'junior'
                  ? 'Junior tranches'
                  : 'Pools with senior and junior tranches'}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-ink-muted">
              {side === 'senior'
                ? 'Paid a target rate first from every distribution, and lose only once junior is worth nothing.'
                : side === 'junior'
                  ? 'Take the first loss, and every dollar of revenue left after the protocol fee and senior’s interest.'
                  : 'Two share classes over the same machines: senior is paid a target rate first and loses last; junior takes the first loss and the rest of the revenue.'}
            </p>
          </div>
          {!tranched.ok ? (
            <IndexerUnavailable detail={tranched.error} />
          ) : tranched.data.length > 0 ? (
            <TranchedPoolTable pools={tranched.data} side={side} />
          ) : (
            <p className="rounded-xl border border-dashed border-line p-6 text-center text-ink-muted">
              {filtered ? 'No tranched pool matches these filters.' : 'No tranched pools are open yet.'}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
