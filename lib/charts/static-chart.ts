import type { ChartPoint } from './chart-points';

/**
 * The geometry of a chart drawn without a charting library, on the server: bars, lines and areas in a
 * 1000 × 100 box the SVG stretches to its size. Interactivity (tooltips) comes with Recharts on demand.
 */
export const BOX = { width: 1000, height: 100 } as const;

type StaticSeries = { key: string; kind: 'bar' | 'line' | 'area' };
type Bar = { key: string; index: number; x: number; y: number; width: number; height: number };
type Path = { key: string; kind: 'line' | 'area'; d: string };

/** A round upper bound for the axis: 1, 2, 2.5 or 5 × a power of ten, at or above `max`. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max * (1 - 1e-12))!;
  return step * power;
}

export function staticGeometry(
  points: readonly ChartPoint[],
  series: readonly StaticSeries[],
  opts: { stacked: boolean; yMax: number | 'auto' },
): { top: number; bars: Bar[]; paths: Path[] } {
  const n = points.length;
  const slot = n > 0 ? BOX.width / n : BOX.width;
  const value = (p: ChartPoint, key: string) => Math.max(0, p.values[key] ?? 0);
  // Stacking is for bars and areas; a line is drawn over them from zero (a figure beside the stack, as Recharts
  // draws it: a Line has no stackId).
  const stacks = (s: StaticSeries) => opts.stacked && s.kind !== 'line';
  const totals = points.map((p) =>
    Math.max(
      0,
      series.filter(stacks).reduce((sum, s) => sum + value(p, s.key), 0),
      ...series.filter((s) => !stacks(s)).map((s) => value(p, s.key)),
    ),
  );
  const top = opts.yMax === 'auto' ? niceCeiling(Math.max(0, ...totals)) : opts.yMax;
  const y = (v: number) => BOX.height - (Math.min(v, top) / top) * BOX.height;

  const bars: Bar[] = [];
  const paths: Path[] = [];
  const barSeries = series.filter((s) => s.kind === 'bar');
  const base = points.map(() => 0); // running stack per point
  const barWidth = (slot * 0.82) / (opts.stacked ? 1 : Math.max(1, barSeries.length));
  for (const s of series) {
    if (s.kind === 'bar') {
      const j = barSeries.indexOf(s);
      points.forEach((p, i) => {
        const v = value(p, s.key);
        if (v === 0) return;
        const bottom = opts.stacked ? base[i]! : 0;
        const x = i * slot + slot * 0.09 + (opts.stacked ? 0 : j * barWidth);
        bars.push({ key: s.key, index: i, x, y: y(bottom + v), width: barWidth, height: y(bottom) - y(bottom + v) });
        if (opts.stacked) base[i] = bottom + v;
      });
      continue;
    }
    // Lines and areas: one segment per run of points that have a value (a null is a gap).
    const runs: { i: number; v: number; bottom: number }[][] = [[]];
    points.forEach((p, i) => {
      const raw = p.values[s.key];
      if (raw === null || raw === undefined) {
        if (runs.at(-1)!.length > 0) runs.push([]);
        return;
      }
      const bottom = stacks(s) ? base[i]! : 0;
      runs.at(-1)!.push({ i, v: Math.max(0, raw), bottom });
      if (stacks(s)) base[i] = bottom + Math.max(0, raw);
    });
    for (const run of runs.filter((r) => r.length > 0)) {
      const cx = (i: number) => (i * slot + slot / 2).toFixed(2);
      const upper = run.map((r) => `${cx(r.i)},${y(r.bottom + r.v).toFixed(2)}`);
      if (s.kind === 'line') {
        paths.push({ key: s.key, kind: 'line', d: `M${upper.join('L')}` });
      } else {
        const lower = [...run].reverse().map((r) => `${cx(r.i)},${y(r.bottom).toFixed(2)}`);
        paths.push({ key: s.key, kind: 'area', d: `M${upper.join('L')}L${lower.join('L')}Z` });
      }
    }
  }
  return { top, bars, paths };
}
