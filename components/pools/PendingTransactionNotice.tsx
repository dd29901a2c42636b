'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useConfig } from 'wagmi';
import {
  forgetPendingTransaction,
  pendingTransactionsFor,
  type PendingTransaction,
} from '@/lib/wallet/pending-transactions';
import { refreshAfterIndexing } from '@/lib/wallet/refresh-after-indexing';
import { settleTransaction } from '@/lib/wallet/use-tracked-transaction';
import { describeWalletError } from '@/lib/wallet/wallet-error';

type Watched = PendingTransaction & { outcome: 'waiting' | 'confirmed' | 'failed'; detail?: string };

/**
 * Transactions signed before the page was (re)loaded: found in localStorage, followed to their receipt and
 * into the indexer, then the page's figures refresh. Nothing the user sent goes missing on a reload.
 */
export function PendingTransactionNotice({ pool, chainId }: { pool: Address; chainId: number }) {
  const { address: account } = useAccount();
  const config = useConfig();
  const router = useRouter();
  const [watched, setWatched] = useState<Watched[]>([]);

  useEffect(() => {
    if (!account) return;
    const found = pendingTransactionsFor(pool, account, chainId);
    if (found.length === 0) return;
    let live = true;
    const update = (hash: string, change: Partial<Watched>) =>
      live && setWatched((list) => list.map((t) => (t.hash === hash ? { ...t, ...change } : t)));
    for (const tx of found) {
      // Shown first, then followed to its outcome (both from this subscription, after mount).
      void Promise.resolve()
        .then(
          () =>
            live && setWatched((list) => [...list.filter((t) => t.hash !== tx.hash), { ...tx, outcome: 'waiting' }]),
        )
        .then(() => settleTransaction(config, tx.hash))
        .then(() => {
          forgetPendingTransaction(tx.hash);
          update(tx.hash, { outcome: 'confirmed' });
          refreshAfterIndexing(router);
        })
        .catch((error: unknown) => {
          forgetPendingTransaction(tx.hash);
          update(tx.hash, { outcome: 'failed', detail: describeWalletError(error) });
        });
    }
    return () => {
      live = false;
    };
  }, [account, chainId, config, pool, router]);

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
            ? 'sent before this page loaded: waiting for it to be confirmed and recorded…'
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
