'use client';

import { encodeFunctionData, type Address, type Hash, type TransactionReceipt } from 'viem';
import type { Config } from 'wagmi';
import {
  getCapabilities,
  getConnections,
  sendCalls,
  waitForCallsStatus,
  type WriteContractParameters,
} from 'wagmi/actions';

/**
 * EIP-5792: how the connected wallet takes calls.
 *
 * - `none`: plain transactions, one confirmation each (most extensions today).
 * - `batch`: an account that can batch on request (atomic status "ready", e.g. an EOA its wallet can upgrade):
 *   several calls go as one batch, a single call as a plain transaction.
 * - `all`: a smart account (atomic "supported", or the Safe connector): every write goes as calls, because its
 *   own "transaction" is a proposal that others may have to confirm before it executes.
 */
export type CallsSupport = 'none' | 'batch' | 'all';

type AtomicCapability = { atomic?: { status?: string }; atomicBatch?: { supported?: boolean } };

/** The wallet's EIP-5792 capabilities on the chain; a wallet without wallet_getCapabilities has none. */
export async function callsSupport(config: Config, account: Address, chainId: number): Promise<CallsSupport> {
  let safe = false;
  try {
    safe = getConnections(config).some((c) => c.connector.id === 'safe');
    const capabilities = (await getCapabilities(config, { account, chainId })) as AtomicCapability | undefined;
    const status = capabilities?.atomic?.status;
    // The Safe's provider still answers with EIP-5792's first draft (`atomicBatch`).
    if (safe || status === 'supported' || capabilities?.atomicBatch?.supported) return 'all';
    return status === 'ready' ? 'batch' : 'none';
  } catch {
    return safe ? 'all' : 'none';
  }
}

/** Whether `writes` go to the wallet as one EIP-5792 batch rather than as transactions. */
export const sendsAsCalls = (support: CallsSupport, writes: number) =>
  support === 'all' || (support === 'batch' && writes > 1);

/** The writes as one batch of calls; the wallet answers with the batch's id, not a transaction hash. */
export async function sendWritesAsCalls(
  config: Config,
  account: Address,
  chainId: number,
  writes: readonly WriteContractParameters[],
): Promise<string> {
  const calls = writes.map((w) => ({
    to: w.address,
    data: encodeFunctionData({ abi: w.abi, functionName: w.functionName, args: w.args } as never),
    value: w.value,
  }));
  const { id } = await sendCalls(config, { account, chainId, calls });
  return id;
}

/** A batch proposed to a Safe can wait for its owners for days: the page follows it as long as it is open. */
const PROPOSAL_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Waits until the wallet has executed the batch and every call is mined; throws when it failed or reverted.
 * Resolves with the receipt of the batch's last transaction (the block the indexer must reach).
 */
export async function confirmCalls(config: Config, id: string): Promise<{ hash: Hash; blockNumber: bigint }> {
  const result = await waitForCallsStatus(config, { id, timeout: PROPOSAL_TIMEOUT_MS, pollingInterval: 1_000 });
  if (result.status !== 'success') throw new Error('The wallet did not execute the batch: nothing was changed.');
  const receipts = (result.receipts ?? []) as Pick<TransactionReceipt, 'transactionHash' | 'blockNumber' | 'status'>[];
  if (receipts.length === 0) throw new Error('The wallet reports the batch executed, without a receipt.');
  if (receipts.some((r) => r.status !== 'success')) throw new Error('A call of the batch reverted on chain.');
  const last = receipts.reduce((a, b) => (BigInt(b.blockNumber) > BigInt(a.blockNumber) ? b : a));
  return { hash: last.transactionHash, blockNumber: BigInt(last.blockNumber) };
}
