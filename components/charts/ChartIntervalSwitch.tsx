import Link from 'next/link';
import { CHART_INTERVALS, type ChartInterval } from '@/lib/charts/chart-interval';

const LABEL: Record<ChartInterval, string> = { day: 'Day', week: 'Week', month: 'Month' };

/**
 * Day / week / month as links: the server re-renders the page for the new `?interval=`, so a view can be
 * shared and needs no client state. `hrefFor` builds each link, keeping whatever else is in the URL.
 *
 *   <ChartIntervalSwitch value={interval} hrefFor={(i) => `/assets/${id}?interval=${i}`} />
 */
export function ChartIntervalSwitch({
  value,
  hrefFor,
  label = 'Chart interval',
}: {
  value: ChartInterval;
  hrefFor: (interval: ChartInterval) => string;
  label?: string;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg border border-line bg-surface p-0.5 text-xs">
      {CHART_INTERVALS.map((interval) => {
        const current = interval === value;
        return (
          <Link
            key={interval}
            href={hrefFor(interval)}
            // Another view of this page, rendered when chosen, not prefetched with every page load.
            prefetch={false}
            scroll={false}
            replace
            aria-current={current ? 'true' : undefined}
            className={`rounded-md px-2.5 py-1 font-medium ${
              current ? 'bg-surface-raised text-ink shadow-sm ring-1 ring-line' : 'text-ink-muted hover:text-ink'
            }`}
          >
            {LABEL[interval]}
          </Link>
        );
      })}
    </div>
  );
}
