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
import { callsSupport, confirmCalls, sendsAsCalls, sendWritesAsCalls, type CallsSupport } from './wallet-calls';
import { describeWalletError } from './wallet-error';
import { writeWithGasMargin } from './write-with-gas-margin';

/** `proposed`: sent as a batch of calls (EIP-5792) that the wallet has not executed yet (a Safe's owners confirm). */
export type TransactionPhase = 'idle' | 'signing' | 'proposed' | 'mining' | 'indexing' | 'done' | 'failed';

export type TrackedTransaction = {
  phase: TransactionPhase;
  label?: string;
  hash?: Hash;
  error?: string;
  /** The transaction is on chain but the indexer had not caught up in time: lists will follow. */
  indexerLagging?: boolean;
};

/** What an action's `prepare` gets: the wallet's config, the connected account, how the wallet takes calls. */
export type WriteContext = { config: Config; account: Address; calls: CallsSupport };

/**
 * An action's contract call, simulated: the result of wagmi's `simulateContract`, so the call is typed
 * against its ABI where it is written, and a call the contract would reject never reaches the wallet. Or,
 * for a wallet that batches (`calls` not `none`), several calls sent together as one EIP-5792 batch: each
 * simulated where it can be before the ones ahead of it run (an approval is; the deposit it enables is not).
 */
export type SimulatedWrite = { request: WriteContractParameters } | { batch: WriteContractParameters[] };

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
async function settleTransaction(config: Config, tx: PendingTransaction): Promise<{ indexed: boolean }> {
  const receipt = tx.calls
    ? await confirmCalls(config, tx.hash)
    : await confirmTransaction(config, tx.hash, tx.chainId);
  return { indexed: await waitForIndexedBlock(tx.chainId, receipt.blockNumber) };
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
      let pending: Hash | undefined;
      try {
        const calls = await callsSupport(config, account, chainId);
        const prepared = await prepare({ config, account, calls });
        const writes = 'batch' in prepared ? prepared.batch : [prepared.request];
        let receipt: { blockNumber: bigint };
        if (sendsAsCalls(calls, writes.length)) {
          // One confirmation for all of them; the wallet may only propose them (a Safe), so no timeout here.
          const id = (await sendWritesAsCalls(config, account, chainId, writes)) as Hash;
          pending = id;
          rememberPendingTransaction({ hash: id, calls: true, label, pool, account, chainId, sentAt: Date.now() });
          setState({ phase: 'proposed', label });
          const executed = await confirmCalls(config, id);
          hash = executed.hash;
          receipt = executed;
        } else {
          hash = await writeWithGasMargin(config, writes[0]!);
          pending = hash;
          rememberPendingTransaction({ hash, label, pool, account, chainId, sentAt: Date.now() });
          setState({ phase: 'mining', label, hash });
          receipt = await confirmTransaction(config, hash, chainId);
        }
        await refetch();
        setState({ phase: 'indexing', label, hash });
        const indexed = await waitForIndexedBlock(chainId, receipt.blockNumber);
        forgetPendingTransaction(pending);
        // Again, now that the indexer has the block: the lists read from it are current.
        await refetch();
        refreshAfterIndexing(router, () => void refetch());
        setState({ phase: 'done', label, hash, indexerLagging: !indexed });
      } catch (error) {
        if (pending) forgetPendingTransaction(pending);
        setState({ phase: 'failed', label, hash, error: describeWalletError(error) });
        await refetch();
      }
    },
    [account, chainId, config, invalidate, pool, queryClient, router],
  );

  const reset = useCallback(() => setState(IDLE), []);
  const busy =
    state.phase === 'signing' || state.phase === 'proposed' || state.phase === 'mining' || state.phase === 'indexing';
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
  const { address: account, status } = useAccount();
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [watched, setWatched] = useState<RestoredTransaction[]>([]);
  // A batch of calls is followed through the wallet itself, which it can answer only once reconnected.
  const walletReady = status === 'connected';

  useEffect(() => {
    if (!account) return;
    const found = pendingTransactionsFor(pool, account, chainId).filter((tx) => walletReady || !tx.calls);
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
        .then(() => settleTransaction(config, tx))
        .then(() => {
          forgetPendingTransaction(tx.hash);
          update(tx.hash, { outcome: 'confirmed' });
          // What this page does not know it changed (it was sent before the page loaded): every chain read.
          void queryClient.invalidateQueries();
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
  }, [account, chainId, config, pool, queryClient, router, walletReady]);

  return watched;
}
