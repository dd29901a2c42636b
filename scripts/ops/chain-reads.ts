/**
 * What the commands check on chain before they plan anything: roles, pools, assets, balances, and the periods
 * already distributed or reported (read from the contracts' events, as the indexer records them).
 */
import { getAddress, keccak256, stringToHex, zeroHash, type Address, type Hex } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import type { Ops } from './connection';
import { OpsError } from './ops-error';
import type { Period } from './periods';
import { call, type PlannedCall } from './plan';
import { formatUsdcExact } from './usdc-amount';

/** The ERC-20 functions of the pools' USDC (MockUSDC's ABI carries the standard ones). */
const usdcAbi = mockUsdcAbi;

/** OpenZeppelin role ids: keccak256 of the name, except the admin role, which is zero. */
export function roleId(name: string): Hex {
  return name === 'DEFAULT_ADMIN_ROLE' ? zeroHash : keccak256(stringToHex(name));
}

function who(ops: Ops, holder: Address): string {
  if (holder !== ops.sender.address) return holder;
  return ops.sender.kind === 'safe' ? `the Safe ${holder}` : `the sender ${holder}`;
}

export async function hasRole(ops: Ops, contract: Address, role: string, holder: Address): Promise<boolean> {
  // Every AccessControl contract (pools, registry, factory, timelock) has the same hasRole(bytes32,address).
  return ops.client.readContract({
    address: contract,
    abi: financingPoolAbi,
    functionName: 'hasRole',
    args: [roleId(role), holder],
  });
}

export async function requireRole(
  ops: Ops,
  contract: { address: Address; label: string },
  role: string,
  holder: Address = ops.sender.address,
): Promise<void> {
  if (!(await hasRole(ops, contract.address, role, holder))) {
    throw new OpsError(`${who(ops, holder)} lacks ${role} on ${contract.label} ${contract.address}`);
  }
}

export const factoryOf = (ops: Ops) => ({
  address: ops.manifest.contracts.PoolFactory.address,
  label: 'the PoolFactory',
});
export const registryOf = (ops: Ops) => ({
  address: ops.manifest.contracts.HardwareAssetRegistry.address,
  label: 'the HardwareAssetRegistry',
});

export async function requirePool(ops: Ops, pool: Address): Promise<{ address: Address; label: string }> {
  const isPool = await ops.client.readContract({
    address: ops.manifest.contracts.PoolFactory.address,
    abi: poolFactoryAbi,
    functionName: 'isPool',
    args: [pool],
  });
  if (!isPool)
    throw new OpsError(`--pool ${pool} is not a pool of the PoolFactory ${ops.manifest.contracts.PoolFactory.address}`);
  return { address: pool, label: 'pool' };
}

export async function requirePoolNotPaused(ops: Ops, pool: Address): Promise<void> {
  const paused = await ops.client.readContract({ address: pool, abi: financingPoolAbi, functionName: 'paused' });
  if (paused)
    throw new OpsError(`pool ${pool} is paused by its guardian: no manager or reporter action until unpaused`);
}

/** What the commands need of an asset's registry record; status indexes ASSET_STATUS. */
export type AssetRecord = { pool: Address; operator: Address; status: number; units: number; model: string };

/** The registry's record of each id; ids the registry never issued are absent from the map. */
export async function readAssets(ops: Ops, ids: readonly bigint[]): Promise<Map<bigint, AssetRecord>> {
  const registry = ops.manifest.contracts.HardwareAssetRegistry.address;
  const count = await ops.client.readContract({
    address: registry,
    abi: hardwareAssetRegistryAbi,
    functionName: 'assetCount',
  });
  const assets = new Map<bigint, AssetRecord>();
  for (const id of new Set(ids)) {
    if (id > count) continue;
    const a = await ops.client.readContract({
      address: registry,
      abi: hardwareAssetRegistryAbi,
      functionName: 'getAsset',
      args: [id],
    });
    assets.set(id, { pool: a.pool, operator: a.operator, status: a.status, units: a.units, model: a.model });
  }
  return assets;
}

export const ASSET_STATUS = ['pending', 'active', 'maintenance', 'retired', 'impaired'] as const;

/** The asset, which must be registered and financed by `pool`. */
export async function requireAssetOfPool(ops: Ops, assetId: bigint, pool: Address): Promise<AssetRecord> {
  const asset = (await readAssets(ops, [assetId])).get(assetId);
  if (!asset) throw new OpsError(`--asset ${assetId} is not registered in the HardwareAssetRegistry`);
  if (getAddress(asset.pool) !== getAddress(pool)) {
    throw new OpsError(`--asset ${assetId} is financed by pool ${asset.pool}, not by ${pool}`);
  }
  return asset;
}

export async function chainTime(ops: Ops): Promise<bigint> {
  return (await ops.client.getBlock({ blockTag: 'latest' })).timestamp;
}

/**
 * Logs over [from, to], halving the range whenever the RPC refuses it (providers cap the blocks or results of
 * one eth_getLogs), down to single blocks.
 */
export async function logsInRange<T>(
  fetch: (from: bigint, to: bigint) => Promise<T[]>,
  from: bigint,
  to: bigint,
): Promise<T[]> {
  try {
    return await fetch(from, to);
  } catch (error) {
    if (to <= from) throw error;
    const mid = (from + to) / 2n;
    return [...(await logsInRange(fetch, from, mid)), ...(await logsInRange(fetch, mid + 1n, to))];
  }
}

/** The block the pool was created in: from the manifest, or the factory's PoolCreated event. */
export async function poolStartBlock(ops: Ops, pool: Address): Promise<bigint> {
  const listed = ops.manifest.contracts.FinancingPools.find((p) => getAddress(p.address) === getAddress(pool));
  if (listed) return BigInt(listed.deployedOnBlock);
  const factory = ops.manifest.contracts.PoolFactory;
  const latest = await ops.client.getBlockNumber();
  const created = await logsInRange(
    (fromBlock, toBlock) =>
      ops.client.getContractEvents({
        address: factory.address,
        abi: poolFactoryAbi,
        eventName: 'PoolCreated',
        args: { pool },
        fromBlock,
        toBlock,
      }),
    BigInt(factory.deployedOnBlock),
    latest,
  );
  return created[0]?.blockNumber ?? BigInt(factory.deployedOnBlock);
}

type PeriodLog = {
  transactionHash: Hex | null;
  blockNumber: bigint | null;
  args: { assetId?: bigint; periodStart?: bigint | number; periodEnd?: bigint | number };
};

/** RevenueDistributed and UtilizationReported logs alike, as each asset's periods with where they were recorded. */
function periodsByAsset(logs: readonly PeriodLog[]): Map<bigint, Period[]> {
  const byAsset = new Map<bigint, Period[]>();
  for (const log of logs) {
    const { assetId, periodStart, periodEnd } = log.args;
    const list = byAsset.get(assetId!) ?? [];
    list.push({
      start: BigInt(periodStart!),
      end: BigInt(periodEnd!),
      origin: `tx ${log.transactionHash}, block ${log.blockNumber}`,
    });
    byAsset.set(assetId!, list);
  }
  return byAsset;
}

/** Each asset's periods the pool has distributed revenue for (RevenueDistributed). */
export async function distributedPeriods(ops: Ops, pool: Address, assetIds: readonly bigint[]) {
  if (assetIds.length === 0) return new Map<bigint, Period[]>();
  const logs = await logsInRange(
    (fromBlock, toBlock) =>
      ops.client.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        eventName: 'RevenueDistributed',
        args: { assetId: [...new Set(assetIds)] },
        fromBlock,
        toBlock,
      }),
    await poolStartBlock(ops, pool),
    await ops.client.getBlockNumber(),
  );
  return periodsByAsset(logs);
}

/** Each asset's periods utilization was reported for (UtilizationReported). */
export async function reportedPeriods(ops: Ops, assetIds: readonly bigint[]) {
  if (assetIds.length === 0) return new Map<bigint, Period[]>();
  const registry = ops.manifest.contracts.HardwareAssetRegistry;
  const logs = await logsInRange(
    (fromBlock, toBlock) =>
      ops.client.getContractEvents({
        address: registry.address,
        abi: hardwareAssetRegistryAbi,
        eventName: 'UtilizationReported',
        args: { assetId: [...new Set(assetIds)] },
        fromBlock,
        toBlock,
      }),
    BigInt(registry.deployedOnBlock),
    await ops.client.getBlockNumber(),
  );
  return periodsByAsset(logs);
}

/**
 * The sender pays `amount` USDC to `spender` (a pool pulling a repayment or revenue): refused when the balance is
 * short; an approval of exactly the amount is planned first unless the allowance already covers it.
 */
export async function planUsdcPayment(
  ops: Ops,
  spender: Address,
  amount: bigint,
  purpose: string,
): Promise<PlannedCall[]> {
  const usdc = ops.manifest.contracts.USDC.address;
  const payer = ops.sender.address;
  const balance = await ops.client.readContract({
    address: usdc,
    abi: usdcAbi,
    functionName: 'balanceOf',
    args: [payer],
  });
  if (balance < amount) {
    throw new OpsError(
      `${who(ops, payer)} holds ${formatUsdcExact(balance)}; ${formatUsdcExact(amount)} is needed for ${purpose}`,
    );
  }
  const allowance = await ops.client.readContract({
    address: usdc,
    abi: usdcAbi,
    functionName: 'allowance',
    args: [payer, spender],
  });
  if (allowance >= amount) return [];
  return [
    call({
      to: usdc,
      abi: usdcAbi,
      functionName: 'approve',
      args: [spender, amount],
      summary: `allow pool ${spender} to pull ${formatUsdcExact(amount)} for ${purpose}`,
    }),
  ];
}
