'use client';

import { useCallback, useState } from 'react';
import { erc20Abi, parseSignature, type Address } from 'viem';
import type { Config } from 'wagmi';
import { getBlock, readContract, signTypedData, simulateContract } from 'wagmi/actions';
import { financingPoolAbi } from '../contracts/abis';
import { permitTokenAbi, resolvePermitDomain } from './permit-domain';
import { depositProgress, type DepositMethod, type StepStatus } from './deposit-progress';
import { confirmTransaction, useTrackedTransaction, type TrackedTransactionOptions } from './use-tracked-transaction';
import { writeWithGasMargin } from './write-with-gas-margin';

/** How long a permit signature stays valid: long enough to confirm, short enough not to linger. */
const PERMIT_VALIDITY_SECONDS = 30n * 60n;

/**
 * Deposit USDC into a pool: approve the exact amount (a transaction, or an EIP-2612 permit signature)
 * unless the allowance already covers it, then the deposit through the shared lifecycle, which simulates,
 * sends, waits for the indexer and refreshes. The approval's progress is the stepper's first step.
 */
export function useDeposit({ usdc, ...options }: TrackedTransactionOptions & { usdc: Address }) {
  const { pool, chainId } = options;
  const tx = useTrackedTransaction(options);
  const [approval, setApproval] = useState<StepStatus>('waiting');
  const [method, setMethod] = useState<DepositMethod>();
  const { run, reset: resetTransaction } = tx;

  const deposit = useCallback(
    (assets: bigint, chosen: DepositMethod = 'approve') => {
      setMethod(chosen);
      setApproval('waiting');
      return run('Deposit', async ({ config, account, calls }) => {
        const allowance = await readContract(config, {
          abi: erc20Abi,
          address: usdc,
          functionName: 'allowance',
          args: [account, pool],
        });
        // The exact-amount approval, and the deposit it enables.
        const approve = () =>
          simulateContract(config, {
            account,
            abi: erc20Abi,
            address: usdc,
            functionName: 'approve',
            args: [pool, assets],
          });
        const deposit = {
          account,
          chainId,
          abi: financingPoolAbi,
          address: pool,
          functionName: 'deposit',
          args: [assets, account],
        } as const;
        if (allowance >= assets) {
          setApproval('skipped');
        } else if (calls !== 'none') {
          // One batch: the approval, simulated now, and the deposit it enables, which cannot be simulated
          // before the approval runs (the wallet simulates the batch as a whole).
          setMethod('batch');
          const { request } = await approve();
          setApproval('done');
          return { batch: [request, deposit] };
        } else if (chosen === 'permit') {
          setApproval('signing');
          const permit = await signPermit(config, { usdc, chainId, owner: account, spender: pool, value: assets });
          setApproval('done');
          return simulateContract(config, {
            account,
            abi: financingPoolAbi,
            address: pool,
            functionName: 'depositWithPermit',
            args: [assets, account, permit.deadline, permit.v, permit.r, permit.s],
          });
        } else {
          setApproval('signing');
          const { request } = await approve();
          const approveHash = await writeWithGasMargin(config, request);
          setApproval('mining');
          await confirmTransaction(config, approveHash, chainId);
          setApproval('done');
        }
        return simulateContract(config, deposit);
      });
    },
    [chainId, pool, run, usdc],
  );

  const reset = useCallback(() => {
    resetTransaction();
    setApproval('waiting');
  }, [resetTransaction]);

  return { state: depositProgress(tx.state, approval, method), deposit, reset };
}

/** EIP-2612: the token's own domain (ERC-5267, or USDC's name/version/DOMAIN_SEPARATOR) and the owner's nonce. */
async function signPermit(
  config: Config,
  {
    usdc,
    chainId,
    owner,
    spender,
    value,
  }: { usdc: Address; chainId: number; owner: Address; spender: Address; value: bigint },
) {
  const token = { abi: permitTokenAbi, address: usdc, chainId } as const;
  const [domain, nonce, block] = await Promise.all([
    resolvePermitDomain(
      {
        eip712Domain: () => readContract(config, { ...token, functionName: 'eip712Domain' }),
        name: () => readContract(config, { ...token, functionName: 'name' }),
        version: () => readContract(config, { ...token, functionName: 'version' }),
        domainSeparator: () => readContract(config, { ...token, functionName: 'DOMAIN_SEPARATOR' }),
      },
      usdc,
      chainId,
    ),
    readContract(config, { ...token, functionName: 'nonces', args: [owner] }),
    getBlock(config),
  ]);
  const deadline = block.timestamp + PERMIT_VALIDITY_SECONDS;
  const signature = await signTypedData(config, {
    account: owner,
    domain,
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
    message: { owner, spender, value, nonce, deadline },
  });
  const { v, r, s } = parseSignature(signature);
  return { deadline, v: Number(v ?? 27n), r, s };
}
