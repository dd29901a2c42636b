import Link from 'next/link';
import { poolHref } from '@/lib/chain/chain-routes';
import { shortAddress } from '@/lib/format/address';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import type { TranchePosition } from '@/lib/indexer/tranche-wire';
import { portfolioPath } from '@/lib/portfolio/portfolio-address';
import { PnlFigure, PositionFigure } from './PositionTable';
import { SignedUsdc } from './SignedUsdc';

/**
 * Holdings per tranche: each row one tranche of one pool (of one wallet, for an entity: `showWallet`), linking to
 * the pool page on that tranche. P&L is value minus cost basis at average cost, as the pool positions'.
 */
export function TranchePositionTable({
  positions,
  showWallet = false,
}: {
  positions: TranchePosition[];
  showWallet?: boolean;
}) {
  return (
    <>
      <TrancheCards positions={positions} showWallet={showWallet} />
      <TrancheRows positions={positions} showWallet={showWallet} />
    </>
  );
}

const sideLabel = (p: TranchePosition) => (p.side === 'senior' ? 'Senior' : 'Junior');

/** Where the exit stands, if one is under way: shares queued, USDC filled and not collected yet. */
function ExitNote({ p }: { p: TranchePosition }) {
  return (
    <>
      {p.pendingRedeemShares > 0n ? ` · ${formatShares(p.pendingRedeemShares)} waiting to exit` : ''}
      {p.claimableRedeemAssets > 0n ? ` · ${formatUsdc(p.claimableRedeemAssets)} exit filled, to collect` : ''}
    </>
  );
}

/** On a phone: a card per tranche, as the pool positions have. */
function TrancheCards({ positions, showWallet }: { positions: TranchePosition[]; showWallet: boolean }) {
  return (
    <ul className="space-y-3 lg:hidden" aria-label="Positions per tranche">
      {positions.map((p) => (
        <li
          key={`${p.account}-${p.chainId}-${p.tranche}`}
          className="rounded-xl border border-line bg-surface-raised p-4"
        >
          <Link href={poolHref(p.chainId, p.pool, { tranche: p.side })} className="font-medium hover:text-accent">
            {p.poolName}
          </Link>
          <div className="mt-1 text-xs text-ink-faint">
            {sideLabel(p)} · {p.symbol}
            <ExitNote p={p} />
            {showWallet ? (
              <>
                {' · '}
                <Link href={portfolioPath(p.account)} className="font-mono hover:text-accent">
                  {shortAddress(p.account)}
                </Link>
              </>
            ) : null}
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
            <PositionFigure label="Value" value={formatUsdc(p.value)} strong />
            <PositionFigure label="Cost basis" value={formatUsdc(p.costBasis)} />
            <PositionFigure
              label="Shares"
              value={
                <>
                  {formatShares(p.shares)} <span className="text-xs text-ink-faint">{p.symbol}</span>
                </>
              }
            />
            <PositionFigure label="Revenue claimed" value={formatUsdc(p.revenueClaimed)} />
            <PositionFigure label="Revenue claimable" value={formatUsdc(p.claimableRevenue)} />
            <PnlFigure position={p} />
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** On a wider screen: a row per tranche. */
function TrancheRows({ positions, showWallet }: { positions: TranchePosition[]; showWallet: boolean }) {
  return (
    <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised lg:block">
      <table className="w-full min-w-[48rem] text-sm tabular-nums" data-testid="tranche-positions">
        <caption className="sr-only">Positions per tranche</caption>
        <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
          <tr>
            {showWallet ? (
              <th scope="col" className="px-4 py-3">
                Wallet
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3">
              Pool · tranche
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Shares
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Value
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Cost basis / P&amp;L
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Deposited / withdrawn
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Revenue claimable / claimed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {positions.map((p) => (
            <tr key={`${p.account}-${p.chainId}-${p.tranche}`} data-testid="tranche-position-row" data-tranche={p.side}>
              {showWallet ? (
                <td className="px-4 py-3">
                  <Link href={portfolioPath(p.account)} className="font-mono text-xs hover:text-accent">
                    {shortAddress(p.account)}
                  </Link>
                </td>
              ) : null}
              <td className="px-4 py-3">
                <Link href={poolHref(p.chainId, p.pool, { tranche: p.side })} className="font-medium hover:text-accent">
                  {p.poolName}
                </Link>
                <div className="text-xs text-ink-muted">
                  {sideLabel(p)} · {p.symbol}
                  <ExitNote p={p} />
                </div>
              </td>
              <td className="px-4 py-3 text-right">{formatShares(p.shares)}</td>
              <td className="px-4 py-3 text-right font-medium">{formatUsdc(p.value)}</td>
              <td className="px-4 py-3 text-right">
                <span className="text-ink-muted">{formatUsdc(p.costBasis, { compact: true })} / </span>
                <SignedUsdc amount={p.unrealisedPnl} />
                {p.realisedPnl !== 0n ? (
                  <div className="text-xs text-ink-muted">
                    realised <SignedUsdc amount={p.realisedPnl} />
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3 text-right text-ink-muted">
                {formatUsdc(p.deposited, { compact: true })} / {formatUsdc(p.withdrawn, { compact: true })}
              </td>
              <td className="px-4 py-3 text-right">
                <span className="font-medium">{formatUsdc(p.claimableRevenue)}</span>
                <span className="text-ink-muted"> / {formatUsdc(p.revenueClaimed, { compact: true })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
