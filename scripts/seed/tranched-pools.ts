/**
 * The seeded tranched pools, as plain data, and the step that opens them: a senior and a junior tranche (each an
 * ERC-4626 vault) over the same USDC and the same machines (contracts/src/tranche). One compute pool and one
 * robotics pool, with 180+ days of history: a week when revenue falls short of the senior rate (the shortfall is
 * carried and paid first the week after), and a write-down the junior tranche absorbs.
 *
 * TranchedPoolFactory creates each pool with its two vaults from registered code and hands the pool's admin role to
 * the timelock, which sets the per-asset limits after its delay (contracts/SECURITY.md).
 */
import { encodeFunctionData, keccak256, parseEventLogs, parseUnits, type Address } from 'viem';
import {
  hardwareAssetRegistryAbi,
  mockUsdcAbi,
  tranchedPoolAbi,
  tranchedPoolFactoryAbi,
} from '../../lib/contracts/abis';
import type { Manifest } from '../../lib/deployments/manifest';
import { usdcUnits } from './economics';
import type { AssetSpec } from './machines';
import { creationBytecode } from './artifacts';
import type { Protocol, TimelockCall } from './protocol';
import type { SeedChain } from './seed-chain';
import { ACCOUNTS, PROJECTS } from './world';

export type TranchedPoolSpec = {
  key: string;
  project: string;
  name: string;
  /** Prefix of the tranches' share symbols: `${symbol}S` senior, `${symbol}J` junior. */
  symbol: string;
  capUsdc: number;
  /** Senior's target rate, a year, in basis points. */
  seniorRateBps: number;
  /** Junior's smallest share of the pool's value, in basis points. */
  minSubordinationBps: number;
  /** Share of the pool's value kept idle for instant exits when capital is deployed. */
  idleReserve: number;
  metadata: string; // public/metadata/pools/<file>, carried by the pool's machines
};

export const TRANCHED_POOLS: readonly TranchedPoolSpec[] = [
  {
    key: 'aus-t',
    project: 'austin',
    name: 'Austin B200 Inference · Tranched',
    symbol: 'myAUST',
    capUsdc: 6_000_000,
    seniorRateBps: 800,
    minSubordinationBps: 2_000,
    idleReserve: 0.06,
    metadata: 'austin-b200-tranched.json',
  },
  {
    key: 'rot-t',
    project: 'rotterdam',
    name: 'Rotterdam Forklift Fleet · Tranched',
    symbol: 'myROTT',
    capUsdc: 4_000_000,
    seniorRateBps: 700,
    minSubordinationBps: 2_500,
    idleReserve: 0.05,
    metadata: 'rotterdam-forklift-tranched.json',
  },
];

const gpu = (price: number, opex: number) =>
  ({ kind: 'gpu', pricePerGpuHour: price, operatingCostShare: opex }) as const;
const robot = (rent: number, maint: number) =>
  ({ kind: 'robot', monthlyRentPerRobot: rent, maintenanceShare: maint }) as const;

/** The tranched pools' machines (`pool` is a key of TRANCHED_POOLS); registered after the single pools' ones. */
export const TRANCHED_ASSETS: readonly AssetSpec[] = [
  {
    pool: 'aus-t',
    model: 'NVIDIA B200 (8-GPU HGX)',
    units: 48,
    location: 'Austin, TX · Parmer Lane DC',
    unitCostUsdc: 38_000,
    economics: gpu(2.4, 0.5),
    baseUtilization: 0.82,
    liveDay: 24,
    monthlyRepayment: 0.025,
    // A site-wide power fault: a week of almost no revenue, short of senior's interest.
    event: { kind: 'maintenance', day: 96, days: 6 },
  },
  {
    pool: 'aus-t',
    model: 'NVIDIA H200 NVL 141GB',
    units: 32,
    location: 'Austin, TX · Parmer Lane DC',
    unitCostUsdc: 29_000,
    economics: gpu(1.9, 0.5),
    baseUtilization: 0.78,
    liveDay: 28,
    monthlyRepayment: 0.025,
    event: { kind: 'maintenance', day: 96, days: 6 },
  },
  {
    pool: 'rot-t',
    model: 'Autonomous forklift, 2,000 kg',
    units: 30,
    location: 'Rotterdam, Botlek DC 2',
    unitCostUsdc: 52_000,
    economics: robot(1_100, 0.25),
    baseUtilization: 0.92,
    liveDay: 26,
    monthlyRepayment: 0.02,
  },
  {
    pool: 'rot-t',
    model: 'Autonomous pallet mover, 1,200 kg',
    units: 24,
    location: 'Rotterdam, Eemhaven',
    unitCostUsdc: 36_000,
    economics: robot(800, 0.25),
    baseUtilization: 0.9,
    liveDay: 30,
    monthlyRepayment: 0.02,
    // A fire at the Eemhaven site: provisioned, written off, partly recovered. Junior absorbs all of it.
    event: {
      kind: 'impaired',
      day: 124,
      writeDownShare: 0.3,
      writeDownAfterDays: 28,
      recoveryShare: 0.25,
      recoveryAfterDays: 60,
    },
  },
];

/** Deposits: [investor, pool, tranche, USDC, day]. Junior first, so senior always has its subordination. */
export const TRANCHED_DEPOSITS: readonly [number, string, 'senior' | 'junior', number, number][] = [
  [4, 'aus-t', 'junior', 520_000, 8],
  [7, 'aus-t', 'junior', 330_000, 10],
  [6, 'aus-t', 'senior', 1_400_000, 12],
  [19, 'aus-t', 'senior', 900_000, 14],
  [17, 'aus-t', 'senior', 650_000, 18],
  [2, 'rot-t', 'junior', 480_000, 9],
  [6, 'rot-t', 'junior', 260_000, 11],
  [5, 'rot-t', 'senior', 1_150_000, 13],
  [18, 'rot-t', 'senior', 720_000, 16],
  [4, 'rot-t', 'senior', 200_000, 60],
  [19, 'aus-t', 'junior', 90_000, 75],
];

/** Exits: [investor, pool, tranche, share of balance, day, how]. */
export const TRANCHED_EXITS: readonly [number, string, 'senior' | 'junior', number, number, 'instant' | 'request'][] = [
  // A junior holder takes some profit out of idle cash.
  [7, 'aus-t', 'junior', 0.25, 150, 'instant'],
  // A senior holder's exit beyond idle cash waits in the senior queue today.
  [18, 'rot-t', 'senior', 0.5, 190, 'request'],
];

/** Investors who claim their tranche revenue every 30 days. */
export const TRANCHED_CLAIMERS: readonly number[] = [2, 4, 17, 5];

export type OpenedTranchedPool = {
  spec: TranchedPoolSpec;
  pool: Address;
  senior: Address;
  junior: Address;
  deployedOnBlock: number;
};

const KIND = { gpu: 0, robot: 1 } as const;

/** A pool and its two vaults deployed in one call: about 9.2M gas (forge's figure), with a margin. */
const TRANCHED_POOL_CREATION_GAS = 12_000_000n;

/**
 * Deploys the tranched-pool factory (on PoolFactory's projects and terms, from registered code), creates each pool
 * with its two vaults through it (the pool's admin: the timelock), registers the pool's machines, and schedules their
 * limits (each the machines' cost) through the timelock: `executeAssetLimits` carries them out once its delay is
 * over. `firstAssetId`: the id the registry gives next.
 */
export async function openTranchedPools(
  chain: SeedChain,
  protocol: Protocol,
  projectIds: Map<string, bigint>,
  firstAssetId: bigint,
  log: (line: string) => void,
) {
  const { addr, send, deploy } = chain;
  const poolCode = creationBytecode('TranchedPool');
  const vaultCode = creationBytecode('TrancheVault');
  const factory = await deploy(ACCOUNTS.admin, 'TranchedPoolFactory', tranchedPoolFactoryAbi, [
    protocol.factory.address,
    keccak256(poolCode),
    keccak256(vaultCode),
  ]);
  log(`TranchedPoolFactory    ${factory.address}`);
  const opened: OpenedTranchedPool[] = [];
  const assetIds = new Map<AssetSpec, bigint>();
  const limits: TimelockCall[] = [];
  let nextAssetId = firstAssetId;
  for (const spec of TRANCHED_POOLS) {
    const project = PROJECTS.find((p) => p.key === spec.project)!;
    const receipt = await send(
      ACCOUNTS.admin,
      {
        address: factory.address,
        abi: tranchedPoolFactoryAbi,
        functionName: 'createTranchedPool',
        args: [
          {
            projectId: projectIds.get(spec.project)!,
            name: spec.name,
            symbol: spec.symbol,
            depositCap: parseUnits(String(spec.capUsdc), 6),
            seniorRateBps: spec.seniorRateBps,
            minSubordinationBps: spec.minSubordinationBps,
          },
          poolCode,
          vaultCode,
        ],
      },
      TRANCHED_POOL_CREATION_GAS,
    );
    const [created] = parseEventLogs({
      abi: tranchedPoolFactoryAbi,
      logs: receipt.logs,
      eventName: 'TranchedPoolCreated',
    });
    const { pool, senior, junior } = created!.args;

    for (const asset of TRANCHED_ASSETS.filter((a) => a.pool === spec.key)) {
      await send(ACCOUNTS.registrar, {
        address: protocol.registry.address,
        abi: hardwareAssetRegistryAbi,
        functionName: 'registerAsset',
        args: [
          pool,
          addr(project.operatorAccount),
          KIND[asset.economics.kind],
          asset.model,
          asset.units,
          asset.location,
          `/metadata/pools/${spec.metadata}`,
        ],
      });
      const id = nextAssetId++;
      assetIds.set(asset, id);
      limits.push({
        target: pool,
        data: encodeFunctionData({
          abi: tranchedPoolAbi,
          functionName: 'setAssetLimit',
          args: [id, usdcUnits(asset.units * asset.unitCostUsdc)],
        }),
      });
    }
    for (const payer of [ACCOUNTS.manager, ACCOUNTS.reporter]) {
      await send(payer, {
        address: protocol.usdc.address,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [pool, 2n ** 255n],
      });
    }
    opened.push({ spec, pool, senior, junior, deployedOnBlock: Number(receipt.blockNumber) });
    log(`TranchedPool           ${pool} ${spec.name} (senior ${senior}, junior ${junior})`);
  }
  const executeAssetLimits = await protocol.scheduleBatch(limits);
  return { factory, opened, assetIds, executeAssetLimits };
}

export type TranchedMarket = Awaited<ReturnType<typeof openTranchedPools>>;

/** The manifest's entries for the tranched pools and their factory. */
export function tranchedManifest(
  market: TranchedMarket,
): Pick<Manifest['contracts'], 'TranchedPoolFactory' | 'TranchedPools'> {
  return {
    TranchedPoolFactory: { address: market.factory.address, deployedOnBlock: market.factory.block },
    TranchedPools: market.opened.map(({ pool, senior, junior, deployedOnBlock }) => ({
      address: pool,
      deployedOnBlock,
      senior,
      junior,
    })),
  };
}
