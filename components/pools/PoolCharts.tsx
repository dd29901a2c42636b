import Link from 'next/link';
import type { Address } from 'viem';
import { ChartIntervalSwitch } from '@/components/charts/ChartIntervalSwitch';
import { TimeSeriesChart } from '@/components/charts/TimeSeriesChart';
import { Card, CardTitle } from '@/components/ui/Card';
import type { ChartInterval } from '@/lib/charts/chart-interval';
import { toChartPoints } from '@/lib/charts/chart-points';
import { CHART_RANGES, runningTotal, type ChartRange } from '@/lib/charts/chart-range';
import type { IndexerRead } from '@/lib/indexer/client';
import type { PoolSeriesPoint } from '@/lib/indexer/wire';
import { poolHref } from '@/lib/chain/chain-routes';

/** A series, or why it could not be read: each chart fails on its own, the page still renders. */
type SeriesResult<T> = IndexerRead<T[]>;

export type PoolChartData = {
  revenue: SeriesResult<PoolSeriesPoint<'revenue'>>;
  yield: SeriesResult<PoolSeriesPoint<'yield'>>;
  tvl: SeriesResult<PoolSeriesPoint<'tvl'>>;
  utilization: SeriesResult<PoolSeriesPoint<'utilization'>>;
};

const NOUN: Record<ChartInterval, string> = { day: 'day', week: 'week', month: 'month' };

/**
 * The pool's five charts, all from the indexer's series: net revenue per period, trailing real yield,
 * principal (TVL, deployed, idle), utilization of its machines, and the cash holders actually took out
 * (claims) beside the revenue distributed to them.
 */
export function PoolCharts({
  chainId,
  pool,
  interval,
  range,
  data,
}: {
  chainId: number;
  pool: Address;
  interval: ChartInterval;
  range: ChartRange;
  data: PoolChartData;
}) {
  const href = (i: ChartInterval, r: ChartRange) =>
    `${poolHref(chainId, pool, { interval: i, range: String(r) })}#performance`;
  const per = NOUN[interval];
  const points = <T,>(result: SeriesResult<T>) => (result.ok ? result.data : []);
  const error = (result: SeriesResult<unknown>) => (result.ok ? null : result.error);
  const revenue = points(data.revenue);
  const distributed = runningTotal(revenue.map((p) => p.revenueNet));
  const claimed = runningTotal(revenue.map((p) => p.revenueClaimed));

  return (
    <Card className="space-y-7">
      <div id="performance" className="flex scroll-mt-24 flex-wrap items-center justify-between gap-3">
        <CardTitle>Performance</CardTitle>
        <div className="flex flex-wrap gap-2">
          <ChartIntervalSwitch value={interval} hrefFor={(i) => href(i, range)} />
          <div
            role="group"
            aria-label="Chart range"
            className="inline-flex rounded-lg border border-line bg-surface p-0.5 text-xs"
          >
            {CHART_RANGES.map((r) => (
              <Link
                key={r}
                href={href(interval, r)}
                // Another view of this page, rendered when chosen: prefetching every view on hydration costs
                // the server a render of each while the reader may be pressing Connect.
                prefetch={false}
                scroll={false}
                replace
                aria-current={r === range ? 'true' : undefined}
                className={`rounded-md px-2.5 py-1 font-medium ${r === range ? 'bg-accent text-accent-ink' : 'text-ink-muted hover:text-ink'}`}
              >
                {r === 365 ? '1y' : `${r}d`}
              </Link>
            ))}
          </div>
        </div>
      </div>

      <ChartBlock title="Net revenue" caption={`per ${per}, after the protocol fee; gross as a line`}>
        <TimeSeriesChart
          title={`Net revenue per ${per}`}
          points={toChartPoints(revenue, { net: (p) => p.revenueNet, gross: (p) => p.revenueGross })}
          series={[
            { key: 'net', label: 'Net to holders', tone: 'accent' },
            { key: 'gross', label: 'Gross reported', tone: 'ink-muted', kind: 'line' },
          ]}
          unit="usdc"
          interval={interval}
          kind="bar"
          error={error(data.revenue)}
          emptyText="No revenue distributed in this window."
        />
      </ChartBlock>

      <ChartBlock
        title="Real yield"
        caption="trailing 7 and 30 days, annualised: net revenue ÷ time-weighted principal"
      >
        <TimeSeriesChart
          title={`Trailing real yield per ${per}`}
          points={toChartPoints(points(data.yield), { y7: (p) => p.yield7d, y30: (p) => p.yield30d })}
          series={[
            { key: 'y30', label: '30-day', tone: 'accent' },
            { key: 'y7', label: '7-day', tone: 'compute' },
          ]}
          unit="percent"
          interval={interval}
          kind="line"
          error={error(data.yield)}
          emptyText="No yield yet: the pool has distributed no revenue in this window."
        />
      </ChartBlock>

      <ChartBlock title="Principal" caption={`at the end of each ${per}: deployed in machines and idle cash`}>
        <TimeSeriesChart
          title={`Principal per ${per}`}
          points={toChartPoints(points(data.tvl), {
            outstanding: (p) => p.outstandingPrincipal,
            idle: (p) => p.idle,
          })}
          series={[
            { key: 'outstanding', label: 'Deployed (outstanding)', tone: 'accent' },
            { key: 'idle', label: 'Idle cash', tone: 'compute' },
          ]}
          unit="usdc"
          interval={interval}
          kind="area"
          stacked
          error={error(data.tvl)}
          emptyText="No principal in this window."
        />
      </ChartBlock>

      <ChartBlock title="Utilization" caption={`average of the machines’ reports per ${per}`}>
        <TimeSeriesChart
          title={`Utilization per ${per}`}
          points={toChartPoints(points(data.utilization), { utilization: (p) => p.utilization })}
          series={[{ key: 'utilization', label: 'Utilization', tone: 'compute' }]}
          unit="percent"
          interval={interval}
          kind="area"
          height={200}
          yDomain={[0, 1]}
          error={error(data.utilization)}
          emptyText="No utilization reported in this window."
        />
      </ChartBlock>

      <ChartBlock
        title="Cash received versus revenue distributed"
        caption="running totals over the window: what holders claimed in USDC beside what was distributed to them"
      >
        <TimeSeriesChart
          title="Cash claimed versus revenue distributed"
          points={toChartPoints(
            revenue.map((p, i) => ({ day: p.day, distributed: distributed[i]!, claimed: claimed[i]! })),
            { distributed: (p) => p.distributed, claimed: (p) => p.claimed },
          )}
          series={[
            { key: 'distributed', label: 'Distributed (net)', tone: 'ink-muted' },
            { key: 'claimed', label: 'Claimed in cash', tone: 'positive' },
          ]}
          unit="usdc"
          interval={interval}
          kind="line"
          error={error(data.revenue)}
          emptyText="No revenue distributed in this window."
        />
      </ChartBlock>
    </Card>
  );
}

function ChartBlock({ title, caption, children }: { title: string; caption: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-medium">
        {title} <span className="font-normal text-ink-faint">{caption}</span>
      </h3>
      {children}
    </section>
  );
}
