import Link from 'next/link';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolSummary } from '@/lib/indexer/pools';
import { sharePrice } from '@/lib/pools/share-price';
import { CategoryBadge } from './CategoryBadge';

export function PoolTable({ pools }: { pools: PoolSummary[] }) {
  return (
    <div className="overflow-hidden rounded-xl border border-line bg-surface-raised">
      <table className="w-full text-sm">
        <caption className="sr-only">Financing pools</caption>
        <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-3 sm:px-5">Pool</th>
            <th scope="col" className="hidden px-4 py-3 md:table-cell">Category</th>
            <th scope="col" className="px-4 py-3 text-right">TVL</th>
            <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">Share price</th>
            <th scope="col" className="px-4 py-3 text-right sm:px-5">Depositors</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {pools.map((pool) => (
            <tr key={pool.address} className="group relative hover:bg-surface-sunken/50">
              <td className="px-4 py-4 sm:px-5">
                <Link href={`/pools/${pool.address}`} className="font-medium after:absolute after:inset-0 group-hover:text-accent">
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
              <td className="hidden px-4 py-4 text-right tabular-nums text-ink-muted sm:table-cell">
                {formatUsdc(sharePrice(pool.totalAssets, pool.totalSupply))}
              </td>
              <td className="px-4 py-4 text-right tabular-nums sm:px-5">{pool.depositors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
