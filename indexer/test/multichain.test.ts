/**
 * One indexer, two chains (CHAIN_IDS=31337,84532, each with its RPC_URL_<chainId>). The same deployer deploys
 * the same protocol on both, so the factory, the pools and the registry have the same addresses on each, and
 * projects and machine groups the same ids; then each chain gets different deposits, and only Base Sepolia's
 * sees capital deployed. Every figure must stay on its own chain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUnits, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  fiatTokenStandInAbi,
  financingPoolAbi,
  hardwareAssetRegistryAbi,
  mockUsdcAbi,
  poolFactoryAbi,
} from '../../lib/contracts/abis';
import { writeManifest, type Manifest } from '../../lib/deployments/manifest';
import { ASSETS } from '../../scripts/seed/machines';
import { openMarket } from '../../scripts/seed/market';
import { deployProtocol } from '../../scripts/seed/protocol';
import { connectSeedChain, DAY, type SeedChain } from '../../scripts/seed/seed-chain';
import { ACCOUNTS, PROJECTS, TIMELOCK_DELAY_DAYS } from '../../scripts/seed/world';
import { startAnvil } from '../../scripts/stack/anvil';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../../scripts/stack/indexer';
import type { Service } from '../../scripts/stack/processes';
import { api } from './helpers';

const CHAIN_PORT = Number(process.env.INDEXER_TEST_CHAIN_PORT ?? 8745);
const INDEXER_PORT = Number(process.env.INDEXER_TEST_PORT ?? 42269) + 20;
const LOCAL = 31337;
const BASE_SEPOLIA = 84532;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'my-indexer-multichain-'));
const services: Service[] = [];
let indexerUrl: string;

type World = { rpcUrl: string; chain: SeedChain; manifest: Manifest; pool: Address; assetId: bigint };
const worlds = new Map<number, World>();

/**
 * The seed's chain with a USDC that deploys on any chain id: MockUSDC refuses every chain but a local one, so
 * FiatTokenStandIn (no public mint; the deployer its minter) stands in for it, on both chains alike so that
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

/** The seed's protocol and market (projects, pools, machine groups) on a fresh anvil with `chainId`. */
async function deployWorld(port: number, chainId: number): Promise<World> {
  const anvil = await startAnvil(port, { quiet: true, chainId });
  services.push(anvil);
  const chain = withStandInUsdc(await connectSeedChain(anvil.rpcUrl, { chainId }));
  const protocol = await deployProtocol(chain, () => {});
  const market = await openMarket(chain, protocol, () => {});
  const { usdc, registry, timelock, factory } = protocol;
  const manifest: Manifest = {
    chainId,
    startBlock: usdc.block,
    contracts: {
      USDC: { address: usdc.address, deployedOnBlock: usdc.block },
      HardwareAssetRegistry: { address: registry.address, deployedOnBlock: registry.block },
      ProtocolTimelock: { address: timelock.address, deployedOnBlock: timelock.block },
      PoolFactory: { address: factory.address, deployedOnBlock: factory.block },
      FinancingPools: market.poolBlocks,
    },
  };
  writeManifest(manifest, path.join(work, 'deployments'));
  const asset = ASSETS[0]!;
  const world = {
    rpcUrl: anvil.rpcUrl,
    chain,
    manifest,
    pool: market.pools.get(asset.pool)!,
    assetId: market.assetIds.get(asset)!,
  };
  return Object.assign(world, { executeAssetLimits: market.executeAssetLimits });
}

async function deposit(world: World, investor: number, usdc: string) {
  const amount = parseUnits(usdc, 6);
  const { chain, pool, manifest } = world;
  await chain.send(investor, {
    address: manifest.contracts.USDC.address,
    abi: mockUsdcAbi,
    functionName: 'approve',
    args: [pool, amount],
  });
  await chain.send(investor, {
    address: pool,
    abi: financingPoolAbi,
    functionName: 'deposit',
    args: [amount, chain.addr(investor)],
  });
}

const [investor, other] = ACCOUNTS.investors;

beforeAll(async () => {
  const local = await deployWorld(CHAIN_PORT + 2, LOCAL);
  const base = (await deployWorld(CHAIN_PORT + 1, BASE_SEPOLIA)) as World & { executeAssetLimits: () => Promise<void> };
  worlds.set(LOCAL, local);
  worlds.set(BASE_SEPOLIA, base);

  // Different money on each chain; capital goes into the first machine group on Base Sepolia only.
  await deposit(local, investor, '100000');
  await deposit(base, investor, '250000');
  await deposit(base, other, '50000');
  await base.chain.client.increaseTime({ seconds: TIMELOCK_DELAY_DAYS * DAY + 60 });
  await base.chain.client.mine({ blocks: 1 });
  await base.executeAssetLimits();
  await base.chain.send(ACCOUNTS.manager, {
    address: base.pool,
    abi: financingPoolAbi,
    functionName: 'deployCapital',
    args: [base.assetId, parseUnits('100000', 6)],
  });
  await base.chain.send(ACCOUNTS.registrar, {
    address: base.manifest.contracts.HardwareAssetRegistry.address,
    abi: hardwareAssetRegistryAbi,
    functionName: 'setStatus',
    args: [base.assetId, 1],
  });

  const rpcs = { [LOCAL]: rpcOf(LOCAL), [BASE_SEPOLIA]: rpcOf(BASE_SEPOLIA) };
  const indexer = spawnIndexer({
    port: INDEXER_PORT,
    rpcUrl: rpcs[LOCAL],
    chains: rpcs,
    deploymentsDir: path.join(work, 'deployments'),
    pgliteDir: path.join(work, 'pglite'),
    command: 'start',
    schema: 'multichain',
    logLevel: 'warn',
    quiet: true,
    databaseUrl: inject('extraDatabases')?.multichain,
  });
  services.push(indexer);
  indexerUrl = `http://127.0.0.1:${INDEXER_PORT}`;
  await waitForIndexerReady(indexerUrl, indexer);
  await waitForIndexerAtHead(indexerUrl, rpcs, indexer);
}, 360_000);

function rpcOf(chainId: number) {
  return worlds.get(chainId)!.rpcUrl;
}

afterAll(async () => {
  for (const service of services.reverse()) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) continue;
    await new Promise<void>((resolve) => {
      service.child.once('exit', () => resolve());
      process.kill(-service.child.pid!, 'SIGKILL');
    });
  }
  fs.rmSync(work, { recursive: true, force: true });
});

const get = <T>(p: string) => api<T>(p, indexerUrl);

/** Every pool the chain's factory has created, in lower case as the indexer keeps them. */
async function factoryPools(world: World): Promise<string[]> {
  const factory = { address: world.manifest.contracts.PoolFactory.address, abi: poolFactoryAbi } as const;
  const count = await world.chain.client.readContract({ ...factory, functionName: 'poolCount' });
  const list: string[] = [];
  for (let i = 0n; i < count; i++)
    list.push((await world.chain.client.readContract({ ...factory, functionName: 'pools', args: [i] })).toLowerCase());
  return list;
}

type ApiPool = Record<string, string | number | boolean | null> & { chainId: number; address: string };

describe('one indexer, two chains with the same addresses and ids', () => {
  it('deployed the same addresses on both chains (the collision this guards against)', () => {
    const [a, b] = [worlds.get(LOCAL)!, worlds.get(BASE_SEPOLIA)!];
    expect(a.manifest.contracts.PoolFactory.address).toBe(b.manifest.contracts.PoolFactory.address);
    expect(a.manifest.contracts.HardwareAssetRegistry.address).toBe(b.manifest.contracts.HardwareAssetRegistry.address);
    expect(a.pool).toBe(b.pool);
    expect(a.assetId).toBe(b.assetId);
  });

  it('Ponder indexes each chain under its own name', async () => {
    const status = (await (await fetch(`${indexerUrl}/status`)).json()) as Record<string, { id: number }>;
    expect(Object.fromEntries(Object.entries(status).map(([name, s]) => [name, s.id]))).toEqual({
      anvil: LOCAL,
      baseSepolia: BASE_SEPOLIA,
    });
  });

  it('a list spans both chains, each row with its chainId; ?chainId= keeps one', async () => {
    const { status, body } = await get<{ pools: ApiPool[]; total: number }>('/api/pools?limit=200');
    expect(status).toBe(200);
    for (const [chainId, world] of worlds) {
      const rows = body.pools.filter((p) => p.chainId === chainId);
      expect(rows.map((p) => p.address).sort()).toEqual((await factoryPools(world)).sort());
    }
    expect(body.pools.every((p) => p.chainId === LOCAL || p.chainId === BASE_SEPOLIA)).toBe(true);
    expect(body.total).toBe(body.pools.length);

    const one = await get<{ pools: ApiPool[] }>(`/api/pools?limit=200&chainId=${BASE_SEPOLIA}`);
    expect(one.status).toBe(200);
    expect(one.body.pools.length).toBe(body.pools.length / 2);
    expect(one.body.pools.every((p) => p.chainId === BASE_SEPOLIA)).toBe(true);

    const projects = await get<{ projects: { chainId: number; id: string }[] }>('/api/projects');
    expect(projects.body.projects).toHaveLength(2 * PROJECTS.length);
    for (const chainId of [LOCAL, BASE_SEPOLIA])
      expect(projects.body.projects.filter((p) => p.chainId === chainId).map((p) => p.id)).toEqual(
        PROJECTS.map((_, i) => String(i + 1)),
      );
  });

  it('each chain’s pool figures are its own contract reads', async () => {
    const totals = new Map<number, bigint>();
    for (const [chainId, world] of worlds) {
      const read = <T>(functionName: string) =>
        world.chain.client.readContract({
          address: world.pool,
          abi: financingPoolAbi,
          functionName,
        } as never) as Promise<T>;
      const { status, body } = await get<{ pool: ApiPool; indexed: { chains: { chainId: number }[] } }>(
        `/api/pools/${world.pool}?chainId=${chainId}`,
      );
      expect(status).toBe(200);
      expect(body.pool.chainId).toBe(chainId);
      expect(body.indexed.chains.map((c) => c.chainId)).toEqual([chainId]);
      for (const field of ['totalAssets', 'totalSupply', 'idle', 'outstandingPrincipal'])
        expect(BigInt(body.pool[field] as string), `${chainId} ${field}`).toBe(await read<bigint>(field));
      expect(body.pool.status).toBe(['raising', 'active', 'closed'][await read<number>('status')]);
      totals.set(chainId, BigInt(body.pool.totalAssets as string));
    }
    expect(totals.get(LOCAL)).toBe(parseUnits('100000', 6));
    expect(totals.get(BASE_SEPOLIA)).toBe(parseUnits('300000', 6));

    const protocol = await get<{ protocol: { tvl: string } }>('/api/protocol');
    expect(BigInt(protocol.body.protocol.tvl)).toBe(totals.get(LOCAL)! + totals.get(BASE_SEPOLIA)!);
    const local = await get<{ protocol: { tvl: string } }>(`/api/protocol?chainId=${LOCAL}`);
    expect(BigInt(local.body.protocol.tvl)).toBe(totals.get(LOCAL));
  });

  it('each chain’s machine group with the same id has its own capital and status', async () => {
    for (const [chainId, world] of worlds) {
      const { status, body } = await get<{
        asset: { chainId: number; deployed: string; status: string; outstanding: string };
        pool: { chainId: number; address: string } | null;
        capital: { chainId: number; kind: string; amount: string }[];
      }>(`/api/assets/${world.assetId}?chainId=${chainId}`);
      expect(status).toBe(200);
      expect(body.asset.chainId).toBe(chainId);
      expect(body.pool).toMatchObject({ chainId, address: world.pool.toLowerCase() });
      const [deployed] = (await world.chain.client.readContract({
        address: world.pool,
        abi: financingPoolAbi,
        functionName: 'assetCapital',
        args: [world.assetId],
      } as never)) as readonly bigint[];
      expect(BigInt(body.asset.deployed)).toBe(deployed);
      const onChainStatus = (await world.chain.client.readContract({
        address: world.manifest.contracts.HardwareAssetRegistry.address,
        abi: hardwareAssetRegistryAbi,
        functionName: 'statusOf',
        args: [world.assetId],
      })) as number;
      expect(body.asset.status).toBe(['pending', 'active', 'maintenance', 'retired', 'impaired'][onChainStatus]);
      expect(body.capital.every((c) => c.chainId === chainId)).toBe(true);
    }
    const [local, base] = await Promise.all(
      [LOCAL, BASE_SEPOLIA].map((id) => get<{ asset: { deployed: string } }>(`/api/assets/1?chainId=${id}`)),
    );
    expect(local!.body.asset.deployed).toBe('0');
    expect(base!.body.asset.deployed).toBe(parseUnits('100000', 6).toString());
  });

  it('each chain’s positions are the shares its pool says', async () => {
    for (const [chainId, world] of worlds) {
      for (const account of [investor, other]) {
        const holder = world.chain.addr(account);
        const shares = await world.chain.client.readContract({
          address: world.pool,
          abi: financingPoolAbi,
          functionName: 'balanceOf',
          args: [holder],
        });
        const { body } = await get<{ positions: { chainId: number; pool: string; shares: string }[] }>(
          `/api/accounts/${holder}/positions?chainId=${chainId}`,
        );
        expect(body.positions.every((p) => p.chainId === chainId)).toBe(true);
        const position = body.positions.find((p) => p.pool === world.pool.toLowerCase());
        expect(BigInt(position?.shares ?? '0'), `${chainId} ${holder}`).toBe(shares);
      }
    }
  });

  it('a single pool, asset, project or account without chainId is a 400 naming the chains', async () => {
    const pool = worlds.get(LOCAL)!.pool;
    const holder = worlds.get(LOCAL)!.chain.addr(investor);
    for (const p of [
      `/api/pools/${pool}`,
      `/api/pools/${pool}/activity`,
      '/api/assets/1',
      '/api/projects/1',
      `/api/accounts/${holder}/positions`,
    ]) {
      const { status, body } = await get<{ error: string }>(p);
      expect(status, p).toBe(400);
      expect(body.error).toBe(`chainId is required: this indexer serves chains ${LOCAL}, ${BASE_SEPOLIA}`);
    }
    const unknown = await get<{ error: string }>('/api/pools?chainId=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/"1" is not a chain this indexer serves \(31337, 84532\)/);
  });
});
