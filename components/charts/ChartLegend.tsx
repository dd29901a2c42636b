import type { ChartSeries } from './chart-types';

export function ChartLegend({ series }: { series: (ChartSeries & { color: string })[] }) {
  return (
    <ul className="mt-2 flex h-5 flex-wrap gap-x-4 text-xs text-ink-muted">
      {series.map((s) => (
        <li key={s.key} className="inline-flex items-center gap-1.5">
          <span aria-hidden className="size-2.5 rounded-sm" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
