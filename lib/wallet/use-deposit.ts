'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { parseSignature, type Address, type Hash } from 'viem';
import { useConfig } from 'wagmi';
import { getBlock, readContract, signTypedData, simulateContract, waitForTransactionReceipt } from 'wagmi/actions';
import { writeWithGasMargin } from './write-with-gas-margin';
import { financingPoolAbi, mockUsdcAbi } from '../contracts/abis';
import { waitForIndexedBlock } from '../indexer/indexed-block';
import { forgetPendingTransaction, rememberPendingTransaction } from './pending-transactions';
import { refreshAfterIndexing } from './refresh-after-indexing';
import { describeWalletError } from './wallet-error';

export type DepositStep = 'approve' | 'deposit' | 'index';
export type StepStatus = 'waiting' | 'signing' | 'mining' | 'done' | 'skipped' | 'failed';

/** `approve`: an exact-amount approval transaction, then the deposit. `permit`: an EIP-2612 signature, one transaction. */
export type DepositMethod = 'approve' | 'permit';

/** How long a permit signature stays valid: long enough to confirm, short enough not to linger. */
const PERMIT_VALIDITY_SECONDS = 30n * 60n;

export type DepositState = {
  method?: DepositMethod;
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
    async (assets: bigint, method: DepositMethod = 'approve') => {
      if (!account) return;
      setState({ ...IDLE, method, running: true });
      let current: DepositStep = 'approve';
      let depositHash: Hash | undefined;
      try {
        const allowance = await readContract(config, {
          abi: mockUsdcAbi,
          address: usdc,
          functionName: 'allowance',
          args: [account, pool],
        });
        let request;
        if (allowance >= assets) {
          setStep('approve', 'skipped');
          current = 'deposit';
          setStep('deposit', 'signing');
          ({ request } = await simulateContract(config, {
            account,
            abi: financingPoolAbi,
            address: pool,
            functionName: 'deposit',
            args: [assets, account],
          }));
        } else if (method === 'permit') {
          // EIP-2612: the token's own domain (ERC-5267) and the owner's nonce, signed, then one transaction.
          setStep('approve', 'signing');
          const [[, name, version], nonce, block] = await Promise.all([
            readContract(config, { abi: mockUsdcAbi, address: usdc, functionName: 'eip712Domain' }),
            readContract(config, { abi: mockUsdcAbi, address: usdc, functionName: 'nonces', args: [account] }),
            getBlock(config),
          ]);
          const deadline = block.timestamp + PERMIT_VALIDITY_SECONDS;
          const signature = await signTypedData(config, {
            account,
            domain: { name, version, chainId, verifyingContract: usdc },
            types: {
              Permit: [
                { name: 'owner', type: 'address' },
                { name: 'spender', type: 'address' },
                { name: 'value', type: 'uint256' },
                { name: 'nonce', type: 'uint256' },
                { name: 'deadline', type: 'uint256' },
              ],
            },
            primaryType: 'Permit',
            message: { owner: account, spender: pool, value: assets, nonce, deadline },
          });
          const { v, r, s: sig } = parseSignature(signature);
          setStep('approve', 'done');
          current = 'deposit';
          setStep('deposit', 'signing');
          ({ request } = await simulateContract(config, {
            account,
            abi: financingPoolAbi,
            address: pool,
            functionName: 'depositWithPermit',
            args: [assets, account, deadline, Number(v ?? 27n), r, sig],
          }));
        } else {
          setStep('approve', 'signing');
          const approval = await simulateContract(config, {
            account,
            abi: mockUsdcAbi,
            address: usdc,
            functionName: 'approve',
            args: [pool, assets],
          });
          const approveHash = await writeWithGasMargin(config, approval.request);
          setStep('approve', 'mining');
          await waitForSuccess(approveHash);
          setStep('approve', 'done');
          current = 'deposit';
          setStep('deposit', 'signing');
          ({ request } = await simulateContract(config, {
            account,
            abi: financingPoolAbi,
            address: pool,
            functionName: 'deposit',
            args: [assets, account],
          }));
        }

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
        refreshAfterIndexing(router);
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
