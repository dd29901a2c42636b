import type { ReactNode } from 'react';
import { PortfolioSection } from '@/components/portfolio/PortfolioSection';
import { shortAddress } from '@/lib/format/address';
import { formatUsdcExact } from '@/lib/format/usdc';
import type { PoolKey } from '@/lib/chain/pool-key';
import type { PoolLabel } from '@/lib/indexer/accounts';
import type { PeriodStatement } from '@/lib/indexer/statement-wire';
import { isoUtc } from '@/lib/portfolio/portfolio-csv';
import { reconciliationGap, reconciliationTerms } from '@/lib/statements/statement-lines';
import type { StatementPeriod } from '@/lib/statements/statement-period';
import { statementColumns } from '@/lib/statements/statement-view';
import { StatementTable } from './StatementTable';
import { StatementTransactions } from './StatementTransactions';

const signed = (amount: bigint) => (amount < 0n ? `−${formatUsdcExact(-amount)}` : formatUsdcExact(amount));

/** A statement that tied out: both ends, the reconciliation, the table by pool, the wallets, the transactions. */
export function StatementBody({
  period,
  statement,
  pools,
  downloads,
  wallets,
}: {
  period: StatementPeriod;
  statement: PeriodStatement;
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  downloads: { csv: string; pdf: string };
  /** An entity's wallets: each one's reconciliation is listed. */
  wallets?: readonly `0x${string}`[];
}) {
  const terms = reconciliationTerms(statement.total);
  return (
    <div className="space-y-10">
      <section aria-labelledby="period-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="period-title" className="text-xl font-semibold" data-testid="statement-period">
            {period.label}
          </h2>
          <div className="flex gap-3 text-sm font-medium">
            <a href={downloads.csv} download className="text-accent hover:underline">
              ↓ CSV
            </a>
            <a href={downloads.pdf} download className="text-accent hover:underline">
              ↓ PDF
            </a>
          </div>
        </div>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Boundary
            title="Opening"
            testId="statement-opening"
            block={statement.opening.block}
            timestamp={statement.opening.timestamp}
            what={
              statement.opening.timestamp >= BigInt(Date.parse(`${statement.from}T00:00:00Z`) / 1000)
                ? `the chain’s first block: the chain began after ${statement.from}`
                : `the last block before ${statement.from}`
            }
          />
          <Boundary
            title="Closing"
            testId="statement-closing"
            block={statement.closing.block}
            timestamp={statement.closing.timestamp}
            what={statement.complete ? `the last block of ${statement.to}` : 'the latest indexed block'}
          />
        </dl>
        {statement.complete ? null : (
          <p className="rounded-lg border border-line bg-surface-sunken/50 px-3 py-2 text-sm text-ink-muted">
            This period is not over: the statement closes at the latest indexed block and grows until {statement.to}{' '}
            ends.
          </p>
        )}
        <Reconciliation terms={terms} tied={reconciliationGap(statement.total) === 0n} />
      </section>

      <PortfolioSection
        title="By pool"
        note="Amounts in USDC, exact to the base unit. What leaves the position is negative; a holding’s share of a loss is the fall of its own value at that event, as the vault prices it. Hover a line for what it is."
      >
        {statement.pools.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-ink-muted">
            No position at either end of this period, and nothing in between.
          </p>
        ) : (
          <StatementTable columns={statementColumns(statement, pools)} />
        )}
      </PortfolioSection>

      {wallets && statement.holdings.length > 0 ? (
        <PortfolioSection title="By wallet">
          <WalletReconciliations statement={statement} wallets={wallets} />
        </PortfolioSection>
      ) : null}

      <PortfolioSection
        title="Transactions"
        note={
          statement.transactionsTruncated
            ? `Only the first ${statement.transactions.length.toLocaleString('en-US')} transactions are listed: choose a shorter period for the rest.`
            : undefined
        }
      >
        <StatementTransactions
          chainId={statement.chainId}
          transactions={statement.transactions}
          pools={pools}
          showWallet={Boolean(wallets)}
        />
      </PortfolioSection>
    </div>
  );
}

function Boundary(props: { title: string; testId: string; block: bigint; timestamp: bigint; what: string }) {
  return (
    <div
      className="rounded-xl border border-line bg-surface-raised p-4"
      data-testid={props.testId}
      data-block={props.block.toString()}
    >
      <dt className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{props.title}</dt>
      <dd className="mt-1">
        Block <span className="font-mono">{props.block.toString()}</span>,{' '}
        <span className="whitespace-nowrap">{isoUtc(props.timestamp).replace('T', ' ')}</span>
        <div className="text-xs text-ink-faint">{props.what}</div>
      </dd>
    </div>
  );
}

function Reconciliation({ terms, tied }: { terms: ReturnType<typeof reconciliationTerms>; tied: boolean }) {
  const parts: [string, ReactNode][] = [
    ['Opening', formatUsdcExact(terms.opening)],
    ['+ flows', signed(terms.flows)],
    ['+ income', signed(terms.income)],
    ['− losses', signed(terms.losses)],
    ['+ rounding', signed(terms.rounding)],
    ['= closing', formatUsdcExact(terms.closing)],
  ];
  return (
    <div className="rounded-xl border border-line bg-surface-raised p-4" data-testid="reconciliation" data-tied={tied}>
      <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Reconciliation, all pools</p>
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {parts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className={`mt-2 text-xs ${tied ? 'text-positive' : 'text-negative'}`}>
        {tied
          ? '✓ Ties to the USDC base unit, for every pool and every wallet (checked when this statement was made).'
          : '✗ Does not tie out.'}
      </p>
    </div>
  );
}

function WalletReconciliations({
  statement,
  wallets,
}: {
  statement: PeriodStatement;
  wallets: readonly `0x${string}`[];
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised">
      <table className="w-full text-sm" data-testid="statement-wallets">
        <caption className="sr-only">Each wallet’s reconciliation, summed over its pools</caption>
        <thead className="border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
          <tr>
            {['Wallet', 'Opening', 'Flows', 'Income', 'Losses', 'Rounding', 'Closing'].map((h, i) => (
              <th key={h} scope="col" className={`px-4 py-3 ${i === 0 ? 'text-left' : 'text-right'}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {wallets.map((wallet) => {
            const mine = statement.holdings.filter((h) => h.account.toLowerCase() === wallet.toLowerCase());
            if (mine.length === 0) return null;
            const t = mine.map(reconciliationTerms).reduce((a, b) => ({
              opening: a.opening + b.opening,
              flows: a.flows + b.flows,
              income: a.income + b.income,
              losses: a.losses + b.losses,
              rounding: a.rounding + b.rounding,
              closing: a.closing + b.closing,
            }));
            return (
              <tr key={wallet} data-testid="statement-wallet" data-wallet={wallet}>
                <td className="px-4 py-2 font-mono text-xs" title={wallet}>
                  {shortAddress(wallet)}
                </td>
                {[t.opening, t.flows, t.income, t.losses, t.rounding, t.closing].map((v, i) => (
                  <td key={i} className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                    {signed(v)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
