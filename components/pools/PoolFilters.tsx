import Link from 'next/link';
import type { PoolListParams } from '@/lib/pools/pool-list-params';

const control = 'rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm';

/** A plain GET form: filters live in the URL, work without JavaScript, and a filtered view can be shared. */
export function PoolFilters({
  params,
  chains,
}: {
  params: PoolListParams;
  /** The chains the app serves: a chain filter only where there are several. */
  chains: { id: number; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/pools"
      className="flex flex-wrap items-end gap-3"
      role="search"
      aria-label="Filter pools"
    >
      <label className="flex min-w-[12rem] flex-1 flex-col gap-1 text-xs font-medium text-ink-muted">
        Search
        <input type="search" name="q" defaultValue={params.q ?? ''} placeholder="Pool or symbol" className={control} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
        Category
        <select name="category" defaultValue={params.category ?? ''} className={control}>
          <option value="">All</option>
          <option value="compute">AI compute</option>
          <option value="robotics">Robotics</option>
        </select>
      </label>
      {chains.length > 1 ? (
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
          Network
          <select name="chain" defaultValue={params.chain ?? ''} className={control}>
            <option value="">All</option>
            {chains.map((chain) => (
              <option key={chain.id} value={chain.id}>
                {chain.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
        Status
        <select name="status" defaultValue={params.status ?? ''} className={control}>
          <option value="">All</option>
          <option value="raising">Raising</option>
          <option value="active">Active</option>
          <option value="closed">Closed</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
        Tranche
        <select name="tranche" defaultValue={params.tranche ?? ''} className={control}>
          <option value="">All structures</option>
          <option value="senior">Senior tranches</option>
          <option value="junior">Junior tranches</option>
          <option value="single">Single-class pools</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
        Sort by
        <select name="sort" defaultValue={params.sort} className={control}>
          <option value="tvl">TVL</option>
          <option value="yield">30-day real yield</option>
          <option value="utilization">Utilization</option>
          <option value="depositors">Depositors</option>
          <option value="name">Name</option>
        </select>
      </label>
      <input type="hidden" name="order" value={params.order} />
      <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink">
        Apply
      </button>
      {params.category || params.status || params.q || params.chain || params.tranche ? (
        <Link href="/pools" className="py-2 text-sm text-ink-muted underline hover:text-ink">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
