import { axisLabel } from '@/lib/charts/axis-label';
import { dayLabel } from '@/lib/charts/day-label';
import { BOX, staticGeometry } from '@/lib/charts/static-chart';
import { bucketLabel, PARTIAL_OPACITY, partialPeriodNote } from '@/lib/charts/partial-period';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { ChartLegend, hasLegendRow } from './ChartLegend';
import { DEFAULT_TONES, TONE_COLOR, type TimeSeriesChartProps } from './chart-types';

const AXIS_WIDTH = 52;
const X_AXIS_HEIGHT = 26;

/**
 * The chart as plain SVG, rendered with the page: the figures are there at first paint and no charting
 * code is downloaded until the reader points at the chart (TimeSeriesChart then swaps in Recharts for
 * tooltips). Each bar carries its exact figure as a native tooltip.
 */
export function StaticTimeSeries({
  points,
  series,
  unit,
  interval,
  kind = 'bar',
  stacked = false,
  height = 240,
  yDomain = [0, 'auto'],
}: TimeSeriesChartProps) {
  const colored = series.map((s, i) => ({
    ...s,
    kind: s.kind ?? kind,
    color: TONE_COLOR[s.tone ?? DEFAULT_TONES[i % DEFAULT_TONES.length]!],
  }));
  const { top, bars, paths } = staticGeometry(points, colored, { stacked, yMax: yDomain[1] });
  const colorOf = new Map(colored.map((s) => [s.key, s]));
  const exact = (key: string, index: number) => {
    const point = points[index]!;
    const amount = point.amounts[key];
    return amount !== null && amount !== undefined ? formatUsdc(amount) : formatPercent(point.values[key]);
  };
  const note = partialPeriodNote(
    points,
    interval,
    series.some((s) => (s.kind ?? kind) === 'bar'),
  );
  const legendRow = hasLegendRow(series.length, note);
  const plotHeight = (legendRow ? height - 28 : height) - X_AXIS_HEIGHT - 8;
  // Dates in a fixed locale: this renders on the server too, and must read the same after hydration.
  const label = (i: number) => (points[i] ? dayLabel(points[i]!.day, interval, 'axis', 'en-US') : '');
  const ticks =
    points.length > 2 ? [0, Math.floor((points.length - 1) / 2), points.length - 1] : [0, points.length - 1];

  return (
    <div data-testid="static-chart">
      <div className="flex pt-2" style={{ height: plotHeight + X_AXIS_HEIGHT }}>
        <div
          aria-hidden
          className="flex flex-col justify-between pr-2 text-right text-xs text-ink-faint tabular-nums"
          style={{ width: AXIS_WIDTH, height: plotHeight }}
        >
          <span className="-translate-y-1/2">{axisLabel(top, unit)}</span>
          <span>{axisLabel(top / 2, unit)}</span>
          <span className="translate-y-1/2">{axisLabel(yDomain[0], unit)}</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${BOX.width} ${BOX.height}`}
            preserveAspectRatio="none"
            className="block w-full border-b border-line"
            style={{ height: plotHeight }}
            role="img"
            aria-label={`${series.map((s) => s.label).join(', ')} from ${label(0)} to ${label(points.length - 1)}`}
          >
            {[0.5, 0].map((f) => (
              <line
                key={f}
                x1={0}
                x2={BOX.width}
                y1={BOX.height * f}
                y2={BOX.height * f}
                stroke="rgb(var(--line))"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {paths.map((p, i) =>
              p.kind === 'area' ? (
                <path
                  key={i}
                  d={p.d}
                  fill={colorOf.get(p.key)!.color}
                  fillOpacity={0.15}
                  stroke={colorOf.get(p.key)!.color}
                  strokeWidth={2}
                  vectorEffect="non-scaling-stroke"
                />
              ) : (
                <path
                  key={i}
                  d={p.d}
                  fill="none"
                  stroke={colorOf.get(p.key)!.color}
                  strokeWidth={2}
                  vectorEffect="non-scaling-stroke"
                />
              ),
            )}
            {bars.map((b) => (
              <rect
                key={`${b.key}-${b.index}`}
                className="chart-bar"
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                fill={colorOf.get(b.key)!.color}
                {...(points[b.index]!.partial ? { fillOpacity: PARTIAL_OPACITY, 'data-partial': true } : {})}
              >
                <title>{`${bucketLabel(points[b.index]!, interval, 'en-US')}: ${colorOf.get(b.key)!.label} ${exact(b.key, b.index)}`}</title>
              </rect>
            ))}
          </svg>
          <div aria-hidden className="flex justify-between pt-1.5 text-xs text-ink-faint">
            {ticks.map((i) => (
              <span key={i}>{label(i)}</span>
            ))}
          </div>
        </div>
      </div>
      {legendRow ? <ChartLegend series={colored} note={note} /> : null}
    </div>
  );
}
