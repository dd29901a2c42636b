'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { readContract, simulateContract } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi } from '../contracts/abis';
import { useTrackedTransaction } from './use-tracked-transaction';

type Options = { pool: Address; account: Address | undefined; chainId: number; invalidate: QueryKey[] };

/** How many requests one "process the exit queue" transaction fills at most: enough for any real queue, bounded gas. */
export const FILL_REDEMPTIONS_BATCH = 50n;

/**
 * Queue shares for redemption (ERC-7540 requestRedeem): the account's own shares, for itself as controller.
 * They stay in the wallet, locked, and are filled first in, first out.
 */
export function useRequestRedeem(opts: Options) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const request = useCallback(
    (shares: bigint) =>
      tx.run('Request redemption', async () => {
        const { request: call } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'requestRedeem',
          args: [shares, account!, account!],
        });
        return writeWithGasMargin(config, call);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, request };
}

/** Take back what is still pending of a request (ERC-7887, synchronous); what was already filled stays claimable. */
export function useCancelRedeemRequest(opts: Options) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const cancel = useCallback(
    (requestId: bigint) =>
      tx.run('Cancel redemption request', async () => {
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'cancelRedeemRequest',
          args: [requestId, account!],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, cancel };
}

/**
 * Collect the USDC of every filled request at once: filled requests are fungible per controller, and the
 * ERC-7540 claim is redeem(claimable shares, receiver, controller). The amount is read when the button is
 * pressed, so a fill that landed since the page loaded is collected too.
 */
export function useClaimRedemption(opts: Options) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const claim = useCallback(
    () =>
      tx.run('Collect redemption', async () => {
        const [shares] = await readContract(config, {
          abi: financingPoolAbi,
          address: pool,
          functionName: 'claimableRedemption',
          args: [account!],
        });
        if (shares === 0n)
          throw new Error('Nothing of your requests has been filled yet: there is nothing to collect.');
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'redeem',
          args: [shares, account!, account!],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, claim };
}

/**
 * Fill waiting exit requests from the pool's idle cash, oldest first. Deposits and repayments no longer do
 * this themselves (so no one pays gas for others' queue entries unasked); anyone may send it.
 */
export function useFillRedemptions(opts: Options) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const fill = useCallback(
    () =>
      tx.run('Process exit queue', async () => {
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'fillRedemptions',
          args: [FILL_REDEMPTIONS_BATCH],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, fill };
}
