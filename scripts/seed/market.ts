/**
 * Step 2 of the seed: the market on top of the protocol. The projects, one pool per financing round, the machine
 * groups in the registry, the permissioned pool's allowlist, and the per-asset limits (scheduled through the
 * timelock: they take effect once its delay is over).
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeFunctionData, keccak256, parseUnits, type Address } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { usdcUnits } from './economics';
import { ASSETS, type AssetSpec } from './machines';
import type { Manifest } from '../../lib/deployments/manifest';
import type { Protocol } from './protocol';
import type { SeedChain } from './seed-chain';
import { tranchedManifest, type TranchedMarket } from './tranched-pools';
import { ACCOUNTS, DEPOSITS, POOLS, PROJECTS } from './world';

const KIND = { gpu: 0, robot: 1 } as const;
const CATEGORY = { compute: 0, robotics: 1 } as const;

const metadataHash = (kind: 'projects' | 'pools', file: string) =>
  keccak256(fs.readFileSync(path.join(process.cwd(), 'public', 'metadata', kind, file)));

export async function openMarket(chain: SeedChain, protocol: Protocol, log: (line: string) => void) {
  const { addr, send, client } = chain;
  const factory = { address: protocol.factory.address, abi: poolFactoryAbi } as const;
  const registry = { address: protocol.registry.address, abi: hardwareAssetRegistryAbi } as const;

  const projectIds = new Map<string, bigint>();
  for (const [i, project] of PROJECTS.entries()) {
    await send(ACCOUNTS.admin, {
      ...factory,
      functionName: 'registerProject',
      args: [
        addr(project.operatorAccount),
        CATEGORY[project.category],
        project.name,
        `/metadata/projects/${project.metadata}`,
        metadataHash('projects', project.metadata),
      ],
    });
    projectIds.set(project.key, BigInt(i + 1));
  }

  const pools = new Map<string, Address>();
  const poolBlocks: { address: Address; deployedOnBlock: number }[] = [];
  for (const spec of POOLS) {
    const receipt = await send(ACCOUNTS.admin, {
      ...factory,
      functionName: 'createPool',
      args: [
        {
          projectId: projectIds.get(spec.project)!,
          name: spec.name,
          symbol: spec.symbol,
          depositCap: parseUnits(String(spec.capUsdc), 6),
          minDeposit: parseUnits(String(spec.minDepositUsdc), 6),
          permissioned: spec.permissioned ?? false,
          metadataURI: `/metadata/pools/${spec.metadata}`,
          metadataHash: metadataHash('pools', spec.metadata),
        },
        protocol.poolCode,
      ],
    });
    const count = await client.readContract({ ...factory, functionName: 'poolCount' });
    const address = await client.readContract({ ...factory, functionName: 'pools', args: [count - 1n] });
    pools.set(spec.key, address);
    poolBlocks.push({ address, deployedOnBlock: Number(receipt.blockNumber) });
    for (const payer of [ACCOUNTS.manager, ACCOUNTS.reporter]) {
      await send(payer, {
        address: protocol.usdc.address,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [address, 2n ** 255n],
      });
    }
    log(`FinancingPool          ${address} ${spec.name}`);
  }

  const assetIds = new Map<AssetSpec, bigint>();
  for (const [i, asset] of ASSETS.entries()) {
    const spec = POOLS.find((p) => p.key === asset.pool)!;
    const project = PROJECTS.find((p) => p.key === spec.project)!;
    await send(ACCOUNTS.registrar, {
      ...registry,
      functionName: 'registerAsset',
      args: [
        pools.get(asset.pool)!,
        addr(project.operatorAccount),
        KIND[asset.economics.kind],
        asset.model,
        asset.units,
        asset.location,
        `/metadata/pools/${spec.metadata}`,
      ],
    });
    assetIds.set(asset, BigInt(i + 1));
  }

  // The permissioned pool admits the investors the world has depositing into it, and no one else.
  for (const spec of POOLS.filter((p) => p.permissioned)) {
    const investors = new Set(DEPOSITS.filter(([, pool]) => pool === spec.key).map(([investor]) => investor));
    for (const investor of investors) {
      await send(ACCOUNTS.compliance, {
        address: pools.get(spec.key)!,
        abi: financingPoolAbi,
        functionName: 'setAllowed',
        args: [addr(investor), true],
      });
    }
  }

  // Per-asset limits are the timelock's: scheduled now, executable once the delay is over (before any machine
  // goes live). Each limit is the machines' cost.
  const executeAssetLimits = await protocol.scheduleBatch(
    ASSETS.map((asset) => ({
      target: pools.get(asset.pool)!,
      data: encodeFunctionData({
        abi: financingPoolAbi,
        functionName: 'setAssetLimit',
        args: [assetIds.get(asset)!, usdcUnits(asset.units * asset.unitCostUsdc)],
      }),
    })),
  );

  return { projectIds, pools, poolBlocks, assetIds, executeAssetLimits };
}

export type Market = Awaited<ReturnType<typeof openMarket>>;

/** The manifest of a seeded chain: the protocol's contracts and the pools the market opened. */
export function marketManifest(
  chainId: number,
  protocol: Protocol,
  market: Market,
  tranched?: TranchedMarket,
): Manifest {
  const { usdc, registry, timelock, factory } = protocol;
  return {
    chainId,
    startBlock: usdc.block,
    contracts: {
      USDC: { address: usdc.address, deployedOnBlock: usdc.block },
      HardwareAssetRegistry: { address: registry.address, deployedOnBlock: registry.block },
      ProtocolTimelock: { address: timelock.address, deployedOnBlock: timelock.block },
      PoolFactory: { address: factory.address, deployedOnBlock: factory.block },
      FinancingPools: market.poolBlocks,
      ...(tranched ? tranchedManifest(tranched) : {}),
    },
  };
}

/** `investor` approves the pool for `assets` of `usdc` and deposits them, for themselves. */
export async function depositInPool(chain: SeedChain, investor: number, usdc: Address, pool: Address, assets: bigint) {
  await chain.send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [pool, assets] });
  await chain.send(investor, {
    address: pool,
    abi: financingPoolAbi,
    functionName: 'deposit',
    args: [assets, chain.addr(investor)],
  });
}
