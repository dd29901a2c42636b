'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import { hasChartData } from '@/lib/charts/chart-points';
import { ChartMessage } from './ChartMessage';
import { StaticTimeSeries } from './StaticTimeSeries';
import type { TimeSeriesChartProps } from './chart-types';

export type { ChartKind, ChartSeries, ChartTone, TimeSeriesChartProps } from './chart-types';

const DEFAULT_HEIGHT = 240;

// Recharts measures the DOM and is ~110 KiB gzip: it loads only when the reader points at or focuses a chart
// (for its tooltips). Until then, and while it loads, the same figures are drawn as plain SVG.
const loadRecharts = () => import('./RechartsTimeSeries').then((m) => m.RechartsTimeSeries);

/**
 * A bar, line or area chart of one time series from the indexer, with tooltips that show exact figures.
 *
 *   const points = toChartPoints(series, { revenue: (p) => p.revenueNet });   // lib/charts/chart-points
 *   <TimeSeriesChart title="Net revenue per week" points={points} unit="usdc" interval="week" kind="bar"
 *     series={[{ key: 'revenue', label: 'Net revenue' }]} />
 *
 * Server pages fetch the series and pass the points (props are plain data). The chart is drawn as SVG with
 * the page; Recharts (tooltips with exact values) loads when the reader hovers, touches or focuses it. With `error` or no data, a message of that height
 * shows instead and Recharts is not loaded at all. One unit per chart (USDC or a fraction); several series
 * share the y axis, each as the chart's `kind` or its own. Pair with ChartIntervalSwitch for day/week/month.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? DEFAULT_HEIGHT;
  const [Interactive, setInteractive] = useState<ComponentType<TimeSeriesChartProps> | null>(null);
  const figure = useRef<HTMLElement>(null);
  let body: React.ReactNode;
  let drawn = false;
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
    drawn = true;
    body = Interactive ? <Interactive {...props} height={height} /> : <StaticTimeSeries {...props} height={height} />;
  }
  // Swapped in once loaded, so the figure never goes blank; if it cannot load, the SVG stays.
  const wake = () => {
    if (!Interactive)
      void loadRecharts().then(
        (chart) => setInteractive(() => chart),
        () => undefined,
      );
  };
  // A page that hydrates on intent (lib/page-cache/hydration-on-intent.ts) hydrates because the pointer came
  // over it, maybe over this chart: that pointerenter was before React listened, so the chart wakes now.
  useEffect(() => {
    const el = figure.current;
    if (drawn && el && (el.matches(':hover') || el.contains(document.activeElement))) wake();
    // Once, as the page hydrates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <figure
      ref={figure}
      aria-label={props.title}
      className="relative min-w-0"
      style={{ height }}
      data-testid="time-series-chart"
      data-interactive={Interactive !== null}
      tabIndex={body && !props.error ? 0 : undefined}
      onPointerEnter={wake}
      onTouchStart={wake}
      onFocus={wake}
    >
      {body}
    </figure>
  );
}
