'use client';

import type { Address } from 'viem';
import { useRestoredTransactions } from '@/lib/wallet/use-tracked-transaction';

/**
 * Transactions signed before the page was (re)loaded, followed to their receipt and into the indexer
 * (useRestoredTransactions). Nothing the user sent goes missing on a reload.
 */
export function PendingTransactionNotice({
  pool,
  chainId,
  label,
}: {
  pool: Address | readonly Address[];
  chainId: number;
  /** Only this kind of action (the portfolio's claim across pools). */
  label?: string;
}) {
  const watched = useRestoredTransactions(pool, chainId, label);
  if (watched.length === 0) return null;
  return (
    <ul className="space-y-2" aria-live="polite" aria-label="Transactions sent earlier">
      {watched.map((tx) => (
        <li
          key={tx.hash}
          data-testid="pending-transaction"
          data-outcome={tx.outcome}
          className={`rounded-lg border p-3 text-sm ${
            tx.outcome === 'failed' ? 'border-negative/40 bg-negative/5' : 'border-accent/40 bg-accent/5'
          }`}
        >
          <span className="font-medium">{tx.label}</span>{' '}
          {tx.outcome === 'waiting'
            ? tx.calls
              ? 'proposed before this page loaded: waiting for your wallet to execute it (a Safe waits for its owners to confirm), then for it to be recorded…'
              : 'sent before this page loaded: waiting for it to be confirmed and recorded…'
            : tx.outcome === 'confirmed'
              ? 'confirmed and recorded.'
              : `did not go through. ${tx.detail ?? ''}`}
          <span className="mt-0.5 block truncate font-mono text-xs text-ink-faint" title={tx.hash}>
            {tx.hash}
          </span>
        </li>
      ))}
    </ul>
  );
}
