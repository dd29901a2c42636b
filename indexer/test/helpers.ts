import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseUnits,
  publicActions,
  type Address,
} from 'viem';
import { foundry } from 'viem/chains';
import { inject } from 'vitest';
import { fiatTokenStandInAbi } from '../../lib/contracts/abis';
import { readManifest, writeManifest, type Manifest } from '../../lib/deployments/manifest';
import { ASSETS } from '../../scripts/seed/machines';
import { depositInPool, marketManifest, openMarket } from '../../scripts/seed/market';
import { deployProtocol } from '../../scripts/seed/protocol';
import { connectSeedChain, type SeedChain } from '../../scripts/seed/seed-chain';
import { startAnvil } from '../../scripts/stack/anvil';
import { sendWithGasMargin } from '../../scripts/stack/contract-write';
import type { Service } from '../../scripts/stack/processes';

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

// ─── A seeded world on a chain of any id (multichain.test.ts) ───────────────────────────────────────────

/** The seed's protocol and market on one anvil: its first machine group and that group's pool. */
export type World = {
  rpcUrl: string;
  chain: SeedChain;
  manifest: Manifest;
  pool: Address;
  assetId: bigint;
  executeAssetLimits: () => Promise<void>;
};

/**
 * The seed's chain with a USDC that deploys on any chain id: MockUSDC refuses every chain but a local one, so
 * FiatTokenStandIn (no public mint; the deployer its minter) stands in for it, on every chain alike so that
 * every later address is the same on each.
 */
function withStandInUsdc(chain: SeedChain): SeedChain {
  const deploy = (async (from, contract, abi, args) => {
    if (contract !== 'MockUSDC') return chain.deploy(from, contract, abi, args);
    const usdc = await chain.deploy(from, 'FiatTokenStandIn', fiatTokenStandInAbi, [chain.addr(from)]);
    await chain.send(from, {
      address: usdc.address,
      abi: fiatTokenStandInAbi,
      functionName: 'configureMinter',
      args: [chain.addr(from), 2n ** 255n],
    });
    return usdc;
  }) as SeedChain['deploy'];
  return { ...chain, deploy };
}

/**
 * The seed's protocol and market (projects, pools, machine groups) on a fresh anvil with `chainId`, its
 * manifest written to `deploymentsDir`. The anvil goes into `services` as soon as it runs: the caller stops it.
 */
export async function deployWorld(
  port: number,
  chainId: number,
  deploymentsDir: string,
  services: Service[],
): Promise<World> {
  const anvil = await startAnvil(port, { quiet: true, chainId });
  services.push(anvil);
  const chain = withStandInUsdc(await connectSeedChain(anvil.rpcUrl, { chainId }));
  const protocol = await deployProtocol(chain, () => {});
  const market = await openMarket(chain, protocol, () => {});
  const manifest = marketManifest(chainId, protocol, market);
  writeManifest(manifest, deploymentsDir);
  const asset = ASSETS[0]!;
  return {
    rpcUrl: anvil.rpcUrl,
    chain,
    manifest,
    pool: market.pools.get(asset.pool)!,
    assetId: market.assetIds.get(asset)!,
    executeAssetLimits: market.executeAssetLimits,
  };
}

/** `investor` deposits `usdc` into the world's pool. */
export async function depositInto(world: World, investor: number, usdc: string) {
  const { chain, pool, manifest } = world;
  await depositInPool(chain, investor, manifest.contracts.USDC.address, pool, parseUnits(usdc, 6));
}
