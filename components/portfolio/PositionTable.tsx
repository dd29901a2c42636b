import Link from 'next/link';
import type { ReactNode } from 'react';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import type { AccountPosition } from '@/lib/indexer/wire';
import { SignedUsdc } from './SignedUsdc';
import { poolKey, type PoolKey } from '@/lib/chain/pool-key';
import { poolHref } from '@/lib/chain/chain-routes';
import { ChainBadge } from '@/components/ui/ChainBadge';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import type { PoolLosses } from '@/lib/indexer/accounts';

type Provisions = ReadonlyMap<PoolKey, bigint>;
type Losses = ReadonlyMap<PoolKey, PoolLosses>;
/** What is known of each position's pool beside the position: its expected and its realised losses. */
type PoolNotes = { provisions: Provisions; losses: Losses };

export function PositionTable({
  positions,
  provisions = new Map(),
  losses = new Map(),
  empty = 'This address holds no pool shares and has no yield waiting.',
}: {
  positions: AccountPosition[];
  /** The pools' expected losses, where any: already deducted from the value shown. */
  provisions?: Provisions;
  /** The pools' write-downs and recoveries, where any: kept beside past positions too. */
  losses?: Losses;
  /** What to say when there is no position to list. */
  empty?: string;
}) {
  const notes: PoolNotes = { provisions, losses };
  if (positions.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-ink-muted">{empty}</p>
    );
  }
  return (
    <>
      <PositionCards positions={positions} notes={notes} />
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised lg:block">
        <PositionRows positions={positions} notes={notes} />
      </div>
    </>
  );
}

/** A pool the account has left entirely: kept for its realised P&L and the yield it claimed there. */
const exited = (p: AccountPosition) => p.shares === 0n && p.claimableRevenue === 0n;

function ExitedTag({ position }: { position: AccountPosition }) {
  if (!exited(position)) return null;
  return <span className="rounded bg-surface-sunken px-1.5 py-0.5 text-xs text-ink-muted">Exited</span>;
}

function LockedNote({ position }: { position: AccountPosition }) {
  if (position.lockedShares === 0n) return null;
  return <div className="text-xs text-ink-faint">{formatShares(position.lockedShares)} in exit queue</div>;
}

/** A pool's realised losses beside the position: written down, what came back, and when it last did. */
function LossNote({ position, losses }: { position: AccountPosition; losses: Losses }) {
  const loss = losses.get(poolKey(position.chainId, position.pool));
  if (!loss) return null;
  return (
    <div className="text-xs text-ink-muted" data-testid="position-losses">
      pool wrote down {formatUsdc(loss.writtenDown, { compact: true })}
      {loss.recovered > 0n ? (
        <>
          , recovered {formatUsdc(loss.recovered, { compact: true })}
          {loss.lastRecoveryAt !== null ? (
            <>
              {' '}
              (last <LocalDateTime seconds={loss.lastRecoveryAt} dateOnly />)
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function ProvisionNote({ position, provisions }: { position: AccountPosition; provisions: Provisions }) {
  const provision = provisions.get(poolKey(position.chainId, position.pool));
  if (!provision) return null;
  return (
    <div className="text-xs text-negative" data-testid="position-provision">
      after the pool’s {formatUsdc(provision, { compact: true })} expected losses
    </div>
  );
}

/** Phones and tablets: one card per position. */
function PositionCards({ positions, notes }: { positions: AccountPosition[]; notes: PoolNotes }) {
  return (
    <ul className="space-y-3 lg:hidden" aria-label="Positions">
      {positions.map((p) => (
        <li key={poolKey(p.chainId, p.pool)} className="rounded-xl border border-line bg-surface-raised p-4">
          <div className="flex items-start justify-between gap-3">
            <Link href={poolHref(p.chainId, p.pool)} className="min-w-0 font-medium hover:text-accent">
              {p.poolName}
            </Link>
            <CategoryBadge category={p.category} />
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
            <span>{p.poolSymbol}</span>
            <PoolStatusBadge status={p.poolStatus} />
            <ChainBadge chainId={p.chainId} />
            <ExitedTag position={p} />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
            <PositionFigure
              label="Value"
              value={
                <>
                  {formatUsdc(p.value)}
                  <ProvisionNote position={p} provisions={notes.provisions} />
                  <LossNote position={p} losses={notes.losses} />
                </>
              }
              strong
            />
            <PositionFigure label="Cost basis" value={formatUsdc(p.costBasis)} />
            <PositionFigure
              label="Shares"
              value={
                <>
                  {formatShares(p.shares)} <span className="text-xs text-ink-faint">{p.poolSymbol}</span>
                  <LockedNote position={p} />
                </>
              }
            />
            <PositionFigure label="Yield claimed" value={formatUsdc(p.revenueClaimed)} />
            <PositionFigure label="Yield claimable" value={formatUsdc(p.claimableRevenue)} />
            <PnlFigure position={p} />
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** A position card's P&L: unrealised, with the total return under it. */
export function PnlFigure({ position }: { position: { unrealisedPnl: bigint; totalReturn: bigint } }) {
  return (
    <PositionFigure
      label="P&L"
      value={
        <>
          <SignedUsdc amount={position.unrealisedPnl} />
          <div className="text-xs text-ink-faint">
            total return <SignedUsdc amount={position.totalReturn} />
          </div>
        </>
      }
    />
  );
}

/** One labelled figure of a position card (pools' and tranches'). */
export function PositionFigure({
  label,
  value,
  strong = false,
}: {
  label: string;
  value: ReactNode;
  strong?: boolean;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-faint">{label}</dt>
      <dd className={`tabular-nums ${strong ? 'font-medium' : ''}`}>{value}</dd>
    </div>
  );
}

function PositionRows({ positions, notes }: { positions: AccountPosition[]; notes: PoolNotes }) {
  const num = 'px-4 py-3 text-right tabular-nums';
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Positions, one row per pool</caption>
      <thead className="whitespace-nowrap border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
        <tr>
          <th scope="col" className="px-4 py-3 text-left">
            Pool
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Shares
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Value
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Cost basis
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Yield claimed
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            Yield claimable
          </th>
          <th scope="col" className="px-4 py-3 text-right">
            P&amp;L
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {positions.map((p) => (
          <tr
            key={poolKey(p.chainId, p.pool)}
            data-testid="position-row"
            data-pool={p.pool}
            data-chain={p.chainId}
            className="align-top"
          >
            <th scope="row" className="px-4 py-3 text-left font-normal">
              <Link href={poolHref(p.chainId, p.pool)} className="font-medium hover:text-accent">
                {p.poolName}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
                <CategoryBadge category={p.category} />
                <PoolStatusBadge status={p.poolStatus} />
                <ChainBadge chainId={p.chainId} />
                <ExitedTag position={p} />
              </div>
            </th>
            <td className={num}>
              <span data-testid="position-shares">{formatShares(p.shares)}</span>
              <div className="text-xs text-ink-faint">{p.poolSymbol}</div>
              <LockedNote position={p} />
            </td>
            <td className={`${num} font-medium`}>
              {formatUsdc(p.value)}
              <ProvisionNote position={p} provisions={notes.provisions} />
              <LossNote position={p} losses={notes.losses} />
            </td>
            <td className={num}>{formatUsdc(p.costBasis)}</td>
            <td className={num}>{formatUsdc(p.revenueClaimed)}</td>
            <td className={num} data-testid="position-claimable">
              {formatUsdc(p.claimableRevenue)}
            </td>
            <td className={num}>
              <SignedUsdc amount={p.unrealisedPnl} />
              <div className="whitespace-nowrap text-xs text-ink-faint">
                total <SignedUsdc amount={p.totalReturn} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
