import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { PoolActions } from '@/components/pools/PoolActions';
import { PoolActivityList } from '@/components/pools/PoolActivityList';
import { PoolAssetTable } from '@/components/pools/PoolAssetTable';
import { PoolCharts, type PoolChartData } from '@/components/pools/PoolCharts';
import { PoolDelayedActions } from '@/components/pools/PoolDelayedActions';
import { PoolRiskDisclosures } from '@/components/pools/PoolRiskDisclosures';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { Card, CardTitle } from '@/components/ui/Card';
import { FeedLinks, feedAlternates } from '@/components/ui/FeedLinks';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { Stat } from '@/components/ui/Stat';
import { foundry } from 'viem/chains';
import { chainName } from '@/lib/chain/app-chain';
import { poolHref, projectHref } from '@/lib/chain/chain-routes';
import { parseChartInterval, type ChartInterval } from '@/lib/charts/chart-interval';
import { parseChartRange, type ChartRange } from '@/lib/charts/chart-range';
import { servedChain } from '@/lib/config/server-env';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { readIndexer } from '@/lib/indexer/client';
import { getPool, getPoolActivity, getPoolAssets, getPoolDelayedActions, getPoolSeries } from '@/lib/indexer/pools';
import type { PoolSeriesMetric } from '@/lib/indexer/wire';
import { loadPoolMetadata } from '@/lib/pools/pool-metadata';
import { sharePrice } from '@/lib/pools/share-price';
import { ChainBadge } from '@/components/ui/ChainBadge';
import { TranchedPoolView } from '@/components/tranches/TranchedPoolView';
import { getTranchedPool } from '@/lib/indexer/tranches';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { address } = await params;
  const chain = servedChain((await searchParams).chain);
  if (!chain) return { title: 'Pool' };
  const read = await readIndexer(() => getPool(chain.id, address));
  const pool = read.ok ? read.data : null;
  if (!pool) return tranchedPoolMetadata(chain.id, address);
  const description =
    `${pool.name}: ${formatUsdc(pool.totalAssets)} financing ${pool.category === 'compute' ? 'AI compute' : 'robot fleets'}, ` +
    `30-day real yield ${formatPercent(pool.yield30d)} (net revenue ÷ time-weighted principal), ${pool.depositors} investors.`;
  return {
    title: pool.name,
    description,
    openGraph: {
      title: `${pool.name} · Machine Yield`,
      description,
      type: 'website',
      url: poolHref(chain.id, pool.address),
    },
    twitter: { card: 'summary', title: pool.name, description },
    alternates: feedAlternates(poolHref(chain.id, pool.address), `${pool.name} notices`),
  };
}

async function tranchedPoolMetadata(chainId: number, address: string): Promise<Metadata> {
  const read = await readIndexer(() => getTranchedPool(chainId, address));
  const pool = read.ok ? read.data?.pool : null;
  if (!pool) return { title: 'Pool' };
  const description =
    `${pool.name}: ${formatUsdc(pool.totalValue)} in two tranches financing ${pool.category === 'compute' ? 'AI compute' : 'robot fleets'}. ` +
    `Senior ${formatUsdc(pool.senior.value)} at a ${formatPercent(pool.seniorRateBps / 10_000)} target, junior ${formatUsdc(pool.junior.value)} ` +
    `(30-day yield ${formatPercent(pool.junior.yield30d)}), taking the first loss.`;
  return {
    title: pool.name,
    description,
    openGraph: {
      title: `${pool.name} · Machine Yield`,
      description,
      type: 'website',
      url: poolHref(chainId, pool.address),
    },
    twitter: { card: 'summary', title: pool.name, description },
  };
}

/** A pool with senior and junior tranches: the pool, its waterfall, its losses and the machines it finances. */
async function loadTranchedPoolPage(chainId: number, address: string) {
  const detail = await getTranchedPool(chainId, address);
  if (!detail) return null;
  return { ...detail, assets: await getPoolAssets(chainId, detail.pool.address) };
}

/**
 * Everything the pool page shows, null when no pool lives at the address. The charts and the scheduled
 * changes are read on their own: if only they fail, the page still shows the pool and says so in their place.
 */
async function loadPoolPage(chainId: number, address: string, interval: ChartInterval, range: ChartRange) {
  const pool = await getPool(chainId, address);
  if (!pool) return null;
  const series = <M extends PoolSeriesMetric>(metric: M) =>
    readIndexer(() => getPoolSeries(chainId, pool.address, metric, interval, range));
  const [activity, assets, metadata, scheduled, revenue, yieldSeries, tvl, utilization] = await Promise.all([
    getPoolActivity(chainId, pool.address),
    getPoolAssets(chainId, pool.address),
    // http to localhost only for a pool on the local chain, never for one on a public chain beside it.
    loadPoolMetadata(pool.metadataUri, pool.metadataHash, { allowLocalHttp: chainId === foundry.id }),
    readIndexer(() => getPoolDelayedActions(chainId, pool.address)),
    series('revenue'),
    series('yield'),
    series('tvl'),
    series('utilization'),
  ]);
  const charts: PoolChartData = { revenue, yield: yieldSeries, tvl, utilization };
  return { pool, activity, assets, metadata, scheduled, charts };
}

export default async function PoolPage({ params, searchParams }: Props) {
  const { address } = await params;
  const query = await searchParams;
  // A chain the app does not serve has no pool, as an address where none was created.
  const served = servedChain(query.chain);
  if (!served) notFound();
  const chain = { id: served.id, name: chainName(served.id) };
  const interval = parseChartInterval(query.interval);
  const range = parseChartRange(query.range, interval);
  const read = await readIndexer(() => loadPoolPage(chain.id, address, interval, range));
  if (!read.ok) {
    // The address is all that is known without the indexer: the page still says which pool it is for.
    return (
      <div className="space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
          <Link href="/pools" className="hover:text-ink">
            Pools
          </Link>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight break-all sm:text-3xl">Pool {address}</h1>
        <IndexerUnavailable detail={read.error} />
      </div>
    );
  }
  if (!read.data) {
    // Not a single-class pool: maybe a pool with senior and junior tranches.
    const tranched = await readIndexer(() => loadTranchedPoolPage(chain.id, address));
    if (!tranched.ok) return <IndexerUnavailable detail={tranched.error} />;
    if (!tranched.data) notFound();
    const side = query.tranche === 'junior' ? 'junior' : 'senior';
    return <TranchedPoolView chain={chain} side={side} {...tranched.data} />;
  }
  const { pool, activity, assets, metadata, scheduled, charts } = read.data;
  const pendingChanges = scheduled.ok ? (scheduled.data?.actions.filter((a) => a.status === 'pending').length ?? 0) : 0;
  // Only what happened: a pool that never lost anything shows no line at all.
  const losses = [
    {
      amount: pool.totalProvisions,
      what: 'provisioned for expected losses on impaired machines (already out of the share price)',
      tone: 'text-negative',
    },
    { amount: pool.writtenDownTotal, what: 'written down', tone: 'text-negative' },
    { amount: pool.recoveredTotal, what: 'recovered after write-downs, as principal', tone: 'text-positive' },
  ].filter((loss) => loss.amount > 0n);
  const utilisedCap = pool.depositCap > 0n ? Number((pool.totalAssets * 10_000n) / pool.depositCap) / 10_000 : null;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/pools" className="hover:text-ink">
          Pools
        </Link>{' '}
        / <span className="text-ink">{pool.symbol}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={pool.category} />
          <PoolStatusBadge status={pool.status} />
          <ChainBadge chainId={chain.id} />
          {pool.permissioned ? (
            <span className="rounded-full border border-line px-2 py-0.5 text-xs font-medium text-ink-muted">
              Approved investors only
            </span>
          ) : null}
          <span className="text-xs text-ink-faint">
            Pool <AddressLabel address={pool.address} />
          </span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{pool.name}</h1>
        {pool.projectName ? (
          <p className="text-sm text-ink-muted">
            Operated by{' '}
            <Link href={projectHref(chain.id, pool.projectId)} className="font-medium text-ink hover:text-accent">
              {pool.projectName}
            </Link>
          </p>
        ) : null}
      </header>

      <Card>
        <dl className="grid grid-cols-1 gap-5 min-[400px]:grid-cols-2 md:grid-cols-4">
          <Stat
            label="Total value locked"
            value={formatUsdc(pool.totalAssets)}
            hint={`${formatPercent(utilisedCap)} of the ${formatUsdc(pool.depositCap, { compact: true })} cap`}
          />
          <Stat
            label="Real yield, 30 days"
            value={formatPercent(pool.yield30d)}
            hint={`7 days ${formatPercent(pool.yield7d)} · since start ${formatPercent(pool.yieldSinceInception)}`}
          />
          <Stat
            label="Revenue distributed"
            value={formatUsdc(pool.revenueNet)}
            hint={`${formatUsdc(pool.revenueClaimed, { compact: true })} claimed in cash by holders`}
          />
          <Stat
            label="Share price"
            value={formatUsdc(sharePrice(pool.totalAssets, pool.totalSupply))}
            hint={
              pool.totalProvisions > 0n
                ? `per ${pool.symbol} · after ${formatUsdc(pool.totalProvisions, { compact: true })} of expected losses`
                : `per ${pool.symbol}`
            }
          />
          <Stat
            label="Deployed in machines"
            value={formatUsdc(pool.outstandingPrincipal)}
            hint={`${formatUsdc(pool.idle, { compact: true })} idle cash`}
          />
          <Stat
            label="Utilization, 30 days"
            value={formatPercent(pool.utilization30d)}
            hint="average of machine reports"
          />
          <Stat label="Depositors" value={pool.depositors} hint="accounts holding shares" />
          <Stat label="Opened" value={<LocalDateTime seconds={pool.createdAt} dateOnly />} />
        </dl>
        {losses.length > 0 ? (
          <p className="mt-5 border-t border-line pt-4 text-sm text-ink-muted" data-testid="pool-losses">
            <span className="font-medium text-ink">Losses:</span>{' '}
            {losses.map((loss, i) => (
              <span key={loss.what}>
                {i > 0 ? ' · ' : null}
                <span className={loss.tone}>{formatUsdc(loss.amount)}</span> {loss.what}
              </span>
            ))}
          </p>
        ) : null}
        {pendingChanges > 0 ? (
          <p className="mt-4 rounded-lg border border-robotics/40 bg-robotics/10 px-3 py-2 text-sm" role="note">
            {pendingChanges === 1 ? 'A change to this pool is' : `${pendingChanges} changes to this pool are`}{' '}
            scheduled.{' '}
            <a href="#scheduled-changes" className="font-medium text-accent hover:underline">
              See what and when
            </a>
          </p>
        ) : null}
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {/* First in the document as on a phone's screen, beside the figures from lg up: a page painted while it is
            still arriving never has the panel pushed in above what is already shown. */}
        <aside className="lg:sticky lg:top-24 lg:order-last lg:self-start">
          <Card>
            <h2 className="sr-only">Invest</h2>
            <PoolActions
              pool={pool.address}
              usdc={pool.asset}
              chainId={chain.id}
              chainName={chain.name}
              poolSymbol={pool.symbol}
              closed={pool.status === 'closed'}
              minDeposit={pool.minDeposit}
              totalAssets={pool.totalAssets}
              totalSupply={pool.totalSupply}
            />
          </Card>
        </aside>
        <div className="min-w-0 space-y-6">
          <PoolCharts chainId={chain.id} pool={pool.address} interval={interval} range={range} data={charts} />
          <Card>
            <CardTitle>Machines financed</CardTitle>
            <div className="mt-3">
              <PoolAssetTable assets={assets} />
            </div>
          </Card>
          <Card>
            <div id="scheduled-changes" className="scroll-mt-24">
              <CardTitle>Scheduled changes</CardTitle>
            </div>
            <div className="mt-3">
              {!scheduled.ok ? (
                <p className="text-sm text-negative">Scheduled changes could not be loaded: {scheduled.error}</p>
              ) : scheduled.data ? (
                <PoolDelayedActions data={scheduled.data} />
              ) : (
                <p className="text-sm text-ink-muted">This indexer does not record scheduled changes yet.</p>
              )}
            </div>
          </Card>
          <Card>
            <CardTitle>About this pool and its risks</CardTitle>
            <div className="mt-3">
              <PoolRiskDisclosures loaded={metadata} />
            </div>
          </Card>
          <Card>
            <CardTitle>Recent activity</CardTitle>
            <div className="mt-2">
              <PoolActivityList activity={activity} />
            </div>
            <div className="mt-3 border-t border-line pt-3">
              <FeedLinks
                pagePath={poolHref(chain.id, pool.address)}
                subject="this pool’s revenue, losses and changes"
              />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
