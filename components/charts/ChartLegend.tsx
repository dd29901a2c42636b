import type { ChartSeries } from './chart-types';

/** The row under a chart: what each colour is (when there are several series), and why a bar is lighter. */
export function ChartLegend({ series, note }: { series: (ChartSeries & { color: string })[]; note: string | null }) {
  return (
    <div className="mt-2 flex h-5 flex-wrap items-center gap-x-4 overflow-hidden text-xs text-ink-muted">
      {series.length > 1 ? (
        <ul className="contents">
          {series.map((s) => (
            <li key={s.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="size-2.5 rounded-sm" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {note ? (
        <p className="truncate text-ink-faint" data-testid="partial-period-note" title={note}>
          {note}
        </p>
      ) : null}
    </div>
  );
}

/** Whether a chart has the row under it: several series to name, or an unfinished period to explain. */
export const hasLegendRow = (seriesCount: number, note: string | null) => seriesCount > 1 || note !== null;
