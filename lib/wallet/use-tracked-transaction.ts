'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { Address, Hash } from 'viem';
import { useConfig, type Config } from 'wagmi';
import { waitForTransactionReceipt } from 'wagmi/actions';
import { waitForIndexedBlock } from '../indexer/indexed-block';
import { forgetPendingTransaction, rememberPendingTransaction } from './pending-transactions';
import { refreshAfterIndexing } from './refresh-after-indexing';
import { describeWalletError } from './wallet-error';

export type TransactionPhase = 'idle' | 'signing' | 'mining' | 'indexing' | 'done' | 'failed';

export type TrackedTransaction = {
  phase: TransactionPhase;
  label?: string;
  hash?: Hash;
  error?: string;
  /** The transaction is on chain but the indexer had not caught up in time: lists will follow. */
  indexerLagging?: boolean;
};

const IDLE: TrackedTransaction = { phase: 'idle' };

/**
 * Waits for a sent transaction to be mined and then indexed. Throws when it reverted. Resolves whether the
 * indexer caught up (false: the figures will follow on a later refresh).
 */
export async function settleTransaction(config: Config, hash: Hash): Promise<{ indexed: boolean }> {
  const receipt = await waitForTransactionReceipt(config, { hash });
  if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted on chain.`);
  return { indexed: await waitForIndexedBlock(receipt.blockNumber) };
}

/**
 * The life of one wallet action after the user presses its button: sign, mine, index, refresh. The hash is
 * remembered in localStorage while it is pending, so a reload does not lose it (PendingTransactionNotice
 * picks it up). Every action hook (claim, redeem, request, cancel, …) is this plus its own contract call.
 */
export function useTrackedTransaction({
  pool,
  account,
  chainId,
  invalidate,
}: {
  pool: Address;
  account: Address | undefined;
  chainId: number;
  /** Chain reads the action changes (balances, claimable, …): refetched after the receipt. */
  invalidate: QueryKey[];
}) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<TrackedTransaction>(IDLE);

  const run = useCallback(
    async (label: string, send: () => Promise<Hash>) => {
      if (!account) return;
      setState({ phase: 'signing', label });
      let hash: Hash | undefined;
      try {
        hash = await send();
        rememberPendingTransaction({ hash, label, pool, account, chainId, sentAt: Date.now() });
        setState({ phase: 'mining', label, hash });
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted on chain.`);
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        setState({ phase: 'indexing', label, hash });
        const indexed = await waitForIndexedBlock(receipt.blockNumber);
        forgetPendingTransaction(hash);
        // Again, now that the indexer has the block: the lists read from it are current.
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        refreshAfterIndexing(router, () =>
          invalidate.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey })),
        );
        setState({ phase: 'done', label, hash, indexerLagging: !indexed });
      } catch (error) {
        if (hash) forgetPendingTransaction(hash);
        setState({ phase: 'failed', label, hash, error: describeWalletError(error) });
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
    },
    [account, chainId, config, invalidate, pool, queryClient, router],
  );

  const reset = useCallback(() => setState(IDLE), []);
  const busy = state.phase === 'signing' || state.phase === 'mining' || state.phase === 'indexing';
  return { state, run, reset, busy };
}
