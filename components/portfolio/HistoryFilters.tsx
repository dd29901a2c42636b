import Link from 'next/link';
import type { Address } from 'viem';
import { chainName } from '@/lib/chain/app-chain';
import type { PoolKey } from '@/lib/chain/pool-key';
import type { PoolLabel } from '@/lib/indexer/accounts';
import {
  HISTORY_KIND_LABEL,
  HISTORY_KINDS,
  historyPoolValue,
  isFiltered,
  type HistoryFilter,
} from '@/lib/portfolio/history-filter';

const control = 'w-full rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm sm:w-auto sm:max-w-[18rem]';

/** A plain GET form: the filters live in the URL, work without JavaScript, and a filtered view can be shared. */
export function HistoryFilters({
  account,
  filter,
  pools,
}: {
  account: Address;
  filter: HistoryFilter;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
}) {
  const path = `/portfolio/${account}`;
  // Two chains may hold a pool of the same name: where the pools span several, the chain tells them apart.
  const severalChains = new Set([...pools.values()].map((l) => l.chainId)).size > 1;
  const options = [...pools.values()].map((label) => ({
    value: historyPoolValue(label.address, label.chainId),
    text: severalChains && label.chainId !== undefined ? `${label.name} (${chainName(label.chainId)})` : label.name,
  }));
  // A bare address (a link from before the app served several chains) selects the one pool it can mean.
  const sameAddress = options.filter((o) => filter.pool && o.value.endsWith(`:${filter.pool}`));
  const selected = !filter.pool
    ? ''
    : filter.chainId === undefined && sameAddress.length === 1
      ? sameAddress[0]!.value
      : historyPoolValue(filter.pool, filter.chainId);
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
        <select name="pool" defaultValue={selected} className={control}>
          <option value="">All pools</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
          {/* A shared link may name a pool the indexer does not know; keep it selectable as it is. */}
          {selected && !options.some((o) => o.value === selected) ? <option value={selected}>{selected}</option> : null}
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
