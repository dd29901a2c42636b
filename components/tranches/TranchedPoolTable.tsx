import Link from 'next/link';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { ChainBadge } from '@/components/ui/ChainBadge';
import { poolHref } from '@/lib/chain/chain-routes';
import { poolKey } from '@/lib/chain/pool-key';
import { formatBps as pct, formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { TrancheSide, TranchedPool } from '@/lib/indexer/tranche-wire';

/**
 * Pools with senior and junior tranches in the pools list. With `side`, one row per pool for that tranche (its
 * value, yield and protection), linking to the pool page on that tranche; without, both tranches side by side.
 */
export function TranchedPoolTable({ pools, side }: { pools: TranchedPool[]; side?: TrancheSide }) {
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={side ? `${side} tranches` : 'Tranched pools'}>
      {pools.map((pool) => (
        <li
          key={poolKey(pool.chainId, pool.address)}
          className="relative rounded-xl border border-line bg-surface-raised p-4 hover:border-accent/60"
          data-testid="tranched-pool-row"
        >
          <div className="flex items-start justify-between gap-3">
            <Link
              href={poolHref(pool.chainId, pool.address, side ? { tranche: side } : undefined)}
              className="font-medium after:absolute after:inset-0"
            >
              {pool.name}
              {side ? <span className="text-ink-muted"> · {side === 'senior' ? 'Senior' : 'Junior'}</span> : null}
            </Link>
            <CategoryBadge category={pool.category} />
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
            <span>{pool.projectName}</span>
            <PoolStatusBadge status={pool.status} />
            <ChainBadge chainId={pool.chainId} />
          </div>
          {side ? (
            <TrancheFigures pool={pool} side={side} />
          ) : (
            <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-xs text-ink-faint">Pool value</dt>
                <dd className="font-medium tabular-nums">{formatUsdc(pool.totalValue, { compact: true })}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Senior</dt>
                <dd className="tabular-nums">
                  {pct(pool.seniorRateBps)} target · {formatUsdc(pool.senior.value, { compact: true })}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Junior, 30 days</dt>
                <dd className="tabular-nums">
                  {formatPercent(pool.junior.yield30d)} · {formatUsdc(pool.junior.value, { compact: true })}
                </dd>
              </div>
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

function TrancheFigures({ pool, side }: { pool: TranchedPool; side: TrancheSide }) {
  const tranche = pool[side];
  return (
    <dl className="mt-3 grid grid-cols-3 gap-2 text-sm" data-testid="tranche-row-figures">
      <div>
        <dt className="text-xs text-ink-faint">Value</dt>
        <dd className="font-medium tabular-nums">{formatUsdc(tranche.value, { compact: true })}</dd>
      </div>
      <div>
        <dt className="text-xs text-ink-faint">30-day yield</dt>
        <dd className="tabular-nums" data-testid="tranche-row-yield">
          {formatPercent(tranche.yield30d)}
          {side === 'senior' ? <span className="text-ink-faint"> ({pct(pool.seniorRateBps)} target)</span> : null}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-faint">{side === 'senior' ? 'Protected by junior' : 'Junior share'}</dt>
        <dd className={`tabular-nums ${pool.subordinationBps < pool.minSubordinationBps ? 'text-negative' : ''}`}>
          {pct(pool.subordinationBps)} <span className="text-ink-faint">(min {pct(pool.minSubordinationBps)})</span>
        </dd>
      </div>
    </dl>
  );
}
