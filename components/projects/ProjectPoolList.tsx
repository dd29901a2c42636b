import Link from 'next/link';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { ProjectPool } from '@/lib/indexer/wire';
import { poolHref } from '@/lib/chain/chain-routes';

/** A project's financing rounds, each linking to its pool page; cards that sit two abreast from `sm` up. */
export function ProjectPoolList({ pools }: { pools: ProjectPool[] }) {
  if (pools.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-ink-muted">
        No pool has been opened for this project yet.
      </p>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Pools">
      {pools.map((pool) => (
        <li
          key={pool.address}
          className="relative rounded-xl border border-line bg-surface-raised p-4 hover:border-accent/50"
          data-testid="project-pool"
        >
          <div className="flex items-start justify-between gap-3">
            <Link
              href={poolHref(pool.chainId, pool.address)}
              className="min-w-0 font-medium after:absolute after:inset-0"
            >
              {pool.name}
            </Link>
            <PoolStatusBadge status={pool.status} />
          </div>
          <div className="mt-1 text-xs text-ink-faint">
            {pool.symbol} · {pool.assets} {pool.assets === 1 ? 'machine' : 'machines'} · {pool.depositors}{' '}
            {pool.depositors === 1 ? 'depositor' : 'depositors'}
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-xs text-ink-faint">TVL</dt>
              <dd className="font-medium tabular-nums">{formatUsdc(pool.totalAssets, { compact: true })}</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">30-day yield</dt>
              <dd className="font-medium tabular-nums">{formatPercent(pool.yield30d)}</dd>
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
