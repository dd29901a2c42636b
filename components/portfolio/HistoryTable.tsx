import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import type { PoolLabel } from '@/lib/indexer/accounts';
import type { HistoryEntry } from '@/lib/indexer/wire';
import { HISTORY_KIND_LABEL } from '@/lib/portfolio/history-filter';
import type { PoolKey } from '@/lib/chain/pool-key';
import { shortAddress } from '@/lib/format/address';
import { PoolNameLink } from './PoolNameLink';

/** From the investor's side: cash paid in is plain, cash received is green; shares gained or given up. */
function amountText(entry: HistoryEntry): { text: string; tone: string } {
  if (entry.amount === null) return { text: '—', tone: 'text-ink-faint' };
  const amount = formatUsdc(entry.amount);
  switch (entry.kind) {
    case 'deposit':
      return { text: `−${amount}`, tone: '' };
    case 'withdrawal':
    case 'claim':
    case 'redemption_claim':
      return { text: `+${amount}`, tone: 'text-positive' };
    default:
      return { text: amount, tone: '' };
  }
}

function sharesText(entry: HistoryEntry): string {
  if (entry.shares === null) return '—';
  const shares = formatShares(entry.shares);
  if (entry.kind === 'deposit') return `+${shares}`;
  if (entry.kind === 'withdrawal' || entry.kind === 'redemption_fill') return `−${shares}`;
  if (entry.kind === 'redemption_cancel') return `${shares} unlocked`;
  return `${shares} queued`;
}

function TxHash({ hash }: { hash: string }) {
  return (
    <span className="font-mono text-[0.85em]" title={hash}>
      {hash.slice(0, 10)}…{hash.slice(-6)}
    </span>
  );
}

const key = (entry: HistoryEntry) =>
  `${entry.chainId}-${entry.txHash}-${entry.kind}-${entry.logOrder}-${entry.pool}-${entry.tranche}-${entry.account}`;

/** `showWallet`: an entity's history, where each row says which of its wallets it is. */
export function HistoryTable({
  history,
  pools,
  showWallet = false,
}: {
  history: HistoryEntry[];
  pools: ReadonlyMap<PoolKey, PoolLabel>;
  showWallet?: boolean;
}) {
  return (
    <>
      <ul
        className="divide-y divide-line rounded-xl border border-line bg-surface-raised md:hidden"
        aria-label="History"
      >
        {history.map((entry) => {
          const amount = amountText(entry);
          return (
            <li key={key(entry)} className="space-y-1 p-4 text-sm">
              <div className="flex items-start justify-between gap-3">
                <span className="font-medium">{HISTORY_KIND_LABEL[entry.kind]}</span>
                {entry.amount !== null ? (
                  <span className={`shrink-0 font-medium tabular-nums ${amount.tone}`}>{amount.text}</span>
                ) : null}
              </div>
              <div className="flex items-start justify-between gap-3 text-ink-muted">
                <span className="min-w-0">
                  <PoolNameLink chainId={entry.chainId} pool={entry.pool} tranche={entry.tranche} pools={pools} />
                </span>
                {entry.shares !== null ? <span className="shrink-0 tabular-nums">{sharesText(entry)}</span> : null}
              </div>
              {showWallet ? (
                <div className="font-mono text-xs text-ink-muted" title={entry.account}>
                  {shortAddress(entry.account)}
                </div>
              ) : null}
              <div className="flex flex-wrap justify-between gap-x-3 text-xs text-ink-faint">
                <LocalDateTime seconds={entry.timestamp} />
                <TxHash hash={entry.txHash} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">History, newest first</caption>
          <thead className="border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 text-left">
                Date
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
                Amount
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Shares
              </th>
              <th scope="col" className="px-4 py-3 text-left">
                Transaction
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {history.map((entry) => {
              const amount = amountText(entry);
              return (
                <tr key={key(entry)} data-testid="history-row" data-kind={entry.kind} data-pool={entry.pool}>
                  <td className="whitespace-nowrap px-4 py-3 text-ink-muted">
                    <LocalDateTime seconds={entry.timestamp} />
                  </td>
                  <td className="px-4 py-3 font-medium">{HISTORY_KIND_LABEL[entry.kind]}</td>
                  {showWallet ? (
                    <td className="px-4 py-3 font-mono text-xs text-ink-muted" title={entry.account}>
                      {shortAddress(entry.account)}
                    </td>
                  ) : null}
                  <td className="px-4 py-3">
                    <PoolNameLink chainId={entry.chainId} pool={entry.pool} tranche={entry.tranche} pools={pools} />
                  </td>
                  <td className={`whitespace-nowrap px-4 py-3 text-right tabular-nums ${amount.tone}`}>
                    {amount.text}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{sharesText(entry)}</td>
                  <td className="px-4 py-3 text-xs text-ink-faint">
                    <TxHash hash={entry.txHash} />
                    <div>block {entry.blockNumber.toString()}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
