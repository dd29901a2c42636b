import Link from 'next/link';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { PoolAssetTable } from '@/components/pools/PoolAssetTable';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { Card, CardTitle } from '@/components/ui/Card';
import { ChainBadge } from '@/components/ui/ChainBadge';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { Stat } from '@/components/ui/Stat';
import { poolHref, projectHref } from '@/lib/chain/chain-routes';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { TrancheLoss, TrancheSide, TranchedPool, WaterfallSplit } from '@/lib/indexer/tranche-wire';
import type { PoolAsset } from '@/lib/indexer/wire';
import { sharePrice } from '@/lib/pools/share-price';
import { waterfallPeriods } from '@/lib/tranches/waterfall-periods';
import { SubordinationMeter } from './SubordinationMeter';
import { TrancheActions } from './TrancheActions';
import { TrancheSwitch } from './TrancheSwitch';
import { WaterfallChart } from './WaterfallChart';

/**
 * The page of a pool with a senior and a junior tranche: the pool's figures and its subordination, a switch between
 * the tranches (each one's yield, losses and actions), the waterfall of every distribution, the losses and how
 * they were shared, and the machines both tranches finance. Every figure is the indexer's, at its block.
 */
export function TranchedPoolView({
  chain,
  pool,
  splits,
  losses,
  assets,
  side,
}: {
  chain: { id: number; name: string };
  pool: TranchedPool;
  splits: WaterfallSplit[];
  losses: TrancheLoss[];
  assets: PoolAsset[];
  side: TrancheSide;
}) {
  const tranche = pool[side];
  const periods = waterfallPeriods(splits);
  const shortfalls = periods.filter((p) => p.carried > 0n).length;
  const hrefFor = (s: TrancheSide) => `${poolHref(chain.id, pool.address, { tranche: s })}#tranche`;
  const capUsed = pool.depositCap > 0n ? Number((pool.totalValue * 10_000n) / pool.depositCap) / 10_000 : null;
  const trancheLoss = tranche.lossAllocated - tranche.lossRestored;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/pools" className="hover:text-ink">
          Pools
        </Link>{' '}
        / <span className="text-ink">{pool.name}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={pool.category} />
          <PoolStatusBadge status={pool.status} />
          <span className="rounded-full border border-line px-2 py-0.5 text-xs font-medium text-ink-muted">
            Senior / junior tranches
          </span>
          <ChainBadge chainId={chain.id} />
          <span className="text-xs text-ink-faint">
            Pool <AddressLabel address={pool.address} />
          </span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{pool.name}</h1>
        {pool.projectName ? (
          <p className="text-sm text-ink-muted">
            Operated by{' '}
            <Link href={projectHref(chain.id, pool.projectId)} className="font-medium text-ink hover:text-accent">
              {pool.projectName}
            </Link>
          </p>
        ) : null}
      </header>

      <Card className="space-y-6">
        <dl className="grid grid-cols-1 gap-5 min-[400px]:grid-cols-2 md:grid-cols-4">
          <Stat
            label="Pool value"
            value={formatUsdc(pool.totalValue)}
            hint={`${formatPercent(capUsed)} of the ${formatUsdc(pool.depositCap, { compact: true })} cap`}
          />
          <Stat
            label="Senior"
            value={formatUsdc(pool.senior.value)}
            hint={`target ${formatPercent(pool.seniorRateBps / 10_000)} a year`}
          />
          <Stat
            label="Junior"
            value={formatUsdc(pool.junior.value)}
            hint={`30-day yield ${formatPercent(pool.junior.yield30d)}`}
          />
          <Stat
            label="Deployed in machines"
            value={formatUsdc(pool.outstandingPrincipal)}
            hint={`${formatUsdc(pool.idle, { compact: true })} idle cash`}
          />
        </dl>
        <SubordinationMeter now={pool.subordinationBps} minimum={pool.minSubordinationBps} />
        {pool.carriedInterest > 0n ? (
          <p className="rounded-lg border border-negative/40 bg-negative/5 px-3 py-2 text-sm" role="note">
            {formatUsdc(pool.carriedInterest)} of senior interest is carried from the last distribution: it is paid
            first from the next one, before junior gets anything.
          </p>
        ) : null}
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <aside className="space-y-4 lg:sticky lg:top-24 lg:order-last lg:self-start">
          <div id="tranche" className="scroll-mt-24">
            <TrancheSwitch
              selected={side}
              hrefFor={hrefFor}
              senior={pool.senior}
              junior={pool.junior}
              seniorRateBps={pool.seniorRateBps}
            />
          </div>
          <Card>
            <h2 className="sr-only">Invest in the {side} tranche</h2>
            <TrancheActions
              key={side}
              pool={pool.address}
              vault={tranche.address}
              side={side}
              chainId={chain.id}
              chainName={chain.name}
              symbol={tranche.symbol}
              minSubordinationBps={pool.minSubordinationBps}
              closed={pool.status === 'closed'}
            />
          </Card>
        </aside>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardTitle>{side === 'senior' ? 'Senior tranche' : 'Junior tranche'}</CardTitle>
            <p className="mt-1 text-sm text-ink-muted">
              {side === 'senior'
                ? `Paid ${formatPercent(pool.seniorRateBps / 10_000)} a year on its value from each distribution, after the protocol fee and before junior; any shortfall is carried and paid first. Loses only once junior is worth nothing.`
                : `Takes every loss first, and everything each distribution leaves after the protocol fee and senior’s interest. Must stay at least ${formatPercent(pool.minSubordinationBps / 10_000)} of the pool.`}
            </p>
            <dl
              className="mt-4 grid grid-cols-1 gap-5 min-[400px]:grid-cols-2 md:grid-cols-3"
              data-testid="tranche-figures"
            >
              <Stat label="Value" value={formatUsdc(tranche.value)} hint={`${tranche.holders} holders`} />
              <Stat
                label="Real yield, 30 days"
                value={formatPercent(tranche.yield30d)}
                hint={`since start ${formatPercent(tranche.yieldSinceInception)}`}
              />
              <Stat
                label="Revenue received"
                value={formatUsdc(tranche.revenueReceived)}
                hint={`${formatUsdc(tranche.revenueClaimed, { compact: true })} claimed in cash`}
              />
              <Stat
                label="Share price"
                value={formatUsdc(sharePrice(tranche.value, tranche.totalSupply))}
                hint={`per ${tranche.symbol}`}
              />
              <Stat
                label="Losses taken"
                value={
                  <span className={tranche.lossAllocated > 0n ? 'text-negative' : undefined}>
                    {formatUsdc(tranche.lossAllocated)}
                  </span>
                }
                hint={`${formatUsdc(tranche.lossRestored, { compact: true })} restored · ${formatUsdc(trancheLoss, { compact: true })} unrecovered`}
              />
              <Stat
                label="Exit queue"
                value={tranche.pendingRedeemShares > 0n ? 'Waiting' : 'Empty'}
                hint={
                  tranche.pendingRedeemShares > 0n
                    ? 'exits wait for idle cash, first in, first out'
                    : 'exits are paid from idle cash'
                }
              />
            </dl>
          </Card>

          <Card>
            <CardTitle>Revenue waterfall</CardTitle>
            <p className="mt-1 mb-4 text-sm text-ink-muted">
              Each distribution pays the protocol fee, then senior’s interest for the period, then junior the rest.
              {shortfalls > 0
                ? ` ${shortfalls} ${shortfalls === 1 ? 'distribution' : 'distributions'} fell short of senior’s rate: the shortfall was carried and paid first the next time.`
                : ''}
            </p>
            <WaterfallChart periods={periods} />
          </Card>

          <Card>
            <CardTitle>Losses and recoveries</CardTitle>
            {losses.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No losses: both tranches are whole.</p>
            ) : (
              <ul className="mt-2 divide-y divide-line text-sm" data-testid="tranche-losses">
                {losses.map((loss, i) => (
                  // One transaction may share out several losses: the position keeps keys apart.
                  <li key={`${loss.txHash}-${i}`} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      <LocalDateTime seconds={loss.timestamp} dateOnly />{' '}
                      {loss.kind === 'allocated' ? 'Loss shared out' : 'Recovery shared back'}
                    </span>
                    <span className="tabular-nums">
                      <span className={loss.kind === 'allocated' ? 'text-negative' : 'text-positive'}>
                        junior {loss.kind === 'allocated' ? '−' : '+'}
                        {formatUsdc(loss.toJunior)}
                      </span>{' '}
                      · senior {loss.kind === 'allocated' ? '−' : '+'}
                      {formatUsdc(loss.toSenior)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {pool.seniorLoss > 0n ? (
              <p className="mt-2 text-sm text-negative">
                Senior has {formatUsdc(pool.seniorLoss)} of losses not yet restored: recoveries go to senior first.
              </p>
            ) : null}
          </Card>

          <Card>
            <CardTitle>Machines financed by both tranches</CardTitle>
            <div className="mt-3">
              <PoolAssetTable assets={assets} />
            </div>
          </Card>
          <p className="text-xs text-ink-faint">
            Opened <LocalDateTime seconds={pool.createdAt} dateOnly /> · protocol fee{' '}
            {formatPercent(pool.protocolFeeBps / 10_000)} of revenue · senior vault{' '}
            <AddressLabel address={pool.senior.address} /> · junior vault <AddressLabel address={pool.junior.address} />
          </p>
        </div>
      </div>
    </div>
  );
}
