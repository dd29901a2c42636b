'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { Address, Hash } from 'viem';
import { useConfig } from 'wagmi';
import { readContract, simulateContract, waitForTransactionReceipt } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi, mockUsdcAbi } from '../contracts/abis';
import { waitForIndexedBlock } from '../indexer/indexed-block';
import { forgetPendingTransaction, rememberPendingTransaction } from './pending-transactions';
import { describeWalletError } from './wallet-error';

export type DepositStep = 'approve' | 'deposit' | 'index';
export type StepStatus = 'waiting' | 'signing' | 'mining' | 'done' | 'skipped' | 'failed';

export type DepositState = {
  running: boolean;
  steps: Record<DepositStep, StepStatus>;
  error?: string;
  /** Set when the indexer did not catch up in time: the deposit is on chain, the list will follow. */
  indexerLagging?: boolean;
  depositHash?: Hash;
};

const IDLE: DepositState = {
  running: false,
  steps: { approve: 'waiting', deposit: 'waiting', index: 'waiting' },
};

/**
 * Deposit USDC into a pool: approve the exact amount unless the allowance already covers it, deposit,
 * then wait for the indexer to reach the deposit's block and refresh the server-rendered figures.
 * Each write is simulated first, so a call the contract would reject never reaches the wallet.
 */
export function useDeposit({
  pool,
  usdc,
  account,
  chainId,
  invalidate,
}: {
  pool: Address;
  usdc: Address;
  account: Address | undefined;
  chainId: number;
  /** The chain reads that a deposit changes (balance, allowance, position). */
  invalidate: QueryKey[];
}) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<DepositState>(IDLE);

  const setStep = (step: DepositStep, status: StepStatus) =>
    setState((s) => ({ ...s, steps: { ...s.steps, [step]: status } }));

  const deposit = useCallback(
    async (assets: bigint) => {
      if (!account) return;
      setState({ ...IDLE, running: true });
      let current: DepositStep = 'approve';
      let depositHash: Hash | undefined;
      try {
        const allowance = await readContract(config, {
          abi: mockUsdcAbi,
          address: usdc,
          functionName: 'allowance',
          args: [account, pool],
        });
        if (allowance >= assets) {
          setStep('approve', 'skipped');
        } else {
          setStep('approve', 'signing');
          const { request } = await simulateContract(config, {
            account,
            abi: mockUsdcAbi,
            address: usdc,
            functionName: 'approve',
            args: [pool, assets],
          });
          const hash = await writeWithGasMargin(config, request);
          setStep('approve', 'mining');
          await waitForSuccess(hash);
          setStep('approve', 'done');
        }

        current = 'deposit';
        setStep('deposit', 'signing');
        const { request } = await simulateContract(config, {
          account,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'deposit',
          args: [assets, account],
        });
        const hash = await writeWithGasMargin(config, request);
        // Kept until the indexer has it, so a reload shows the deposit still on its way.
        rememberPendingTransaction({ hash, label: 'Deposit', pool, account, chainId, sentAt: Date.now() });
        setState((s) => ({ ...s, depositHash: hash, steps: { ...s.steps, deposit: 'mining' } }));
        depositHash = hash;
        const receipt = await waitForSuccess(hash);
        setStep('deposit', 'done');
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

        current = 'index';
        setStep('index', 'mining');
        const caughtUp = await waitForIndexedBlock(receipt.blockNumber);
        forgetPendingTransaction(hash);
        router.refresh();
        setState((s) => ({ ...s, running: false, indexerLagging: !caughtUp, steps: { ...s.steps, index: 'done' } }));
      } catch (error) {
        if (depositHash) forgetPendingTransaction(depositHash);
        setState((s) => ({
          ...s,
          running: false,
          error: describeWalletError(error),
          steps: { ...s.steps, [current]: 'failed' },
        }));
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }

      async function waitForSuccess(hash: Hash) {
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted on chain.`);
        return receipt;
      }
    },
    [account, chainId, config, invalidate, pool, queryClient, router, usdc],
  );

  const reset = useCallback(() => setState(IDLE), []);

  return { state, deposit, reset };
}
