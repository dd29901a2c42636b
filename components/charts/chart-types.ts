import type { ChartInterval } from '@/lib/charts/chart-interval';
import type { ChartPoint, ChartUnit } from '@/lib/charts/chart-points';

/** Colour tokens of the theme a series can be drawn in; they follow light and dark mode. */
export type ChartTone = 'accent' | 'compute' | 'robotics' | 'positive' | 'negative' | 'ink-muted';
export type ChartKind = 'bar' | 'line' | 'area';

export type ChartSeries = {
  /** The key this series has in each point's `values` (and `amounts`): see toChartPoints. */
  key: string;
  /** Shown in the tooltip and the legend. */
  label: string;
  tone?: ChartTone;
  /** Overrides the chart's kind for this series, e.g. a line over bars. */
  kind?: ChartKind;
};

/** Everything the drawing needs; all of it serialisable, so a server page can pass it straight through. */
export type TimeSeriesChartProps = {
  points: ChartPoint[];
  series: ChartSeries[];
  unit: ChartUnit;
  /** The bucket size of `points`, for the axis and tooltip dates. */
  interval: ChartInterval;
  kind?: ChartKind;
  /** Stack the series (bars and areas) instead of drawing them side by side. */
  stacked?: boolean;
  /** The chart's accessible name, e.g. "Net revenue per week". */
  title: string;
  /** Pixels; the skeleton, the empty and the error state take the same height. Default 240. */
  height?: number;
  /** Lower and upper y bound; 'auto' lets the chart choose. Default [0, 'auto']; utilization reads best at [0, 1]. */
  yDomain?: [number, number | 'auto'];
  /** Shown instead of the chart when the series could not be read (the page still renders). */
  error?: string | null;
  /** Shown when no point has a value other than zero. */
  emptyText?: string;
};

export const TONE_COLOR: Record<ChartTone, string> = {
  accent: 'rgb(var(--accent))',
  compute: 'rgb(var(--compute))',
  robotics: 'rgb(var(--robotics))',
  positive: 'rgb(var(--positive))',
  negative: 'rgb(var(--negative))',
  'ink-muted': 'rgb(var(--ink-muted))',
};

export const DEFAULT_TONES: ChartTone[] = ['accent', 'compute', 'robotics', 'ink-muted'];
