import Link from 'next/link';
import type { Address } from 'viem';
import type { PoolLabel } from '@/lib/indexer/accounts';
import { HISTORY_KIND_LABEL, HISTORY_KINDS, isFiltered, type HistoryFilter } from '@/lib/portfolio/history-filter';

const control = 'w-full rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm sm:w-auto sm:max-w-[18rem]';

/** A plain GET form: the filters live in the URL, work without JavaScript, and a filtered view can be shared. */
export function HistoryFilters({
  account,
  filter,
  pools,
}: {
  account: Address;
  filter: HistoryFilter;
  pools: ReadonlyMap<Address, PoolLabel>;
}) {
  const path = `/portfolio/${account}`;
  return (
    <form
      method="get"
      action={`${path}#history`}
      className="flex flex-wrap items-end gap-3"
      role="search"
      aria-label="Filter history"
    >
      <label className="flex w-full flex-col gap-1 text-xs font-medium text-ink-muted sm:w-auto">
        Type
        <select name="kind" defaultValue={filter.kind ?? ''} className={control}>
          <option value="">All types</option>
          {HISTORY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {HISTORY_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-full flex-col gap-1 text-xs font-medium text-ink-muted sm:w-auto">
        Pool
        <select name="pool" defaultValue={filter.pool ?? ''} className={control}>
          <option value="">All pools</option>
          {[...pools].map(([address, label]) => (
            <option key={address} value={address}>
              {label.name}
            </option>
          ))}
          {/* A shared link may name a pool the indexer does not know; keep it selectable as it is. */}
          {filter.pool && !pools.has(filter.pool) ? <option value={filter.pool}>{filter.pool}</option> : null}
        </select>
      </label>
      <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink">
        Apply
      </button>
      {isFiltered(filter) ? (
        <Link href={`${path}#history`} className="py-2 text-sm text-ink-muted underline hover:text-ink">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
