'use client';

import { Area, Bar, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { axisLabel } from '@/lib/charts/axis-label';
import type { ChartPoint } from '@/lib/charts/chart-points';
import { dayLabel } from '@/lib/charts/day-label';
import { bucketLabel, PARTIAL_OPACITY, partialPeriodNote } from '@/lib/charts/partial-period';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { ChartLegend, hasLegendRow } from './ChartLegend';
import { DEFAULT_TONES, TONE_COLOR, type ChartSeries, type TimeSeriesChartProps } from './chart-types';

const TICK = { fill: 'rgb(var(--ink-faint))', fontSize: 12 };

/** The drawing itself; loaded lazily by TimeSeriesChart, which also handles the empty and error states. */
export function RechartsTimeSeries({
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
    color: TONE_COLOR[s.tone ?? DEFAULT_TONES[i % DEFAULT_TONES.length]!],
  }));
  const note = partialPeriodNote(
    points,
    interval,
    series.some((s) => (s.kind ?? kind) === 'bar'),
  );
  const legendRow = hasLegendRow(series.length, note);
  return (
    <div>
      <ComposedChart
        data={points}
        responsive
        style={{ width: '100%', height: legendRow ? height - 28 : height }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        barCategoryGap="18%"
      >
        <CartesianGrid vertical={false} stroke="rgb(var(--line))" />
        <XAxis
          dataKey="day"
          tickFormatter={(day: number) => dayLabel(day, interval, 'axis')}
          tick={TICK}
          tickLine={false}
          axisLine={{ stroke: 'rgb(var(--line))' }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={(value: number) => axisLabel(value, unit)}
          tick={TICK}
          tickLine={false}
          axisLine={false}
          width={52}
          domain={yDomain}
          allowDataOverflow={false}
        />
        <Tooltip
          cursor={{ fill: 'rgb(var(--ink) / 0.06)', stroke: 'rgb(var(--line))' }}
          content={(props) => <ExactTooltip {...props} series={colored} unit={unit} interval={interval} />}
        />
        {colored.map((s) => {
          const common = {
            name: s.label,
            dataKey: (point: ChartPoint) => point.values[s.key] ?? null,
            isAnimationActive: false,
          };
          const stackId = stacked ? 'stack' : undefined;
          switch (s.kind ?? kind) {
            case 'bar':
              return (
                <Bar {...common} key={s.key} fill={s.color} stackId={stackId} radius={stacked ? 0 : [3, 3, 0, 0]}>
                  {points.map((p) => (
                    <Cell key={p.day} fillOpacity={p.partial ? PARTIAL_OPACITY : 1} />
                  ))}
                </Bar>
              );
            case 'area':
              return (
                <Area
                  {...common}
                  key={s.key}
                  type="monotone"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.15}
                  strokeWidth={2}
                  stackId={stackId}
                  connectNulls
                />
              );
            case 'line':
              return (
                <Line
                  {...common}
                  key={s.key}
                  type="monotone"
                  stroke={s.color}
                  strokeWidth={2}
                  dot={false}
                  connectNulls
                />
              );
          }
        })}
      </ComposedChart>
      {legendRow ? <ChartLegend series={colored} note={note} /> : null}
    </div>
  );
}

/** The hovered bucket's date and every series' exact figure: USDC to the cent, fractions as percents. */
function ExactTooltip({
  active,
  payload,
  series,
  unit,
  interval,
}: TooltipContentProps & {
  series: (ChartSeries & { color: string })[];
  unit: TimeSeriesChartProps['unit'];
  interval: TimeSeriesChartProps['interval'];
}) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm shadow-lg">
      <div className="mb-1 text-xs font-medium text-ink-muted">{bucketLabel(point, interval)}</div>
      <dl className="space-y-0.5">
        {series.map((s) => {
          const amount = point.amounts[s.key];
          const value = point.values[s.key];
          const text =
            unit === 'usdc'
              ? amount === null || amount === undefined
                ? '—'
                : formatUsdc(amount)
              : formatPercent(value);
          return (
            <div key={s.key} className="flex items-center justify-between gap-4">
              <dt className="inline-flex items-center gap-1.5 text-ink-muted">
                <span aria-hidden className="size-2 rounded-full" style={{ background: s.color }} />
                {s.label}
              </dt>
              <dd className="font-medium tabular-nums">{text}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
