import type { PoolLabel } from '@/lib/indexer/accounts';
import type { StatementTransaction } from '@/lib/indexer/statement-wire';
import { poolKey, type PoolKey } from '@/lib/chain/pool-key';
import { shortAddress } from '@/lib/format/address';
import { formatShares, formatUsdcExact } from '@/lib/format/usdc';
import { transactionUrl } from '@/lib/feeds/investor-notices';
import { isoUtc } from '@/lib/portfolio/portfolio-csv';
import { TRANSACTION_LABEL } from '@/lib/statements/statement-view';

/** Every transaction of the period, oldest first, each with its block, time (UTC) and full hash. */
export function StatementTransactions({
  chainId,
  transactions,
  pools,
  showWallet,
}: {
  chainId: number;
  transactions: StatementTransaction[];
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  showWallet: boolean;
}) {
  if (transactions.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-ink-muted">
        No transaction in this period.
      </p>
    );
  const poolName = (t: StatementTransaction) => pools.get(poolKey(chainId, t.pool))?.name ?? shortAddress(t.pool);
  return (
    <div data-testid="statement-transactions">
      {/* On a phone, one card per transaction: a seven-column table would not fit. */}
      <ul
        className="divide-y divide-line rounded-xl border border-line bg-surface-raised md:hidden"
        aria-label="Transactions"
      >
        {transactions.map((t, i) => (
          <li key={`${t.txHash}-${t.kind}-${i}`} className="space-y-1 p-4 text-sm">
            <div className="flex items-start justify-between gap-3">
              <span className="font-medium">{TRANSACTION_LABEL[t.kind]}</span>
              <span className="shrink-0 tabular-nums">{t.amount === null ? '' : formatUsdcExact(t.amount)}</span>
            </div>
            <div className="flex items-start justify-between gap-3 text-ink-muted">
              <span className="min-w-0">{poolName(t)}</span>
              <span className="shrink-0 tabular-nums">{t.shares === null ? '' : formatShares(t.shares)}</span>
            </div>
            {showWallet ? <div className="font-mono text-xs text-ink-muted">{shortAddress(t.account)}</div> : null}
            <div className="text-xs text-ink-faint">
              {isoUtc(t.timestamp).replace('T', ' ')} · block {t.blockNumber.toString()}
            </div>
            <div className="break-all font-mono text-xs text-ink-faint">{t.txHash}</div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Transactions of the period, oldest first</caption>
          <thead className="border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 text-left">
                Time (UTC)
              </th>
              <th scope="col" className="px-4 py-3 text-left">
                Type
              </th>
              {showWallet ? (
                <th scope="col" className="px-4 py-3 text-left">
                  Wallet
                </th>
              ) : null}
              <th scope="col" className="px-4 py-3 text-left">
                Pool
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                USDC
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Shares
              </th>
              <th scope="col" className="px-4 py-3 text-left">
                Block · transaction
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {transactions.map((t, i) => {
              const url = transactionUrl(chainId, t.txHash as `0x${string}`);
              return (
                <tr key={`${t.txHash}-${t.kind}-${i}`} data-testid="statement-transaction" data-kind={t.kind}>
                  <td className="whitespace-nowrap px-4 py-2 text-ink-muted">
                    {isoUtc(t.timestamp).replace('T', ' ')}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 font-medium">{TRANSACTION_LABEL[t.kind]}</td>
                  {showWallet ? (
                    <td className="px-4 py-2 font-mono text-xs text-ink-muted" title={t.account}>
                      {shortAddress(t.account)}
                    </td>
                  ) : null}
                  <td className="px-4 py-2">{poolName(t)}</td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                    {t.amount === null ? '' : formatUsdcExact(t.amount)}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                    {t.shares === null ? '' : formatShares(t.shares)}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-ink-faint">
                    <span className="mr-2">{t.blockNumber.toString()}</span>
                    {url ? (
                      <a href={url} className="break-all hover:text-accent" rel="noreferrer">
                        {t.txHash}
                      </a>
                    ) : (
                      <span className="break-all">{t.txHash}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
