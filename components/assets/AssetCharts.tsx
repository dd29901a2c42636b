import { ChartIntervalSwitch } from '@/components/charts/ChartIntervalSwitch';
import { TimeSeriesChart } from '@/components/charts/TimeSeriesChart';
import { Card, CardTitle } from '@/components/ui/Card';
import { assetHref } from '@/lib/chain/chain-routes';
import { describeChartWindow, type ChartInterval } from '@/lib/charts/chart-interval';
import { toChartPoints } from '@/lib/charts/chart-points';
import type { IndexerRead } from '@/lib/indexer/client';
import type { AssetSeriesPoint } from '@/lib/indexer/wire';

const NOUN: Record<ChartInterval, string> = { day: 'day', week: 'week', month: 'month' };

/** Revenue and utilization of one machine group, per bucket, from the series the page fetched. */
export function AssetCharts({
  chainId,
  assetId,
  interval,
  series,
}: {
  chainId: number;
  assetId: bigint;
  interval: ChartInterval;
  /** The series, or why the indexer could not give it: the charts then say so, the page still renders. */
  series: IndexerRead<AssetSeriesPoint[]>;
}) {
  const points = series.ok ? series.data : [];
  const error = series.ok ? null : series.error;
  const revenue = toChartPoints(points, { revenueNet: (p) => p.revenueNet });
  const utilization = toChartPoints(points, { utilization: (p) => p.utilization });
  const caption = describeChartWindow(interval);
  return (
    <Card className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CardTitle>Performance</CardTitle>
        <ChartIntervalSwitch value={interval} hrefFor={(i) => assetHref(chainId, assetId, { interval: i })} />
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-medium">
          Net revenue <span className="font-normal text-ink-faint">{caption}</span>
        </h3>
        <TimeSeriesChart
          title={`Net revenue per ${NOUN[interval]}`}
          points={revenue}
          series={[{ key: 'revenueNet', label: 'Net revenue', tone: 'accent' }]}
          unit="usdc"
          interval={interval}
          kind="bar"
          error={error}
          emptyText="No revenue distributed for this machine in this window."
        />
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-medium">
          Utilization <span className="font-normal text-ink-faint">{caption}, average of reports</span>
        </h3>
        <TimeSeriesChart
          title={`Utilization per ${NOUN[interval]}`}
          points={utilization}
          series={[{ key: 'utilization', label: 'Utilization', tone: 'compute' }]}
          unit="percent"
          interval={interval}
          kind="area"
          height={200}
          yDomain={[0, 1]}
          error={error}
          emptyText="No utilization reported for this machine in this window."
        />
      </div>
    </Card>
  );
}
