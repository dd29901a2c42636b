import Link from 'next/link';
import type { Address } from 'viem';
import { formatUsdc } from '@/lib/format/usdc';
import { portfolioPath } from '@/lib/portfolio/portfolio-address';
import { portfolioTotals, poolsHeld, type Holding } from '@/lib/portfolio/portfolio-totals';
import { SignedUsdc } from './SignedUsdc';

/**
 * An entity's per-wallet breakdown: what each wallet holds and has earned, in pools and tranches alike, and the
 * sum, which is the entity's.
 */
export function EntityWalletTable({ wallets }: { wallets: { wallet: Address; positions: Holding[] }[] }) {
  const rows = wallets.map(({ wallet, positions }) => ({
    wallet,
    pools: poolsHeld(positions),
    totals: portfolioTotals(positions),
  }));
  const sum = portfolioTotals(wallets.flatMap((w) => w.positions));
  const cell = 'px-3 py-2 text-right tabular-nums';
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised">
      <table className="w-full min-w-[40rem] text-sm" aria-label="Wallets">
        <thead className="text-xs text-ink-muted">
          <tr className="border-b border-line">
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Wallet
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Pools
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Value
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Claimable yield
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Yield claimed
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Total return
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ wallet, pools, totals }) => (
            <tr key={wallet} className="border-b border-line last:border-0" data-testid="entity-wallet-row">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={portfolioPath(wallet)} className="font-mono text-xs hover:text-accent">
                  {wallet}
                </Link>
              </th>
              <td className={cell}>{pools}</td>
              <td className={cell} data-testid="entity-wallet-value">
                {formatUsdc(totals.value)}
              </td>
              <td className={cell}>{formatUsdc(totals.claimable)}</td>
              <td className={cell}>{formatUsdc(totals.claimed)}</td>
              <td className={cell}>
                <SignedUsdc amount={totals.totalReturn} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-line font-semibold">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              All {rows.length} wallets
            </th>
            <td className={cell}>{poolsHeld(wallets.flatMap((w) => w.positions))}</td>
            <td className={cell}>{formatUsdc(sum.value)}</td>
            <td className={cell}>{formatUsdc(sum.claimable)}</td>
            <td className={cell}>{formatUsdc(sum.claimed)}</td>
            <td className={cell}>
              <SignedUsdc amount={sum.totalReturn} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
