import { createPublicClient, createTestClient, createWalletClient, http, publicActions } from 'viem';
import { foundry } from 'viem/chains';
import { inject } from 'vitest';
import { readManifest } from '../../lib/deployments/manifest';
import { sendWithGasMargin } from '../../scripts/stack/contract-write';

export const rpcUrl = inject('rpcUrl');
export const indexerUrl = inject('indexerUrl');
export const manifest = () => readManifest(31337, inject('deploymentsDir'));
// cacheTime 0: viem caches the block number for 4 s by default, and the tests mine faster than that: a
// cached head let a check run against a block before the last transaction.
export const chain = createPublicClient({ chain: foundry, transport: http(rpcUrl), cacheTime: 0 });
export const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport: http(rpcUrl) }).extend(
  publicActions,
);
export const walletOf = (account: `0x${string}`) =>
  createWalletClient({ chain: foundry, account, transport: http(rpcUrl) });
export const accounts = () => createWalletClient({ chain: foundry, transport: http(rpcUrl) }).getAddresses();

export async function api<T>(path: string, base = indexerUrl): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** Waits until the indexer at `base` has indexed `block` (default: the chain's head now). */
export async function indexedUpTo(block?: bigint, base = indexerUrl, timeoutMs = 30_000): Promise<bigint> {
  const target = block ?? (await chain.getBlockNumber());
  for (let i = 0; i < timeoutMs / 100; i++) {
    const { body } = await api<{ indexed: { block: string } }>('/api/status', base).catch(() => ({
      body: { indexed: { block: '0' } },
    }));
    if (BigInt(body.indexed.block) >= target) return BigInt(body.indexed.block);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`indexer at ${base} did not reach block ${target}`);
}

export async function mined(hash: `0x${string}`) {
  const receipt = await chain.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

/** A contract call from `account` with a gas margin, mined and successful: see sendWithGasMargin. */
export function send(account: `0x${string}`, request: Parameters<typeof sendWithGasMargin>[2]) {
  return sendWithGasMargin(chain, walletOf(account), request);
}
