'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { simulateContract } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi } from '../contracts/abis';
import { useTrackedTransaction } from './use-tracked-transaction';

type Options = { pool: Address; account: Address | undefined; chainId: number; invalidate: QueryKey[] };

/** Queue shares for redemption (ERC-7540 style): they are locked and filled first in, first out. */
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
          args: [shares],
        });
        return writeWithGasMargin(config, call);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, request };
}

/** Take back what is still pending of a request; what was already filled stays claimable. */
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
          args: [requestId],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, cancel };
}

/** Collect the USDC of a filled (or partly filled) request. */
export function useClaimRedemption(opts: Options) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const claim = useCallback(
    (requestId: bigint) =>
      tx.run('Collect redemption', async () => {
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'claimRedemption',
          args: [requestId, account!],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, claim };
}
