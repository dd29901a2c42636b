'use client';

import { erc20Abi, type Address } from 'viem';
import { readContract, simulateContract } from 'wagmi/actions';
import { trancheVaultAbi } from '../contracts/abis';
import { confirmTransaction, useTrackedTransaction, type TrackedTransactionOptions } from './use-tracked-transaction';
import { writeWithGasMargin } from './write-with-gas-margin';

/**
 * A tranche's wallet actions: each vault (TrancheVault) is an ERC-4626 vault with an ERC-7540 exit queue, so these
 * are the standard calls on the tranche's own address (`options.pool` is the vault). Each goes through the shared
 * lifecycle, which simulates (a call the pool would refuse, as a senior deposit beyond the subordination limit,
 * never reaches the wallet), sends, follows the receipt and the indexer, and refreshes.
 */

/** Approve the exact amount unless the allowance covers it (one batch for a wallet that batches), then deposit. */
export function useTrancheDeposit({ usdc, ...options }: TrackedTransactionOptions & { usdc: Address }) {
  const tx = useTrackedTransaction(options);
  const vault = options.pool;
  const deposit = (assets: bigint) =>
    tx.run('Deposit', async ({ config, account, calls }) => {
      const depositCall = {
        account,
        chainId: options.chainId,
        abi: trancheVaultAbi,
        address: vault,
        functionName: 'deposit',
        args: [assets, account],
      } as const;
      const allowance = await readContract(config, {
        abi: erc20Abi,
        address: usdc,
        functionName: 'allowance',
        args: [account, vault],
        chainId: options.chainId,
      });
      if (allowance < assets) {
        const { request } = await simulateContract(config, {
          account,
          chainId: options.chainId,
          abi: erc20Abi,
          address: usdc,
          functionName: 'approve',
          args: [vault, assets],
        });
        if (calls !== 'none') return { batch: [request, depositCall] };
        await confirmTransaction(config, await writeWithGasMargin(config, request), options.chainId);
      }
      return simulateContract(config, depositCall);
    });
  return { ...tx, deposit };
}

/**
 * An exit of `assets` USDC as planned (lib/tranches/tranche-exit.ts): paid now (every unlocked share redeemed for a
 * whole position, so no dust is left, else withdraw of the amount), or a place in the tranche's exit queue for the
 * shares it takes (ERC-7540 requestRedeem), filled first in, first out as capital comes back. Shares are read from
 * the chain when the user presses, never taken from a figure on screen.
 */
export function useTrancheExit(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const vault = { abi: trancheVaultAbi, address: options.pool, chainId: options.chainId } as const;
  const exit = (assets: bigint, plan: { kind: 'now' | 'queue'; whole: boolean }) =>
    tx.run(plan.kind === 'now' ? 'Withdraw' : 'Request exit', async ({ config, account }) => {
      const unlocked = await readContract(config, { ...vault, functionName: 'unlockedShares', args: [account] });
      if (plan.kind === 'now') {
        return plan.whole
          ? simulateContract(config, { ...vault, account, functionName: 'redeem', args: [unlocked, account, account] })
          : simulateContract(config, {
              ...vault,
              account,
              functionName: 'withdraw',
              args: [assets, account, account],
            });
      }
      const needed = plan.whole
        ? unlocked
        : await readContract(config, { ...vault, functionName: 'previewWithdraw', args: [assets] });
      return simulateContract(config, {
        ...vault,
        account,
        functionName: 'requestRedeem',
        args: [needed < unlocked ? needed : unlocked, account, account],
      });
    });
  return { ...tx, exit };
}

/**
 * Collect a filled exit: the controller's claimable shares, read when the user presses, at the fill's price (ERC-7540
 * claim through redeem).
 */
export function useTrancheCollect(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const vault = { abi: trancheVaultAbi, address: options.pool, chainId: options.chainId } as const;
  const collect = () =>
    tx.run('Collect exit', async ({ config, account }) => {
      const [shares] = await readContract(config, { ...vault, functionName: 'claimableRedemption', args: [account] });
      return simulateContract(config, { ...vault, account, functionName: 'redeem', args: [shares, account, account] });
    });
  return { ...tx, collect };
}

/**
 * Take back what still waits of one of the account's queued exits (ERC-7887, synchronous): its shares are unlocked at
 * once; what was already filled stays to collect. The vault refuses a request that no longer waits (UnknownRequest),
 * and the simulation says so before the wallet is asked.
 */
export function useTrancheCancel(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const cancel = (requestId: bigint) =>
    tx.run('Cancel exit request', ({ config, account }) =>
      simulateContract(config, {
        account,
        chainId: options.chainId,
        abi: trancheVaultAbi,
        address: options.pool,
        functionName: 'cancelRedeemRequest',
        args: [requestId, account],
      }),
    );
  return { ...tx, cancel };
}

/** The tranche's revenue the account has accrued, paid in USDC to the account itself. */
export function useTrancheClaim(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const claim = () =>
    tx.run('Claim revenue', ({ config, account }) =>
      simulateContract(config, {
        account,
        chainId: options.chainId,
        abi: trancheVaultAbi,
        address: options.pool,
        functionName: 'claim',
        args: [account],
      }),
    );
  return { ...tx, claim };
}
