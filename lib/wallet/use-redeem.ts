'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { simulateContract } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi } from '../contracts/abis';
import { useTrackedTransaction } from './use-tracked-transaction';

/** Instant exit: redeem shares for USDC now, up to what the pool's idle cash allows (maxRedeem). */
export function useRedeem(opts: {
  pool: Address;
  account: Address | undefined;
  chainId: number;
  invalidate: QueryKey[];
}) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const redeem = useCallback(
    (shares: bigint) =>
      tx.run('Withdraw', async () => {
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
  return { ...tx, redeem };
}
