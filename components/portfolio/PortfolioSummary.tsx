import { Card } from '@/components/ui/Card';
import { Stat } from '@/components/ui/Stat';
import { formatUsdc } from '@/lib/format/usdc';
import type { PortfolioTotals } from '@/lib/portfolio/portfolio-totals';
import { SignedUsdc } from './SignedUsdc';

/**
 * Totals over pool and tranche positions alike. `pools`: the pools with shares held, a tranched pool once
 * whichever of its tranches are held; `tranched`: how many of them are tranched.
 */
export function PortfolioSummary({
  totals,
  pools,
  tranched = 0,
  incomplete,
}: {
  totals: PortfolioTotals;
  pools: number;
  tranched?: number;
  /** What the totals leave out, when a part of the portfolio could not be read: said beside them. */
  incomplete?: string;
}) {
  const held = `${pools} ${pools === 1 ? 'pool' : 'pools'}${tranched > 0 ? ` (${tranched} tranched)` : ''}`;
  return (
    <Card>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-5 sm:grid-cols-4" aria-label="Portfolio totals">
        <Stat
          label="Value"
          value={<span data-testid="total-value">{formatUsdc(totals.value)}</span>}
          hint={`${held}, at today’s share prices`}
        />
        <Stat label="Cost basis" value={formatUsdc(totals.costBasis)} hint="average cost of the shares held" />
        <Stat label="Unrealised P&L" value={<SignedUsdc amount={totals.unrealisedPnl} />} hint="value − cost basis" />
        <Stat label="Realised P&L" value={<SignedUsdc amount={totals.realisedPnl} />} hint="on shares already exited" />
        <Stat label="Yield claimed" value={formatUsdc(totals.claimed)} hint="revenue paid out in USDC" />
        <Stat
          label="Yield claimable"
          value={<span data-testid="total-claimable">{formatUsdc(totals.claimable)}</span>}
          hint="accrued, not yet claimed"
        />
        <Stat
          label="Total return"
          value={<SignedUsdc amount={totals.totalReturn} />}
          hint="P&L plus all yield earned"
        />
      </dl>
      {incomplete ? (
        <p role="status" className="mt-4 text-sm text-negative">
          {incomplete}
        </p>
      ) : null}
    </Card>
  );
}
