'use client';

import dynamic from 'next/dynamic';
import { hasChartData } from '@/lib/charts/chart-points';
import { ChartMessage } from './ChartMessage';
import { ChartSkeleton } from './ChartSkeleton';
import type { TimeSeriesChartProps } from './chart-types';

export type { ChartKind, ChartSeries, ChartTone, TimeSeriesChartProps } from './chart-types';

const DEFAULT_HEIGHT = 240;

// Recharts measures the DOM and is ~100 kB: it loads in the browser only, after the page is painted.
const RechartsTimeSeries = dynamic(() => import('./RechartsTimeSeries').then((m) => m.RechartsTimeSeries), {
  ssr: false,
  // The figure around it has the chart's height; the skeleton fills it.
  loading: () => <ChartSkeleton />,
});

/**
 * A bar, line or area chart of one time series from the indexer, with tooltips that show exact figures.
 *
 *   const points = toChartPoints(series, { revenue: (p) => p.revenueNet });   // lib/charts/chart-points
 *   <TimeSeriesChart title="Net revenue per week" points={points} unit="usdc" interval="week" kind="bar"
 *     series={[{ key: 'revenue', label: 'Net revenue' }]} />
 *
 * Server pages fetch the series and pass the points (props are plain data). Recharts loads lazily; until
 * then a skeleton of the same height holds the space. With `error` or no data, a message of that height
 * shows instead and Recharts is not loaded at all. One unit per chart (USDC or a fraction); several series
 * share the y axis, each as the chart's `kind` or its own. Pair with ChartIntervalSwitch for day/week/month.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? DEFAULT_HEIGHT;
  let body: React.ReactNode;
  if (props.error) {
    body = (
      <ChartMessage height={height} tone="error">
        This chart could not be loaded: {props.error}
      </ChartMessage>
    );
  } else if (
    !hasChartData(
      props.points,
      props.series.map((s) => s.key),
    )
  ) {
    body = (
      <ChartMessage height={height} tone="empty">
        {props.emptyText ?? 'Nothing reported in this window yet.'}
      </ChartMessage>
    );
  } else {
    body = <RechartsTimeSeries {...props} height={height} />;
  }
  return (
    <figure aria-label={props.title} className="relative min-w-0" style={{ height }} data-testid="time-series-chart">
      {body}
    </figure>
  );
}
