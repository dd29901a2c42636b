'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { simulateContract } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi } from '../contracts/abis';
import { useTrackedTransaction } from './use-tracked-transaction';

/** Claim the real yield the account has accrued in a pool, paid in USDC to the account itself. */
export function useClaimRevenue(opts: {
  pool: Address;
  account: Address | undefined;
  chainId: number;
  invalidate: QueryKey[];
}) {
  const config = useConfig();
  const tx = useTrackedTransaction(opts);
  const { pool, account } = opts;
  const claim = useCallback(
    () =>
      tx.run('Claim revenue', async () => {
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'claim',
          args: [account!],
        });
        return writeWithGasMargin(config, request);
      }),
    [account, config, pool, tx],
  );
  return { ...tx, claim };
}
