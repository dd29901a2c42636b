import Link from 'next/link';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { Stat } from '@/components/ui/Stat';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { readIndexer } from '@/lib/indexer/client';
import { listPools } from '@/lib/indexer/pools';
import { getProtocolRevenueSeries, getProtocolTotals } from '@/lib/indexer/protocol';
import { TimeSeriesChart } from '@/components/charts/TimeSeriesChart';
import { Card, CardTitle } from '@/components/ui/Card';
import { toChartPoints } from '@/lib/charts/chart-points';
import { poolHref } from '@/lib/chain/chain-routes';
import { poolKey } from '@/lib/chain/pool-key';
import { ChainBadge } from '@/components/ui/ChainBadge';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const home = await readIndexer(async () => {
    const [totals, pools, revenue] = await Promise.all([
      getProtocolTotals(),
      listPools({ sort: 'yield', order: 'desc', status: 'active' }, 3),
      getProtocolRevenueSeries(),
    ]);
    return { totals, featured: pools.pools, revenue };
  });

  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4 pt-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-5xl">
          Real yield from the machines of the AI economy
        </h1>
        <p className="text-lg text-ink-muted">
          Finance GPU clusters and robot fleets. Each machine group is a token on chain, its net revenue arrives in
          USDC, and every dollar can be traced back to a transaction.
        </p>
        <Link href="/pools" className="inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-accent-ink">
          Browse pools
        </Link>
      </section>

      {!home.ok ? (
        <IndexerUnavailable detail={home.error} />
      ) : (
        <>
          <Card>
            <dl className="grid grid-cols-2 gap-6 md:grid-cols-3 lg:grid-cols-6" aria-label="Protocol totals">
              <Stat
                label="Total value locked"
                value={formatUsdc(home.data.totals.tvl, { compact: true })}
                hint="principal in all pools"
              />
              <Stat
                label="Revenue distributed"
                value={formatUsdc(home.data.totals.revenueNet, { compact: true })}
                hint="net, to date"
              />
              <Stat
                label="Last 30 days"
                value={formatUsdc(home.data.totals.revenueNet30d, { compact: true })}
                hint="net revenue"
              />
              <Stat
                label="Real yield"
                value={formatPercent(home.data.totals.realYield30d)}
                hint="trailing 30 days, annualised"
              />
              <Stat
                label="Machines financed"
                value={home.data.totals.unitsFinanced.toLocaleString('en-US')}
                hint={`in ${home.data.totals.machinesFinanced} groups`}
              />
              <Stat label="Investors" value={home.data.totals.investors} hint="holding pool or tranche shares" />
            </dl>
          </Card>

          <Card className="space-y-3">
            <CardTitle>Revenue paid to investors</CardTitle>
            <p className="text-xs text-ink-faint">
              Net revenue distributed by every pool per week, last 180 days, after the protocol fee; gross as a line.
            </p>
            <TimeSeriesChart
              title="Protocol net revenue per week"
              points={toChartPoints(home.data.revenue, { net: (p) => p.revenueNet, gross: (p) => p.revenueGross })}
              series={[
                { key: 'net', label: 'Net to investors', tone: 'accent' },
                { key: 'gross', label: 'Gross reported', tone: 'ink-muted', kind: 'line' },
              ]}
              unit="usdc"
              interval="week"
              kind="bar"
              emptyText="No revenue distributed yet."
            />
          </Card>

          <section className="space-y-4" aria-labelledby="featured">
            <h2 id="featured" className="text-lg font-semibold">
              Highest real yield this month
            </h2>
            <ul className="grid gap-4 md:grid-cols-3">
              {home.data.featured.map((pool) => (
                <li
                  key={poolKey(pool.chainId, pool.address)}
                  className="relative rounded-xl border border-line bg-surface-raised p-5 hover:border-accent"
                >
                  <div className="flex flex-wrap gap-2">
                    <CategoryBadge category={pool.category} />
                    <ChainBadge chainId={pool.chainId} />
                  </div>
                  <Link
                    href={poolHref(pool.chainId, pool.address)}
                    className="mt-2 block font-medium after:absolute after:inset-0"
                  >
                    {pool.name}
                  </Link>
                  <p className="text-xs text-ink-faint">{pool.projectName}</p>
                  <dl className="mt-4 grid grid-cols-2 gap-2 text-sm">
                    <div>
                      <dt className="text-xs text-ink-faint">30-day real yield</dt>
                      <dd className="text-lg font-semibold tabular-nums">{formatPercent(pool.yield30d)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-ink-faint">TVL</dt>
                      <dd className="text-lg font-semibold tabular-nums">
                        {formatUsdc(pool.totalAssets, { compact: true })}
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </section>

          <section className="grid gap-6 md:grid-cols-3" aria-label="Where the yield comes from">
            {[
              [
                'Machines earn',
                'GPU clusters sell compute by the hour; robot fleets are rented out by the month. Each pool finances the machines of one operator.',
              ],
              [
                'Revenue arrives on chain',
                'Each machine’s net operating revenue is paid into its pool in USDC, per period, with the protocol fee taken. Utilization is reported beside it.',
              ],
              [
                'You claim cash',
                'Revenue is released to shareholders pro rata over a week and claimed in USDC. Principal comes back as the machines amortise; exits beyond idle cash queue first-in, first-out.',
              ],
            ].map(([title, text]) => (
              <div key={title}>
                <h3 className="font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-ink-muted">{text}</p>
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
