import Link from 'next/link';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolSummary } from '@/lib/indexer/wire';
import { poolListQueryString, type PoolListParams } from '@/lib/pools/pool-list-params';
import { CategoryBadge } from './CategoryBadge';
import { PoolStatusBadge } from './PoolStatusBadge';
import { poolHref } from '@/lib/chain/chain-routes';
import { poolKey } from '@/lib/chain/pool-key';
import { ChainBadge } from '@/components/ui/ChainBadge';

type SortKey = PoolListParams['sort'];

export function PoolTable({ pools, params }: { pools: PoolSummary[]; params: PoolListParams }) {
  return (
    <>
      <PoolCards pools={pools} />
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised sm:block">
        <PoolRows pools={pools} params={params} />
      </div>
    </>
  );
}

/** Phones: one card per pool, figures side by side under the name. */
function PoolCards({ pools }: { pools: PoolSummary[] }) {
  return (
    <ul className="space-y-3 sm:hidden" aria-label="Financing pools">
      {pools.map((pool) => (
        <li
          key={poolKey(pool.chainId, pool.address)}
          className="relative rounded-xl border border-line bg-surface-raised p-4"
        >
          <div className="flex items-start justify-between gap-3">
            <Link href={poolHref(pool.chainId, pool.address)} className="font-medium after:absolute after:inset-0">
              {pool.name}
            </Link>
            <CategoryBadge category={pool.category} />
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <PoolStatusBadge status={pool.status} />
            <ChainBadge chainId={pool.chainId} />
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-xs text-ink-faint">TVL</dt>
              <dd className="font-medium tabular-nums">{formatUsdc(pool.totalAssets, { compact: true })}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">30-day yield</dt>
              <dd className="tabular-nums">{formatPercent(pool.yield30d)}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Utilization</dt>
              <dd className="tabular-nums">{formatPercent(pool.utilization30d)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function SortHeader({
  label,
  sortKey,
  params,
  align = 'right',
}: {
  label: string;
  sortKey: SortKey;
  params: PoolListParams;
  align?: 'left' | 'right';
}) {
  const active = params.sort === sortKey;
  const nextOrder = active && params.order === 'desc' ? 'asc' : 'desc';
  const href = `/pools${poolListQueryString({ ...params, sort: sortKey, order: nextOrder })}`;
  return (
    <th
      scope="col"
      className={`px-4 py-3 ${align === 'right' ? 'text-right' : 'text-left'}`}
      aria-sort={active ? (params.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link href={href} className={`inline-flex items-center gap-1 hover:text-ink ${active ? 'text-ink' : ''}`}>
        {label}
        <span aria-hidden className="text-[0.7em]">
          {active ? (params.order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </Link>
    </th>
  );
}

function PoolRows({ pools, params }: { pools: PoolSummary[]; params: PoolListParams }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Financing pools; column headers sort the list</caption>
      <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
        <tr>
          <SortHeader label="Pool" sortKey="name" params={params} align="left" />
          <th scope="col" className="hidden px-4 py-3 lg:table-cell">
            Category
          </th>
          <SortHeader label="TVL / cap" sortKey="tvl" params={params} />
          <SortHeader label="30-day real yield" sortKey="yield" params={params} />
          <SortHeader label="Utilization" sortKey="utilization" params={params} />
          <SortHeader label="Depositors" sortKey="depositors" params={params} />
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {pools.map((pool) => (
          <tr
            key={poolKey(pool.chainId, pool.address)}
            className="group relative hover:bg-surface-sunken/50"
            data-testid="pool-row"
          >
            <td className="px-4 py-4">
              <Link
                href={poolHref(pool.chainId, pool.address)}
                className="font-medium after:absolute after:inset-0 group-hover:text-accent"
              >
                {pool.name}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
                <span>{pool.projectName ?? pool.symbol}</span>
                <PoolStatusBadge status={pool.status} />
                <ChainBadge chainId={pool.chainId} />
                <span className="lg:hidden">
                  <CategoryBadge category={pool.category} />
                </span>
              </div>
            </td>
            <td className="hidden px-4 py-4 lg:table-cell">
              <CategoryBadge category={pool.category} />
            </td>
            <td className="px-4 py-4 text-right tabular-nums">
              <div className="font-medium">{formatUsdc(pool.totalAssets, { compact: true })}</div>
              <div className="text-xs text-ink-faint">of {formatUsdc(pool.depositCap, { compact: true })}</div>
            </td>
            <td className="px-4 py-4 text-right font-medium tabular-nums" data-testid="pool-yield">
              {formatPercent(pool.yield30d)}
            </td>
            <td className="px-4 py-4 text-right tabular-nums text-ink-muted">{formatPercent(pool.utilization30d)}</td>
            <td className="px-4 py-4 text-right tabular-nums">{pool.depositors}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
