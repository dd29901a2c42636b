/**
 * One indexer, two chains (CHAIN_IDS=31337,84532, each with its RPC_URL_<chainId>). The same deployer deploys
 * the same protocol on both, so the factory, the pools and the registry have the same addresses on each, and
 * projects and machine groups the same ids; then each chain gets different deposits, and only Base Sepolia's
 * sees capital deployed; both get revenue and a queued exit. Every figure must stay on its own chain; an
 * account's answers span both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { financingPoolAbi, hardwareAssetRegistryAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { DAY } from '../../scripts/seed/seed-chain';
import { ACCOUNTS, PROJECTS, TIMELOCK_DELAY_DAYS } from '../../scripts/seed/world';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../../scripts/stack/indexer';
import type { Service } from '../../scripts/stack/processes';
import { api, depositInto as deposit, deployWorld, type World } from './helpers';

const CHAIN_PORT = Number(process.env.INDEXER_TEST_CHAIN_PORT ?? 8745);
const INDEXER_PORT = Number(process.env.INDEXER_TEST_PORT ?? 42269) + 20;
const LOCAL = 31337;
const BASE_SEPOLIA = 84532;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'my-indexer-multichain-'));
const services: Service[] = [];
let indexerUrl: string;

const worlds = new Map<number, World>();

const [investor, other] = ACCOUNTS.investors;

beforeAll(async () => {
  const deployments = path.join(work, 'deployments');
  const local = await deployWorld(CHAIN_PORT + 2, LOCAL, deployments, services);
  const base = await deployWorld(CHAIN_PORT + 1, BASE_SEPOLIA, deployments, services);
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
  // On each chain revenue a day into its 7-day stream, and a queued exit of the investor's: what a holder
  // can claim depends on its own chain's time, and Base Sepolia's runs days ahead of the other's.
  for (const [world, usdc] of [
    [local, '1000'],
    [base, '3000'],
  ] as const) {
    const { chain, pool } = world;
    const now = (await chain.client.getBlock()).timestamp;
    await chain.send(ACCOUNTS.reporter, {
      address: pool,
      abi: financingPoolAbi,
      functionName: 'distributeRevenue',
      args: [world.assetId, parseUnits(usdc, 6), now - BigInt(DAY), now - 10n],
    });
    const holder = chain.addr(investor);
    const shares = await chain.client.readContract({
      address: pool,
      abi: financingPoolAbi,
      functionName: 'balanceOf',
      args: [holder],
    });
    await chain.send(investor, {
      address: pool,
      abi: financingPoolAbi,
      functionName: 'requestRedeem',
      args: [shares / 10n, holder, holder],
    });
    await chain.client.increaseTime({ seconds: DAY });
    await chain.client.mine({ blocks: 1 });
  }

  const rpcs = { [LOCAL]: rpcOf(LOCAL), [BASE_SEPOLIA]: rpcOf(BASE_SEPOLIA) };
  const indexer = spawnIndexer({
    port: INDEXER_PORT,
    rpcUrl: rpcs[LOCAL],
    chains: rpcs,
    deploymentsDir: deployments,
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

  it('a single pool, asset or project without chainId, or with a list, is a 400 naming the chains', async () => {
    const pool = worlds.get(LOCAL)!.pool;
    for (const p of [`/api/pools/${pool}`, `/api/pools/${pool}/activity`, '/api/assets/1', '/api/projects/1']) {
      const { status, body } = await get<{ error: string }>(p);
      expect(status, p).toBe(400);
      expect(body.error).toBe(`chainId is required: this indexer serves chains ${LOCAL}, ${BASE_SEPOLIA}`);
      const list = await get<{ error: string }>(`${p}?chainId=${LOCAL},${BASE_SEPOLIA}`);
      expect(list.status, p).toBe(400);
      expect(list.body.error).toBe(
        `chainId: one chain is needed here, not "${LOCAL},${BASE_SEPOLIA}" (this indexer serves ${LOCAL}, ${BASE_SEPOLIA})`,
      );
    }
    const unknown = await get<{ error: string }>('/api/pools?chainId=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/"1" is not a chain this indexer serves \(31337, 84532\)/);
  });

  it('a list takes ?chainId= as a comma list of served chains, each once, the parameter once', async () => {
    const all = await get<{ pools: ApiPool[] }>('/api/pools?limit=200');
    const both = await get<{ pools: ApiPool[] }>(`/api/pools?limit=200&chainId=${BASE_SEPOLIA},${LOCAL}`);
    expect(both).toEqual(all);
    for (const p of ['/api/projects', '/api/protocol', '/api/delayed-actions', '/api/status']) {
      const [whole, listed] = await Promise.all([get(p), get(`${p}?chainId=${LOCAL},${BASE_SEPOLIA}`)]);
      expect(listed.status, p).toBe(200);
      expect(listed.body, p).toEqual(whole.body);
    }
    const holder = worlds.get(LOCAL)!.chain.addr(investor);
    for (const [query, error] of [
      [`${LOCAL},1`, `chainId: "1" is not a chain this indexer serves (${LOCAL}, ${BASE_SEPOLIA})`],
      [`${LOCAL},`, `chainId: "" is not a chain this indexer serves (${LOCAL}, ${BASE_SEPOLIA})`],
      [`${LOCAL},${LOCAL}`, `chainId: "${LOCAL}" is named twice (this indexer serves ${LOCAL}, ${BASE_SEPOLIA})`],
      [`${LOCAL}&chainId=${BASE_SEPOLIA}`, 'chainId: give it once'],
    ]) {
      for (const p of ['/api/pools', `/api/accounts/${holder}/positions`, `/api/accounts/${holder}/history`]) {
        const { status, body } = await get<{ error: string }>(`${p}?chainId=${query}`);
        expect(status, `${p}?chainId=${query}`).toBe(400);
        expect(body.error).toBe(error);
      }
    }
  });
});

type ApiPosition = Record<string, string> & { chainId: number; pool: string; account: string };
type Indexed = { chains: { chainId: number; block: string }[] };

describe('an account on both chains', () => {
  const holder = () => worlds.get(LOCAL)!.chain.addr(investor);

  it('has its positions on both in one answer, each valued at its own chain’s indexed block', async () => {
    const { status, body } = await get<{ positions: ApiPosition[]; indexed: Indexed }>(
      `/api/accounts/${holder()}/positions`,
    );
    expect(status).toBe(200);
    expect(body.indexed.chains.map((c) => c.chainId)).toEqual([LOCAL, BASE_SEPOLIA]);
    for (const [chainId, world] of worlds) {
      const row = body.positions.find((p) => p.chainId === chainId && p.pool === world.pool.toLowerCase());
      expect(row, `${chainId}`).toBeDefined();
      const blockNumber = BigInt(body.indexed.chains.find((c) => c.chainId === chainId)!.block);
      const read = (functionName: string, args: readonly unknown[]) =>
        world.chain.client.readContract({
          address: world.pool,
          abi: financingPoolAbi,
          functionName,
          args,
          blockNumber,
        } as never) as Promise<bigint>;
      const shares = await read('balanceOf', [holder()]);
      expect(BigInt(row!.shares!), `${chainId} shares`).toBe(shares);
      expect(BigInt(row!.lockedShares!), `${chainId} locked`).toBe(await read('lockedShares', [holder()]));
      expect(BigInt(row!.value!), `${chainId} value`).toBe(await read('previewRedeem', [shares]));
      const claimable = await read('claimableRevenue', [holder()]);
      // Streaming: a claim figure at the other chain's time would be days off.
      expect(claimable).toBeGreaterThan(0n);
      expect(BigInt(row!.claimableRevenue!), `${chainId} claimable`).toBe(claimable);
    }
    expect(body.positions.every((p) => p.chainId === LOCAL || p.chainId === BASE_SEPOLIA)).toBe(true);
  });

  it('?chainId= keeps one chain’s positions, a comma list those it names', async () => {
    const path = `/api/accounts/${holder()}/positions`;
    const all = (await get<{ positions: ApiPosition[] }>(path)).body.positions;
    for (const chainId of [LOCAL, BASE_SEPOLIA]) {
      const one = await get<{ positions: ApiPosition[] }>(`${path}?chainId=${chainId}`);
      expect(one.body.positions.length).toBeGreaterThan(0);
      expect(one.body.positions).toEqual(all.filter((p) => p.chainId === chainId));
    }
    for (const list of [`${LOCAL},${BASE_SEPOLIA}`, `${BASE_SEPOLIA},${LOCAL}`])
      expect((await get<{ positions: ApiPosition[] }>(`${path}?chainId=${list}`)).body.positions).toEqual(all);
    const second = worlds.get(BASE_SEPOLIA)!.chain.addr(other);
    const several = await get<{ positions: ApiPosition[] }>(
      `/api/accounts/positions?addresses=${holder()},${second}&chainId=${BASE_SEPOLIA}`,
    );
    expect(new Set(several.body.positions.map((p) => `${p.chainId} ${p.account}`))).toEqual(
      new Set([`${BASE_SEPOLIA} ${holder().toLowerCase()}`, `${BASE_SEPOLIA} ${second.toLowerCase()}`]),
    );
  });

  it('has one history across both chains, newest first by block time', async () => {
    type Entry = { chainId: number; kind: string; timestamp: string; blockNumber: string; logOrder: number };
    const path = `/api/accounts/${holder()}/history`;
    const all = (await get<{ history: Entry[] }>(path)).body.history;
    const per = await Promise.all(
      [LOCAL, BASE_SEPOLIA].map(async (id) => (await get<{ history: Entry[] }>(`${path}?chainId=${id}`)).body.history),
    );
    for (const [i, chainId] of [LOCAL, BASE_SEPOLIA].entries()) {
      expect(per[i]!.every((h) => h.chainId === chainId)).toBe(true);
      expect(per[i]!.map((h) => h.kind).sort()).toEqual(['deposit', 'redemption_request']);
    }
    const newestFirst = (a: Entry, b: Entry) =>
      Number(BigInt(b.timestamp) - BigInt(a.timestamp)) ||
      a.chainId - b.chainId ||
      Number(BigInt(b.blockNumber) - BigInt(a.blockNumber)) ||
      b.logOrder - a.logOrder;
    expect(all).toEqual([...per[0]!, ...per[1]!].sort(newestFirst));
    expect((await get<{ history: Entry[] }>(`${path}?chainId=${BASE_SEPOLIA},${LOCAL}`)).body.history).toEqual(all);
    const requests = await get<{ history: Entry[] }>(`${path}?kind=redemption_request&limit=1`);
    expect(requests.body.history).toEqual([all.find((h) => h.kind === 'redemption_request')]);
  });

  it('has its queued exits on both chains, each as its pool has it', async () => {
    type Redemption = { chainId: number; pool: string; requestId: string; pendingShares: string; requestedAt: string };
    const { body } = await get<{ redemptions: Redemption[] }>(`/api/accounts/${holder()}/redemptions`);
    expect(body.redemptions.map((r) => r.chainId).sort()).toEqual([LOCAL, BASE_SEPOLIA]);
    // Base Sepolia's clock is days ahead: its request is the newer.
    expect(body.redemptions[0]!.chainId).toBe(BASE_SEPOLIA);
    for (const r of body.redemptions) {
      const world = worlds.get(r.chainId)!;
      expect(r.pool).toBe(world.pool.toLowerCase());
      const pending = await world.chain.client.readContract({
        address: world.pool,
        abi: financingPoolAbi,
        functionName: 'pendingRedeemRequest',
        args: [BigInt(r.requestId), holder()],
      });
      expect(BigInt(r.pendingShares), `${r.chainId}`).toBe(pending);
      expect(pending).toBeGreaterThan(0n);
    }
    const one = await get<{ redemptions: Redemption[] }>(`/api/accounts/${holder()}/redemptions?chainId=${LOCAL}`);
    expect(one.body.redemptions).toEqual(body.redemptions.filter((r) => r.chainId === LOCAL));
  });
});
