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

/** The lifecycle's own options: an action may act on several pools at once (a claim across pools). */
export type TrackedTransactionTargets = Omit<TrackedTransactionOptions, 'pool'> & {
  pool: Address | readonly Address[];
};

const IDLE: TrackedTransaction = { phase: 'idle' };

/** Where a pending transaction is filed: its first pool, and all of them when it acts on several. */
function filedUnder(pool: Address | readonly Address[]): Pick<PendingTransaction, 'pool' | 'pools'> {
  if (typeof pool === 'string') return { pool };
  return pool.length > 1 ? { pool: pool[0]!, pools: [...pool] } : { pool: pool[0]! };
}

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
export function useTrackedTransaction({ pool, account, chainId, invalidate }: TrackedTransactionTargets) {
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
      let sent = 0;
      let writes: WriteContractParameters[] = [];
      const where = filedUnder(pool);
      try {
        const calls = await callsSupport(config, account, chainId);
        const prepared = await prepare({ config, account, calls });
        writes = 'batch' in prepared ? prepared.batch : [prepared.request];
        let receipt: { blockNumber: bigint } | undefined;
        if (sendsAsCalls(calls, writes.length)) {
          // One confirmation for all of them; the wallet may only propose them (a Safe), so no timeout here.
          const id = (await sendWritesAsCalls(config, account, chainId, writes)) as Hash;
          pending = id;
          rememberPendingTransaction({ hash: id, calls: true, label, ...where, account, chainId, sentAt: Date.now() });
          setState({ phase: 'proposed', label });
          const executed = await confirmCalls(config, id);
          hash = executed.hash;
          receipt = executed;
        } else {
          // A wallet that cannot batch: the calls one after another, each confirmed and mined before the next
          // (a later call may need an earlier one, as a deposit needs its approval).
          for (const [i, write] of writes.entries()) {
            const step = writes.length > 1 ? `${label} (${i + 1} of ${writes.length})` : label;
            if (i > 0) setState({ phase: 'signing', label: step });
            hash = await writeWithGasMargin(config, write);
            if (pending) forgetPendingTransaction(pending);
            pending = hash;
            rememberPendingTransaction({ hash, label: step, ...where, account, chainId, sentAt: Date.now() });
            setState({ phase: 'mining', label: step, hash });
            receipt = await confirmTransaction(config, hash, chainId);
            sent = i + 1;
          }
        }
        if (!receipt || !pending) throw new Error('Nothing was sent: the action had no call to make.');
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
        // Calls sent one by one: those before the failure stand, and the user is told how many.
        const partly = sent > 0 ? `${sent} of ${writes.length} went through before this one; they stand. ` : '';
        setState({ phase: 'failed', label, hash, error: `${partly}${describeWalletError(error)}` });
        await refetch();
        if (sent > 0) refreshAfterIndexing(router, () => void refetch());
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
 * localStorage, followed to their receipt and into the indexer, then the page's figures refresh. Those on
 * any of `pools`; with `label`, only that kind of action.
 */
export function useRestoredTransactions(
  pools: Address | readonly Address[],
  chainId: number,
  label?: string,
): RestoredTransaction[] {
  const { address: account, status } = useAccount();
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [watched, setWatched] = useState<RestoredTransaction[]>([]);
  // A batch of calls is followed through the wallet itself, which it can answer only once reconnected.
  const walletReady = status === 'connected';
  // A list passed inline is a new array each render: the effect follows its contents.
  const poolList = typeof pools === 'string' ? pools : pools.join(',');

  useEffect(() => {
    if (!account) return;
    const found = pendingTransactionsFor(
      poolList.split(',') as Address[],
      account,
      chainId,
      localStorage,
      Date.now(),
      label,
    ).filter((tx) => walletReady || !tx.calls);
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
  }, [account, chainId, config, label, poolList, queryClient, router, walletReady]);

  return watched;
}
