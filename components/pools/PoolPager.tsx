import Link from 'next/link';
import { POOLS_PER_PAGE, poolListQueryString, type PoolListParams } from '@/lib/pools/pool-list-params';

/** Which pools of how many this page shows, and the way to the pages beside it (filters and sort kept). */
export function PoolPager({ params, shown, total }: { params: PoolListParams; shown: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / POOLS_PER_PAGE));
  const first = (params.page - 1) * POOLS_PER_PAGE + 1;
  const href = (page: number) => `/pools${poolListQueryString({ ...params, page })}`;
  const link = 'rounded-lg border border-line px-3 py-1.5 font-medium hover:border-accent hover:text-accent';
  const off = 'rounded-lg border border-line px-3 py-1.5 text-ink-faint';
  return (
    <nav aria-label="Pages of pools" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-ink-muted" data-testid="pool-count">
        {shown > 0
          ? `Pools ${first.toLocaleString('en-US')}–${(first + shown - 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
          : `${total.toLocaleString('en-US')} pools`}
      </p>
      {pages > 1 ? (
        <div className="flex items-center gap-2">
          {params.page > 1 ? (
            <Link href={href(Math.min(params.page - 1, pages))} className={link} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              Previous
            </span>
          )}
          <span className="px-1 text-ink-muted tabular-nums">
            Page {params.page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
          </span>
          {params.page < pages ? (
            <Link href={href(params.page + 1)} className={link} rel="next">
              Next
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              Next
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
