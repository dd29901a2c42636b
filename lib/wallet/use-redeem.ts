'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { readContract, simulateContract } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi } from '../contracts/abis';
import { useTrackedTransaction } from './use-tracked-transaction';

/**
 * Instant exit (ERC-4626 redeem): shares for USDC now, up to what the pool's idle cash allows. While the
 * account has filled redemptions to collect, the same call is an ERC-7540 claim instead, so it is refused
 * here: the panel offers the collection first.
 */
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
        const [claimable] = await readContract(config, {
          abi: financingPoolAbi,
          address: pool,
          functionName: 'claimableRedemption',
          args: [account!],
        });
        if (claimable > 0n) throw new Error('Collect your filled redemption first; then you can withdraw more.');
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
