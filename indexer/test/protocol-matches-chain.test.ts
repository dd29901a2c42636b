/**
 * The protocol's totals, its revenue series and the projects' figures equal what the contracts say at the indexed
 * block, summed over every pool the two factories created, single and tranched alike: contract reads where the
 * chain keeps a total, the raw logs where it does not (share holders, revenue in a window).
 */
import { zeroAddress, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  financingPoolAbi,
  hardwareAssetRegistryAbi,
  poolFactoryAbi,
  trancheVaultAbi,
  tranchedPoolAbi,
  tranchedPoolFactoryAbi,
} from '../../lib/contracts/abis';
import {
  assetBodySchema,
  projectDetailSchema,
  projectSummarySchema,
  protocolSchema,
  protocolSeriesSchema,
} from '../../lib/indexer/wire';
import { api, chain, indexedUpTo, manifest } from './helpers';

const DAY = 86_400n;
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** One pool as the chain has it at `block`: its value, revenue, capital and share holders. */
type ChainPool = {
  address: Address;
  tranched: boolean;
  projectId: bigint;
  name: string;
  status: number;
  value: bigint;
  outstanding: bigint;
  provisions: bigint;
  /** Revenue distributed after the protocol fee (totalRevenueDistributed). */
  revenueNet: bigint;
  revenueClaimed: bigint;
  /** Per share token (the pool itself, or each tranche vault): accounts with a balance. */
  holders: Map<Address, Set<string>>;
  tranche?: { senior: Address; junior: Address; seniorValue: bigint; juniorValue: bigint; subordinationBps: bigint };
  seniorRateBps?: number;
};
type ChainAsset = { id: bigint; pool: Address; units: number; capital: readonly bigint[] };

let block: bigint;
let pools: ChainPool[];
let machines: ChainAsset[];

// Each read at `block`, so that a figure is compared with the answer for exactly that block.
const read = <T>(address: Address, abi: unknown, functionName: string, args: readonly unknown[] = []) =>
  chain.readContract({ address, abi, functionName, args, blockNumber: block } as never) as Promise<T>;

/** Accounts with a balance of the share token at `address`, from nothing but its raw Transfer logs. */
async function holdersOf(address: Address, abi: typeof financingPoolAbi | typeof trancheVaultAbi) {
  const logs = await chain.getContractEvents({ address, abi, eventName: 'Transfer', fromBlock: 0n, toBlock: block });
  const balances = new Map<string, bigint>();
  for (const { args } of logs as { args: { from: Address; to: Address; value: bigint } }[]) {
    if (args.from !== zeroAddress)
      balances.set(args.from.toLowerCase(), (balances.get(args.from.toLowerCase()) ?? 0n) - args.value);
    if (args.to !== zeroAddress)
      balances.set(args.to.toLowerCase(), (balances.get(args.to.toLowerCase()) ?? 0n) + args.value);
  }
  return new Set([...balances].filter(([, balance]) => balance > 0n).map(([account]) => account));
}

async function factoryList(factory: Address, abi: typeof poolFactoryAbi | typeof tranchedPoolFactoryAbi) {
  const count = await read<bigint>(factory, abi, 'poolCount');
  const list: Address[] = [];
  for (let i = 0n; i < count; i++) list.push(await read<Address>(factory, abi, 'pools', [i]));
  return list;
}

/** Every pool of both factories, and every machine of the registry, at `block`. */
async function readChain() {
  const contracts = manifest().contracts;
  const out: ChainPool[] = [];
  for (const address of await factoryList(contracts.PoolFactory.address, poolFactoryAbi)) {
    const of = <T>(name: string) => read<T>(address, financingPoolAbi, name);
    out.push({
      address,
      tranched: false,
      projectId: await of('projectId'),
      name: await of('name'),
      status: await of('status'),
      value: await of('totalAssets'),
      outstanding: BigInt(await of<bigint>('outstandingPrincipal')),
      provisions: BigInt(await of<bigint>('totalProvisions')),
      revenueNet: await of('totalRevenueDistributed'),
      revenueClaimed: BigInt(await of<bigint>('totalRevenueClaimed')),
      holders: new Map([[address, await holdersOf(address, financingPoolAbi)]]),
    });
  }
  for (const address of await factoryList(contracts.TranchedPoolFactory!.address, tranchedPoolFactoryAbi)) {
    const of = <T>(name: string) => read<T>(address, tranchedPoolAbi, name);
    const senior = await of<Address>('senior');
    const junior = await of<Address>('junior');
    out.push({
      address,
      tranched: true,
      projectId: await of('projectId'),
      name: await of('name'),
      status: await of('status'),
      value: await of('totalValue'),
      outstanding: await of('outstandingPrincipal'),
      provisions: await of('totalProvisions'),
      revenueNet: await of('totalRevenueDistributed'),
      revenueClaimed:
        (await read<bigint>(senior, trancheVaultAbi, 'totalRevenueClaimed')) +
        (await read<bigint>(junior, trancheVaultAbi, 'totalRevenueClaimed')),
      holders: new Map([
        [senior, await holdersOf(senior, trancheVaultAbi)],
        [junior, await holdersOf(junior, trancheVaultAbi)],
      ]),
      tranche: {
        senior,
        junior,
        seniorValue: await of('seniorValue'),
        juniorValue: await of('juniorValue'),
        subordinationBps: await of('subordinationBps'),
      },
      seniorRateBps: await of('seniorRateBps'),
    });
  }
  const registry = contracts.HardwareAssetRegistry.address;
  const count = await read<bigint>(registry, hardwareAssetRegistryAbi, 'assetCount');
  const assets: ChainAsset[] = [];
  for (let id = 1n; id <= count; id++) {
    const a = await read<{ pool: Address; units: number }>(registry, hardwareAssetRegistryAbi, 'getAsset', [id]);
    const owner = out.find((p) => p.address === a.pool);
    const capital = owner
      ? await read<readonly bigint[]>(a.pool, owner.tranched ? tranchedPoolAbi : financingPoolAbi, 'assetCapital', [id])
      : [0n, 0n, 0n, 0n, 0n, 0n];
    assets.push({ id, pool: a.pool, units: Number(a.units), capital: capital.map(BigInt) });
  }
  return { pools: out, machines: assets };
}

/** The answer at exactly `block` (the indexer may be a moment behind the chain). */
async function answerAt<T extends { indexed: { block: string } }>(path: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const { body } = await api<T>(path);
    if (BigInt(body.indexed.block) === block) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} never answered at block ${block}`);
}

/** The first block at or after `timestamp` (block times only grow): a binary search of the chain. */
async function firstBlockFrom(timestamp: bigint): Promise<bigint> {
  let lo = 0n;
  let hi = block + 1n;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if ((await chain.getBlock({ blockNumber: mid })).timestamp >= timestamp) hi = mid;
    else lo = mid + 1n;
  }
  return lo;
}

/** Net revenue of every pool from its logs between `fromBlock` and `block`: a single pool's netAmount, a tranched pool's revenue − fee. */
async function revenueLogged(fromBlock: bigint) {
  let net = 0n;
  let gross = 0n;
  for (const p of pools) {
    if (fromBlock > block) break;
    if (p.tranched) {
      const logs = await chain.getContractEvents({
        address: p.address,
        abi: tranchedPoolAbi,
        eventName: 'RevenueSplit',
        fromBlock,
        toBlock: block,
      });
      for (const { args } of logs as { args: { revenue: bigint; fee: bigint } }[]) {
        net += args.revenue - args.fee;
        gross += args.revenue;
      }
    } else {
      const logs = await chain.getContractEvents({
        address: p.address,
        abi: financingPoolAbi,
        eventName: 'RevenueDistributed',
        fromBlock,
        toBlock: block,
      });
      for (const { args } of logs as { args: { grossAmount: bigint; netAmount: bigint } }[]) {
        net += args.netAmount;
        gross += args.grossAmount;
      }
    }
  }
  return { net, gross };
}

const capitalOf = (owned: (a: ChainAsset) => boolean, field: number) =>
  sum(machines.filter(owned).map((a) => a.capital[field]!));
const DEPLOYED = 0;
const REPAID = 1;
const WRITTEN_DOWN = 2;
const RECOVERED = 3;

beforeAll(async () => {
  block = await indexedUpTo();
  ({ pools, machines } = await readChain());
});

describe('protocol totals', () => {
  it('sum every single and tranched pool as the contracts have them', async () => {
    const tranched = pools.filter((p) => p.tranched);
    expect(tranched.length).toBeGreaterThanOrEqual(2);
    // The tranched pools carry weight in every total below: a sum that left them out would not pass.
    expect(sum(tranched.map((p) => p.value))).toBeGreaterThan(0n);
    expect(sum(tranched.map((p) => p.revenueNet))).toBeGreaterThan(0n);

    const body = await answerAt<{ protocol: Record<string, unknown>; indexed: { block: string; timestamp: string } }>(
      '/api/protocol',
    );
    const totals = protocolSchema.parse(body.protocol);
    const inPool = (a: ChainAsset) => pools.some((p) => p.address === a.pool);
    const expected = {
      tvl: sum(pools.map((p) => p.value)),
      outstandingPrincipal: sum(pools.map((p) => p.outstanding)),
      revenueNet: sum(pools.map((p) => p.revenueNet)),
      revenueClaimed: sum(pools.map((p) => p.revenueClaimed)),
      writtenDown: capitalOf(inPool, WRITTEN_DOWN),
    };
    for (const [field, value] of Object.entries(expected)) {
      expect(totals[field as keyof typeof expected], field).toBe(value);
    }
    expect(BigInt(body.protocol.totalProvisions as string)).toBe(sum(pools.map((p) => p.provisions)));
    expect(BigInt(body.protocol.recoveredTotal as string)).toBe(capitalOf(inPool, RECOVERED));
    expect(totals.pools).toBe(pools.length);
    expect(totals.tranchedPools).toBe(tranched.length);

    // Everyone holding shares of a pool or of a tranche, once.
    const investors = new Set(pools.flatMap((p) => [...p.holders.values()].flatMap((h) => [...h])));
    expect(totals.investors).toBe(investors.size);

    const financed = machines.filter((a) => a.capital[DEPLOYED]! > 0n);
    expect(totals.machinesFinanced).toBe(financed.length);
    expect(totals.unitsFinanced).toBe(financed.reduce((n, a) => n + a.units, 0));
    expect(financed.some((a) => tranched.some((p) => p.address === a.pool))).toBe(true);

    // The trailing 30 days: today (the indexed block's UTC day) and the 29 before.
    const today = BigInt(body.indexed.timestamp) / DAY;
    const recent = await revenueLogged(await firstBlockFrom((today - 29n) * DAY));
    expect(totals.revenueNet30d).toBe(recent.net);
    expect(totals.revenueNet30d).toBeGreaterThan(0n);
    expect(totals.realYield30d).toBeGreaterThan(0);
    expect(totals.realYield30d).toBeLessThan(1);
  });

  it('the revenue series adds up to the revenue distributed, net and gross, from every pool’s logs', async () => {
    const body = await answerAt<{ series: unknown[]; indexed: { block: string } }>(
      '/api/protocol/series?interval=week&days=3650',
    );
    const { series } = protocolSeriesSchema.parse(body);
    const all = await revenueLogged(0n);
    expect(sum(series.map((p) => p.revenueNet))).toBe(all.net);
    expect(sum(series.map((p) => p.revenueGross))).toBe(all.gross);
    expect(all.net).toBe(sum(pools.map((p) => p.revenueNet)));
    // The last 30 days' buckets hold the tranched splits too.
    const daily = await answerAt<{ series: unknown[]; indexed: { block: string } }>(
      '/api/protocol/series?interval=day&days=30',
    );
    const { protocol } = await answerAt<{ protocol: { revenueNet30d: string }; indexed: { block: string } }>(
      '/api/protocol',
    );
    expect(sum(protocolSeriesSchema.parse(daily).series.map((p) => p.revenueNet))).toBe(BigInt(protocol.revenueNet30d));
  });
});

describe('projects', () => {
  const ofProject = (id: bigint) => pools.filter((p) => p.projectId === id);
  const machinesOf = (owned: ChainPool[]) => (a: ChainAsset) => owned.some((p) => p.address === a.pool);

  it('each project’s totals sum its single and tranched pools', async () => {
    const body = await answerAt<{ projects: unknown[]; indexed: { block: string } }>('/api/projects');
    const projects = body.projects.map((p) => projectSummarySchema.parse(p));
    const count = await read<bigint>(manifest().contracts.PoolFactory.address, poolFactoryAbi, 'projectCount');
    expect(projects.length).toBe(Number(count));
    let withTranched = 0;
    for (const project of projects) {
      const own = ofProject(project.id);
      const owned = machinesOf(own);
      expect(project.poolCount, project.name).toBe(own.length);
      expect(project.tranchedPoolCount, project.name).toBe(own.filter((p) => p.tranched).length);
      expect(project.assetCount, project.name).toBe(machines.filter(owned).length);
      expect(project.tvl, project.name).toBe(sum(own.map((p) => p.value)));
      expect(project.revenueNet, project.name).toBe(sum(own.map((p) => p.revenueNet)));
      expect(project.repaid, project.name).toBe(capitalOf(owned, REPAID));
      expect(project.writtenDown, project.name).toBe(capitalOf(owned, WRITTEN_DOWN));
      if (project.tranchedPoolCount > 0) withTranched++;
    }
    expect(withTranched).toBeGreaterThanOrEqual(2);
  });

  it('a project lists its tranched pools beside its pools, and all their machines', async () => {
    const ids = [...new Set(pools.filter((p) => p.tranched).map((p) => p.projectId))];
    for (const id of ids) {
      const own = ofProject(id);
      const body = await answerAt<{ indexed: { block: string } }>(`/api/projects/${id}`);
      const detail = projectDetailSchema.parse(body);
      expect(detail.pools.map((p) => p.address)).toEqual(
        own.filter((p) => !p.tranched).map((p) => p.address.toLowerCase()),
      );
      const tranched = own.filter((p) => p.tranched);
      expect(detail.tranchedPools.map((p) => p.address)).toEqual(tranched.map((p) => p.address.toLowerCase()));
      for (const p of tranched) {
        const row = detail.tranchedPools.find((r) => r.address === p.address.toLowerCase())!;
        const owned = machinesOf([p]);
        expect(row.name).toBe(p.name);
        expect(row.status).toBe(['raising', 'active', 'closed'][p.status]);
        expect(row.seniorRateBps).toBe(p.seniorRateBps);
        const expected: Record<string, bigint> = {
          totalValue: p.value,
          seniorValue: p.tranche!.seniorValue,
          juniorValue: p.tranche!.juniorValue,
          subordinationBps: p.tranche!.subordinationBps,
          outstandingPrincipal: p.outstanding,
          deployedTotal: capitalOf(owned, DEPLOYED),
          repaidTotal: capitalOf(owned, REPAID),
          writtenDownTotal: capitalOf(owned, WRITTEN_DOWN),
          revenueNet: p.revenueNet,
          assets: BigInt(machines.filter(owned).length),
          seniorHolders: BigInt(p.holders.get(p.tranche!.senior)!.size),
          juniorHolders: BigInt(p.holders.get(p.tranche!.junior)!.size),
        };
        for (const [field, value] of Object.entries(expected)) {
          expect(BigInt(row[field as keyof typeof row] as bigint | number), `${p.name} ${field}`).toBe(value);
        }
      }
      expect(detail.assets.map((a) => a.id)).toEqual(machines.filter(machinesOf(own)).map((a) => a.id));
    }
  });

  it('a tranched pool’s machine names its pool and its project', async () => {
    const factory = manifest().contracts.PoolFactory.address;
    let checked = 0;
    for (const p of pools.filter((x) => x.tranched)) {
      const project = await read<{ name: string }>(factory, poolFactoryAbi, 'getProject', [p.projectId]);
      for (const a of machines.filter((m) => m.pool === p.address)) {
        const body = assetBodySchema.parse((await api(`/api/assets/${a.id}`)).body);
        expect(body.pool).toBeNull();
        expect(body.tranchedPool).toMatchObject({
          address: p.address.toLowerCase(),
          name: p.name,
          projectId: p.projectId,
        });
        expect(body.tranchedPool?.projectName).toBe(project.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // A single pool's machine has no tranched pool.
    const single = machines.find((m) => pools.some((p) => !p.tranched && p.address === m.pool))!;
    expect(assetBodySchema.parse((await api(`/api/assets/${single.id}`)).body).tranchedPool).toBeNull();
  });
});
