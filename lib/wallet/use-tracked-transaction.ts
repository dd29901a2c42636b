'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { Address, Hash } from 'viem';
import { useAccount, useConfig, type Config } from 'wagmi';
import { waitForTransactionReceipt, type WriteContractParameters } from 'wagmi/actions';
import { waitForIndexedBlock } from '../indexer/indexed-block';
import { forgetPendingTransaction, pendingTransactionsFor, rememberPendingTransaction } from './pending-transactions';
import type { PendingTransaction } from './pending-transactions';
import { refreshAfterIndexing } from './refresh-after-indexing';
import { describeWalletError } from './wallet-error';
import { writeWithGasMargin } from './write-with-gas-margin';

export type TransactionPhase = 'idle' | 'signing' | 'mining' | 'indexing' | 'done' | 'failed';

export type TrackedTransaction = {
  phase: TransactionPhase;
  label?: string;
  hash?: Hash;
  error?: string;
  /** The transaction is on chain but the indexer had not caught up in time: lists will follow. */
  indexerLagging?: boolean;
};

/** What an action's `prepare` gets: the wallet's config and the connected account. */
export type WriteContext = { config: Config; account: Address };

/**
 * An action's contract call, simulated: the result of wagmi's `simulateContract`, so the call is typed
 * against its ABI where it is written, and a call the contract would reject never reaches the wallet.
 */
export type SimulatedWrite = { request: WriteContractParameters };

export type TrackedTransactionOptions = {
  pool: Address;
  account: Address | undefined;
  chainId: number;
  /** Chain reads the action changes (balances, claimable, …): refetched after the receipt and after indexing. */
  invalidate: QueryKey[];
};

const IDLE: TrackedTransaction = { phase: 'idle' };

/** Waits for a sent transaction's receipt on its chain; throws when it reverted. */
export async function confirmTransaction(config: Config, hash: Hash, chainId: number) {
  const receipt = await waitForTransactionReceipt(config, { hash, chainId });
  if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted on chain.`);
  return receipt;
}

/**
 * Waits for a sent transaction to be mined and then indexed. Throws when it reverted. Resolves whether the
 * indexer caught up (false: the figures will follow on a later refresh).
 */
async function settleTransaction(config: Config, hash: Hash, chainId: number): Promise<{ indexed: boolean }> {
  const receipt = await confirmTransaction(config, hash, chainId);
  return { indexed: await waitForIndexedBlock(chainId, receipt.blockNumber) };
}

/**
 * The life of one wallet action after the user presses its button, as scaffold-eth-2's useTransactor: the
 * action's own steps and simulation (`prepare`), the write with the gas margin, the receipt, the indexer
 * reaching its block, the refresh. The hash is remembered in localStorage while it is pending, so a reload
 * does not lose it (useRestoredTransactions picks it up). Every action hook is this plus its contract call.
 */
export function useTrackedTransaction({ pool, account, chainId, invalidate }: TrackedTransactionOptions) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<TrackedTransaction>(IDLE);

  const run = useCallback(
    async (label: string, prepare: (context: WriteContext) => Promise<SimulatedWrite>) => {
      if (!account) return;
      const refetch = () => Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setState({ phase: 'signing', label });
      let hash: Hash | undefined;
      try {
        const { request } = await prepare({ config, account });
        hash = await writeWithGasMargin(config, request);
        rememberPendingTransaction({ hash, label, pool, account, chainId, sentAt: Date.now() });
        setState({ phase: 'mining', label, hash });
        const receipt = await confirmTransaction(config, hash, chainId);
        await refetch();
        setState({ phase: 'indexing', label, hash });
        const indexed = await waitForIndexedBlock(chainId, receipt.blockNumber);
        forgetPendingTransaction(hash);
        // Again, now that the indexer has the block: the lists read from it are current.
        await refetch();
        refreshAfterIndexing(router, () => void refetch());
        setState({ phase: 'done', label, hash, indexerLagging: !indexed });
      } catch (error) {
        if (hash) forgetPendingTransaction(hash);
        setState({ phase: 'failed', label, hash, error: describeWalletError(error) });
        await refetch();
      }
    },
    [account, chainId, config, invalidate, pool, queryClient, router],
  );

  const reset = useCallback(() => setState(IDLE), []);
  const busy = state.phase === 'signing' || state.phase === 'mining' || state.phase === 'indexing';
  return { state, run, reset, busy };
}

export type RestoredTransaction = PendingTransaction & {
  outcome: 'waiting' | 'confirmed' | 'failed';
  detail?: string;
};

/**
 * The other half of the lifecycle: transactions signed before the page was (re)loaded, found in
 * localStorage, followed to their receipt and into the indexer, then the page's figures refresh.
 */
export function useRestoredTransactions(pool: Address, chainId: number): RestoredTransaction[] {
  const { address: account } = useAccount();
  const config = useConfig();
  const router = useRouter();
  const [watched, setWatched] = useState<RestoredTransaction[]>([]);

  useEffect(() => {
    if (!account) return;
    const found = pendingTransactionsFor(pool, account, chainId);
    if (found.length === 0) return;
    let live = true;
    const update = (hash: string, change: Partial<RestoredTransaction>) =>
      live && setWatched((list) => list.map((t) => (t.hash === hash ? { ...t, ...change } : t)));
    for (const tx of found) {
      // Shown first, then followed to its outcome (both from this subscription, after mount).
      void Promise.resolve()
        .then(
          () =>
            live && setWatched((list) => [...list.filter((t) => t.hash !== tx.hash), { ...tx, outcome: 'waiting' }]),
        )
        .then(() => settleTransaction(config, tx.hash, chainId))
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

  return watched;
}
