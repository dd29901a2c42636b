'use client';

import { readContract, simulateContract } from 'wagmi/actions';
import { financingPoolAbi } from '../contracts/abis';
import type { Address } from 'viem';
import type { Config } from 'wagmi';
import {
  useTrackedTransaction,
  type TrackedTransactionOptions,
  type TrackedTransactionTargets,
} from './use-tracked-transaction';

/**
 * The pool's wallet actions besides the deposit (use-deposit.ts): each one label and one contract call on
 * top of the shared lifecycle (useTrackedTransaction), which simulates, sends, follows and refreshes.
 */

/** How many requests one "process the exit queue" transaction fills at most: enough for any real queue, bounded gas. */
export const FILL_REDEMPTIONS_BATCH = 50n;

/** Claim the real yield the account has accrued in a pool, paid in USDC to the account itself. */
export function useClaimRevenue(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const claim = () =>
    tx.run('Claim revenue', ({ config, account }) =>
      simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'claim',
        args: [account],
      }),
    );
  return { ...tx, claim };
}

/** The label a claim across pools is filed under, so the portfolio finds it again after a reload. */
export const CLAIM_ALL_LABEL = 'Claim revenue across pools';

/**
 * The most pools one press claims in: one batch of this many claims stays well inside a block's gas and a
 * Safe's MultiSend, and a step-by-step wallet asks this many times at most. The largest amounts go first.
 */
export const CLAIM_ALL_MAX_POOLS = 20;

/** What each of `pools` owes `account` now: each pool's own claimableRevenue, in the order given. */
export function readClaimableRevenue(config: Config, pools: readonly Address[], account: Address, chainId: number) {
  return Promise.all(
    pools.map((address) =>
      readContract(config, {
        abi: financingPoolAbi,
        address,
        functionName: 'claimableRevenue',
        args: [account],
        chainId,
      }),
    ),
  );
}

/** The pools that owe something (`owed` in the same order), largest amount first. */
export function owedLargestFirst<T>(pools: readonly T[], owed: readonly bigint[] | undefined) {
  return pools
    .map((p, i) => ({ ...p, amount: owed?.[i] ?? 0n }))
    .filter((p) => p.amount > 0n)
    .sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1));
}

/**
 * Claim the real yield of several pools of one chain at once. A wallet that batches (EIP-5792) takes every
 * claim as one request, a Safe as one proposal; any other wallet is asked for each claim in turn. What each
 * pool owes is read when the button is pressed: pools that owe nothing are left out, not sent to revert.
 */
export function useClaimAllRevenue({
  pool: pools,
  ...options
}: TrackedTransactionTargets & { pool: readonly Address[] }) {
  const tx = useTrackedTransaction({ pool: pools, ...options });
  const claimAll = () =>
    tx.run(CLAIM_ALL_LABEL, async ({ config, account }) => {
      const owed = await readClaimableRevenue(config, pools, account, options.chainId);
      const due = owedLargestFirst(
        pools.map((address) => ({ address })),
        owed,
      ).slice(0, CLAIM_ALL_MAX_POOLS);
      if (due.length === 0) throw new Error('None of these pools owes you revenue yet: there is nothing to claim.');
      const claims = await Promise.all(
        due.map(({ address }) =>
          simulateContract(config, {
            account,
            abi: financingPoolAbi,
            address,
            functionName: 'claim',
            args: [account],
            chainId: options.chainId,
          }),
        ),
      );
      return claims.length === 1 ? claims[0]! : { batch: claims.map((c) => c.request) };
    });
  return { ...tx, claimAll };
}

/**
 * Instant exit (ERC-4626 redeem): shares for USDC now, up to what the pool's idle cash allows. While the
 * account has filled redemptions to collect, the same call is an ERC-7540 claim instead, so it is refused
 * here: the panel offers the collection first.
 */
export function useRedeem(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const redeem = (shares: bigint) =>
    tx.run('Withdraw', async ({ config, account }) => {
      const [claimable] = await readContract(config, {
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'claimableRedemption',
        args: [account],
      });
      if (claimable > 0n) throw new Error('Collect your filled redemption first; then you can withdraw more.');
      return simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'redeem',
        args: [shares, account, account],
      });
    });
  return { ...tx, redeem };
}

/**
 * Queue shares for redemption (ERC-7540 requestRedeem): the account's own shares, for itself as controller.
 * They stay in the wallet, locked, and are filled first in, first out.
 */
export function useRequestRedeem(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const request = (shares: bigint) =>
    tx.run('Request redemption', ({ config, account }) =>
      simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'requestRedeem',
        args: [shares, account, account],
      }),
    );
  return { ...tx, request };
}

/** Take back what is still pending of a request (ERC-7887, synchronous); what was already filled stays claimable. */
export function useCancelRedeemRequest(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const cancel = (requestId: bigint) =>
    tx.run('Cancel redemption request', ({ config, account }) =>
      simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'cancelRedeemRequest',
        args: [requestId, account],
      }),
    );
  return { ...tx, cancel };
}

/**
 * Collect the USDC of every filled request at once: filled requests are fungible per controller, and the
 * ERC-7540 claim is redeem(claimable shares, receiver, controller). The amount is read when the button is
 * pressed, so a fill that landed since the page loaded is collected too.
 */
export function useClaimRedemption(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const claim = () =>
    tx.run('Collect redemption', async ({ config, account }) => {
      const [shares] = await readContract(config, {
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'claimableRedemption',
        args: [account],
      });
      if (shares === 0n) throw new Error('Nothing of your requests has been filled yet: there is nothing to collect.');
      return simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'redeem',
        args: [shares, account, account],
      });
    });
  return { ...tx, claim };
}

/**
 * Fill waiting exit requests from the pool's idle cash, oldest first. Deposits and repayments no longer do
 * this themselves (so no one pays gas for others' queue entries unasked); anyone may send it.
 */
export function useFillRedemptions(options: TrackedTransactionOptions) {
  const tx = useTrackedTransaction(options);
  const fill = () =>
    tx.run('Process exit queue', ({ config, account }) =>
      simulateContract(config, {
        account,
        abi: financingPoolAbi,
        address: options.pool,
        functionName: 'fillRedemptions',
        args: [FILL_REDEMPTIONS_BATCH],
      }),
    );
  return { ...tx, fill };
}
