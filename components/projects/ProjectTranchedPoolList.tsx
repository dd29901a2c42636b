import Link from 'next/link';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { ProjectTranchedPool } from '@/lib/indexer/wire';
import { poolHref } from '@/lib/chain/chain-routes';

/**
 * A project's tranched pools beside its single pools (ProjectPoolList), each linking to its pool page: the pool's
 * value split into senior and junior, senior's target rate, and junior's cushion against its minimum.
 */
export function ProjectTranchedPoolList({ pools }: { pools: ProjectTranchedPool[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Tranched pools">
      {pools.map((pool) => (
        <li
          key={pool.address}
          className="relative rounded-xl border border-line bg-surface-raised p-4 hover:border-accent/50"
          data-testid="project-tranched-pool"
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
            {pool.assets} {pool.assets === 1 ? 'machine' : 'machines'} · {pool.seniorHolders} senior and{' '}
            {pool.juniorHolders} junior {pool.juniorHolders === 1 ? 'holder' : 'holders'}
            {pool.paused ? ' · paused' : null}
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-xs text-ink-faint">Value</dt>
              <dd className="font-medium tabular-nums" data-testid="tranched-pool-value">
                {formatUsdc(pool.totalValue, { compact: true })}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Senior</dt>
              <dd className="tabular-nums">{formatUsdc(pool.seniorValue, { compact: true })}</dd>
              <dd className="text-xs text-ink-muted">{formatPercent(pool.seniorRateBps / 10_000)} target</dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Junior</dt>
              <dd className="tabular-nums">{formatUsdc(pool.juniorValue, { compact: true })}</dd>
              <dd className="text-xs text-ink-muted">
                {formatPercent(pool.subordinationBps / 10_000)} of pool (min{' '}
                {formatPercent(pool.minSubordinationBps / 10_000)})
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
