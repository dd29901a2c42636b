import Link from 'next/link';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolSummary } from '@/lib/indexer/pools';
import { sharePrice } from '@/lib/pools/share-price';
import { CategoryBadge } from './CategoryBadge';
import { PoolStatusBadge } from './PoolStatusBadge';

export function PoolTable({ pools }: { pools: PoolSummary[] }) {
  return (
    <>
      <PoolCards pools={pools} />
      <div className="hidden overflow-hidden rounded-xl border border-line bg-surface-raised sm:block">
        <PoolRows pools={pools} />
      </div>
    </>
  );
}

/** Phones: one card per pool, figures side by side under the name. */
function PoolCards({ pools }: { pools: PoolSummary[] }) {
  return (
    <ul className="space-y-3 sm:hidden" aria-label="Financing pools">
      {pools.map((pool) => (
        <li key={pool.address} className="relative rounded-xl border border-line bg-surface-raised p-4">
          <div className="flex items-start justify-between gap-3">
            <Link href={`/pools/${pool.address}`} className="font-medium after:absolute after:inset-0">
              {pool.name}
            </Link>
            <CategoryBadge category={pool.category} />
          </div>
          <div className="mt-1">
            <PoolStatusBadge status={pool.status} />
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-xs text-ink-faint">TVL</dt>
              <dd className="font-medium tabular-nums">{formatUsdc(pool.totalAssets, { compact: true })}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Share price</dt>
              <dd className="tabular-nums">{formatUsdc(sharePrice(pool.totalAssets, pool.totalSupply))}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Depositors</dt>
              <dd className="tabular-nums">{pool.depositors}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function PoolRows({ pools }: { pools: PoolSummary[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Financing pools</caption>
      <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
        <tr>
          <th scope="col" className="px-4 py-3 sm:px-5">
            Pool
          </th>
          <th scope="col" className="hidden px-4 py-3 md:table-cell">
            Category
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            TVL
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Share price
          </th>
          <th scope="col" className="px-4 py-3 text-right sm:px-5">
            Depositors
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {pools.map((pool) => (
          <tr key={pool.address} className="group relative hover:bg-surface-sunken/50">
            <td className="px-4 py-4 sm:px-5">
              <Link
                href={`/pools/${pool.address}`}
                className="font-medium after:absolute after:inset-0 group-hover:text-accent"
              >
                {pool.name}
              </Link>
              <div className="mt-1 flex items-center gap-2 text-xs text-ink-faint">
                <span>{pool.symbol}</span>
                <span className="md:hidden">
                  <CategoryBadge category={pool.category} />
                </span>
              </div>
            </td>
            <td className="hidden px-4 py-4 md:table-cell">
              <CategoryBadge category={pool.category} />
            </td>
            <td className="px-4 py-4 text-right font-medium tabular-nums">{formatUsdc(pool.totalAssets)}</td>
            <td className="px-4 py-4 text-right tabular-nums text-ink-muted">
              {formatUsdc(sharePrice(pool.totalAssets, pool.totalSupply))}
            </td>
            <td className="px-4 py-4 text-right tabular-nums sm:px-5">{pool.depositors}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
