/**
 * Every figure the API gives for pools and machines equals what the contracts say at the indexed block
 * (contract reads), and the real yield equals one computed by hand and from raw chain data.
 *
 * The real-yield test comes last: it creates a pool that the manifest does not list and moves the chain's
 * clock, and the pool tests count the manifest's pools.
 */
import { getAddress, parseUnits, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { creationBytecode } from '../../scripts/seed/artifacts';
import { accounts, api, chain, indexedUpTo, manifest, mined, send, testClient, walletOf } from './helpers';

type ApiPool = Record<string, string | number | boolean | null> & { address: string };

let block: bigint;

beforeAll(async () => {
  block = await indexedUpTo();
});

const read = <T>(address: Address, functionName: string, args: readonly unknown[] = []) =>
  chain.readContract({ address, abi: financingPoolAbi, functionName, args, blockNumber: block } as never) as Promise<T>;

describe('pools', () => {
  it('principal, revenue, stream and queue figures equal the contracts’ at the indexed block', async () => {
    const { body } = await api<{ pools: ApiPool[] }>('/api/pools?limit=200');
    expect(body.pools.length).toBe(manifest().contracts.FinancingPools.length);
    for (const p of body.pools) {
      const address = getAddress(p.address);
      const expected: Record<string, bigint> = {
        totalAssets: await read(address, 'totalAssets'),
        totalSupply: await read(address, 'totalSupply'),
        idle: await read(address, 'idle'),
        outstandingPrincipal: await read(address, 'outstandingPrincipal'),
        revenueNet: await read(address, 'totalRevenueDistributed'),
        revenueClaimed: await read(address, 'totalRevenueClaimed'),
        accRevenuePerShare: await read(address, 'accRevenuePerShare'),
        streamRemaining: await read(address, 'streamRemaining'),
        streamEnd: await read(address, 'streamEnd'),
        streamUpdatedAt: await read(address, 'streamUpdatedAt'),
        pendingRedeemShares: await read(address, 'pendingRedeemShares'),
        reservedForRedemptions: await read(address, 'reservedForRedemptions'),
        totalProvisions: await read(address, 'totalProvisions'),
        depositCap: await read(address, 'depositCap'),
        minDeposit: await read(address, 'minDeposit'),
        // The pool keeps these per asset only: summed over its machines.
        writtenDownTotal: 0n,
        recoveredTotal: 0n,
        deployedTotal: 0n,
        repaidTotal: 0n,
      };
      for (const id of await assetsOf(address)) {
        const [deployed, repaid, writtenDown, recovered] = await read<readonly bigint[]>(address, 'assetCapital', [id]);
        expected.deployedTotal! += deployed!;
        expected.repaidTotal! += repaid!;
        expected.writtenDownTotal! += writtenDown!;
        expected.recoveredTotal! += recovered!;
      }
      for (const [field, value] of Object.entries(expected)) {
        expect(BigInt(p[field] as string), `${p.symbol} ${field}`).toBe(value);
      }
      expect(p.status).toBe(['raising', 'active', 'closed'][await read<number>(address, 'status')]);
      expect(p.permissioned, `${p.symbol} permissioned`).toBe(await read<boolean>(address, 'permissioned'));
      expect(p.paused, `${p.symbol} paused`).toBe(await read<boolean>(address, 'paused'));
    }
    // The seed has an impairment provisioned, written off and partly recovered, and a permissioned pool.
    expect(body.pools.some((p) => BigInt(p.writtenDownTotal as string) > 0n)).toBe(true);
    expect(body.pools.some((p) => BigInt(p.recoveredTotal as string) > 0n)).toBe(true);
    expect(body.pools.some((p) => p.permissioned === true)).toBe(true);
  });

  it('a permissioned pool’s allowlist is the pool’s isAllowed for every account it names', async () => {
    let listed = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const { body } = await api<{ permissioned: boolean; allowlist: { account: Address; allowed: boolean }[] }>(
        `/api/pools/${pool}/allowlist`,
      );
      expect(body.permissioned).toBe(await read<boolean>(pool, 'permissioned'));
      for (const entry of body.allowlist) {
        expect(entry.allowed, `${entry.account} in ${pool}`).toBe(
          await read<boolean>(pool, 'isAllowed', [entry.account]),
        );
        listed++;
      }
      const logs = await chain.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        eventName: 'AllowlistUpdated',
        fromBlock: 0n,
        toBlock: block,
      });
      expect(body.allowlist.length).toBe(new Set(logs.map((l) => l.args.account)).size);
    }
    expect(listed).toBeGreaterThan(0);
  });
});

/** The ids of a pool's machines, from the registry. */
async function assetsOf(pool: Address): Promise<bigint[]> {
  const registry = manifest().contracts.HardwareAssetRegistry.address;
  const count = (await chain.readContract({
    address: registry,
    abi: hardwareAssetRegistryAbi,
    functionName: 'assetCount',
    blockNumber: block,
  })) as bigint;
  const ids: bigint[] = [];
  for (let id = 1n; id <= count; id++) {
    const owner = (await chain.readContract({
      address: registry,
      abi: hardwareAssetRegistryAbi,
      functionName: 'poolOf',
      args: [id],
      blockNumber: block,
    })) as Address;
    if (owner === pool) ids.push(id);
  }
  return ids;
}

describe('machines', () => {
  it('status, operator, pool and outstanding principal equal the registry’s and the pool’s', async () => {
    const registry = manifest().contracts.HardwareAssetRegistry.address;
    const count = (await chain.readContract({
      address: registry,
      abi: hardwareAssetRegistryAbi,
      functionName: 'assetCount',
      blockNumber: block,
    })) as bigint;
    for (let id = 1n; id <= count; id++) {
      const { status, body } = await api<{ asset: Record<string, string> }>(`/api/assets/${id}`);
      expect(status).toBe(200);
      const onChain = await chain.readContract({
        address: registry,
        abi: hardwareAssetRegistryAbi,
        functionName: 'getAsset',
        args: [id],
        blockNumber: block,
      });
      expect(body.asset.status).toBe(['pending', 'active', 'maintenance', 'retired', 'impaired'][onChain.status]);
      expect(getAddress(body.asset.pool!)).toBe(onChain.pool);
      expect(getAddress(body.asset.operator!)).toBe(onChain.operator);
      expect(Number(body.asset.units)).toBe(onChain.units);
      expect(body.asset.model).toBe(onChain.model);
      expect(BigInt(body.asset.outstanding!)).toBe(await read<bigint>(onChain.pool, 'outstandingOf', [id]));
      const capital = await read<readonly bigint[]>(onChain.pool, 'assetCapital', [id]);
      const fields = ['deployed', 'repaid', 'writtenDown', 'recovered', 'provision', 'limit'] as const;
      for (const [i, field] of fields.entries()) {
        expect(BigInt(body.asset[field]!), `asset ${id} ${field}`).toBe(capital[i]);
      }
    }
    expect((await api(`/api/assets/${count + 1n}`)).status).toBe(404);
    expect((await api('/api/assets/abc')).status).toBe(400);
  });

  it('each machine’s capital history holds every deployment, repayment, provision, write-down and recovery of the logs', async () => {
    const kinds = {
      CapitalDeployed: 'deployment',
      PrincipalRepaid: 'repayment',
      ProvisionUpdated: 'provision',
      PrincipalWrittenDown: 'write_down',
      PrincipalRecovered: 'recovery',
    } as const;
    const expected = new Map<string, string[]>(); // asset id → `${kind}:${amount}:${tx}` in log order
    const byPool = new Map<string, string[]>();
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const logs = await chain.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        fromBlock: 0n,
        toBlock: block,
      });
      for (const log of logs) {
        const kind = kinds[log.eventName as keyof typeof kinds];
        if (!kind) continue;
        const args = log.args as { assetId: bigint; amount?: bigint; provision?: bigint };
        const row = `${kind}:${args.amount ?? args.provision}:${log.transactionHash}`;
        expected.set(String(args.assetId), [...(expected.get(String(args.assetId)) ?? []), row]);
        byPool.set(pool.toLowerCase(), [...(byPool.get(pool.toLowerCase()) ?? []), `${args.assetId}:${row}`]);
      }
    }
    for (const [id, rows] of expected) {
      const { body } = await api<{ capital: { kind: string; amount: string; txHash: string }[] }>(`/api/assets/${id}`);
      expect(
        body.capital.map((c) => `${c.kind}:${c.amount}:${c.txHash}`),
        `capital of asset ${id}`,
      ).toEqual(rows);
    }
    const all = [...expected.values()].flat().map((r) => r.split(':')[0]);
    expect(new Set(all)).toEqual(new Set(Object.values(kinds)));
    // The pool's activity feed (its newest 200 events) shows the same rows, provisions and recoveries included.
    for (const [pool, rows] of byPool) {
      const { body } = await api<{ activity: Record<string, string | null>[] }>(
        `/api/pools/${pool}/activity?limit=200`,
      );
      for (const a of body.activity.filter((x) => Object.values(kinds).includes(x.kind as never))) {
        expect(rows, `${pool} activity`).toContain(`${a.assetId}:${a.kind}:${a.amount}:${a.txHash}`);
      }
    }
  });
});

describe('real yield, hand-computed', () => {
  /**
   * A new pool with 1,000,000 USDC of principal from day 0, and 900 USDC of gross revenue (810 net after the
   * 10 % fee) distributed on each of days 1 to 6. On day 6 the trailing 7-day window holds 7 principal-days
   * of 1,000,000 and 6 × 810 = 4,860 of net revenue: 4,860 × 365 ÷ 7,000,000 = 0.253414…; the 30-day window
   * and the whole life of the pool hold the same, since the pool is 7 days old.
   */
  it('matches net revenue × 365 ÷ principal-days', async () => {
    const [admin] = await accounts();
    const m = manifest();
    const list = await accounts();
    const registrar = list[21]!;
    const reporter = list[11]!;
    const investor = list[19]!;
    const factory = m.contracts.PoolFactory.address;
    const registry = m.contracts.HardwareAssetRegistry.address;
    const usdc = m.contracts.USDC.address;

    // Start at the beginning of a UTC day so every event falls on the intended day.
    const now = (await chain.getBlock()).timestamp;
    const day0 = (now / 86_400n + 1n) * 86_400n + 60n;
    await testClient.setNextBlockTimestamp({ timestamp: day0 });
    await mined(
      await walletOf(admin!).writeContract({
        address: factory,
        abi: poolFactoryAbi,
        functionName: 'createPool',
        args: [
          {
            projectId: 1n,
            name: 'Yield Check',
            symbol: 'myCHK',
            depositCap: parseUnits('10000000', 6),
            minDeposit: 1n,
            permissioned: false,
            metadataURI: '',
            metadataHash: `0x${'00'.repeat(32)}`,
          },
          creationBytecode('FinancingPool'),
        ],
      }),
    );
    const pool = (await chain.readContract({
      address: factory,
      abi: poolFactoryAbi,
      functionName: 'pools',
      args: [(await chain.readContract({ address: factory, abi: poolFactoryAbi, functionName: 'poolCount' })) - 1n],
    })) as Address;
    await mined(
      await walletOf(registrar).writeContract({
        address: registry,
        abi: hardwareAssetRegistryAbi,
        functionName: 'registerAsset',
        args: [pool, list[13]!, 0, 'H100', 8, 'Test hall', ''],
      }),
    );
    const assetId = (await chain.readContract({
      address: registry,
      abi: hardwareAssetRegistryAbi,
      functionName: 'assetCount',
    })) as bigint;
    const principal = parseUnits('1000000', 6);
    await mined(
      await walletOf(admin!).writeContract({
        address: usdc,
        abi: mockUsdcAbi,
        functionName: 'mint',
        args: [investor, principal],
      }),
    );
    await mined(
      await walletOf(investor).writeContract({
        address: usdc,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [pool, principal],
      }),
    );
    await send(investor, {
      address: pool,
      abi: financingPoolAbi,
      functionName: 'deposit',
      args: [principal, investor],
    });
    await mined(
      await walletOf(reporter).writeContract({
        address: usdc,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [pool, 2n ** 255n],
      }),
    );
    for (let day = 1n; day <= 6n; day++) {
      await testClient.setNextBlockTimestamp({ timestamp: day0 + day * 86_400n });
      const t = day0 + day * 86_400n;
      await mined(
        await walletOf(reporter).writeContract({
          address: pool,
          abi: financingPoolAbi,
          functionName: 'distributeRevenue',
          args: [assetId, parseUnits('900', 6), t - 86_400n, t - 10n],
          gas: 1_000_000n,
        }),
      );
    }
    await indexedUpTo();

    const expected = (4_860 * 365) / 7_000_000;
    // The answer must be for the head block itself: the window ends on the indexed block's UTC day.
    const head = await chain.getBlockNumber();
    const headTime = (await chain.getBlock({ blockNumber: head })).timestamp;
    type PoolBody = {
      pool: { yield7d: number; yield30d: number; yieldSinceInception: number };
      indexed: { block: string; timestamp: string };
    };
    let { body } = await api<PoolBody>(`/api/pools/${pool}`);
    for (let i = 0; i < 100 && BigInt(body.indexed.block) < head; i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = (await api<PoolBody>(`/api/pools/${pool}`)).body;
    }
    expect(body.indexed).toEqual({ block: String(head), timestamp: String(headTime) });

    // The same figure from raw chain data, independently: revenue logs by UTC day, and the pool's
    // totalAssets at the end of each day of the window, read at the last block of that day.
    const today = Number(headTime / 86_400n);
    const endOfDay = new Map<number, bigint>();
    const created = (
      await chain.getContractEvents({ address: factory, abi: poolFactoryAbi, eventName: 'PoolCreated', fromBlock: 0n })
    ).at(-1)!.blockNumber;
    for (let n = created; n <= head; n++) {
      const { timestamp } = await chain.getBlock({ blockNumber: n });
      const assets = await chain.readContract({
        address: pool,
        abi: financingPoolAbi,
        functionName: 'totalAssets',
        blockNumber: n,
      });
      endOfDay.set(Number(timestamp / 86_400n), assets);
    }
    let principalDays = 0n;
    let carried = 0n;
    for (let d = today - 6; d <= today; d++) {
      carried = endOfDay.get(d) ?? carried;
      principalDays += carried;
    }
    const revenueLogs = await chain.getContractEvents({
      address: pool,
      abi: financingPoolAbi,
      eventName: 'RevenueDistributed',
      fromBlock: created,
      toBlock: head,
    });
    let revenue = 0n;
    const schedule: number[] = [];
    for (const log of revenueLogs) {
      const day = Number((await chain.getBlock({ blockNumber: log.blockNumber })).timestamp / 86_400n);
      schedule.push(day - today);
      if (day >= today - 6) revenue += log.args.netAmount!;
    }
    const fromChain = (Number(revenue) * 365) / Number(principalDays);
    // Ponder's checkpoint can lead the last block's rows by a moment under load: wait for the figure.
    let yield7d = body.pool.yield7d;
    for (let i = 0; i < 100 && Math.abs(yield7d - fromChain) > 1e-12; i++) {
      await new Promise((r) => setTimeout(r, 100));
      yield7d = (await api<{ pool: { yield7d: number } }>(`/api/pools/${pool}`)).body.pool.yield7d;
    }
    expect(yield7d, `distribution days relative to today: ${schedule.join(', ')}`).toBeCloseTo(fromChain, 12);

    const settled = (
      await api<{ pool: { yield7d: number; yield30d: number; yieldSinceInception: number } }>(`/api/pools/${pool}`)
    ).body.pool;
    expect(settled.yield7d).toBeCloseTo(expected, 12);
    expect(settled.yield30d).toBeCloseTo(expected, 12);
    expect(settled.yieldSinceInception).toBeCloseTo(expected, 12);
    const series = await api<{ series: { day: number; yield7d: number | null }[] }>(
      `/api/pools/${pool}/series?metric=yield&interval=day&days=7`,
    );
    expect(series.body.series.at(-1)!.yield7d).toBeCloseTo(expected, 12);
  });

  it('marks the unfinished week and month as partial, by the indexed block’s time on chain', async () => {
    const pool = manifest().contracts.FinancingPools[0]!.address;
    for (const interval of ['week', 'month'] as const) {
      const { body } = await api<{
        indexed: { block: string; timestamp: string };
        series: { day: number; complete: boolean; revenueNet: string }[];
      }>(`/api/pools/${pool}/series?metric=revenue&interval=${interval}&days=120`);
      const { timestamp } = await chain.getBlock({ blockNumber: BigInt(body.indexed.block) });
      expect(BigInt(body.indexed.timestamp)).toBe(timestamp);
      const last = body.series.at(-1)!;
      const lastEnds = interval === 'week' ? last.day + 7 : nextMonthDay(last.day);
      // The last bucket holds the indexed block's day: unfinished unless that block closed it to the second.
      expect(last.complete).toBe(BigInt(lastEnds) * 86_400n <= timestamp);
      expect(body.series.slice(0, -1).every((p) => p.complete)).toBe(true);
    }
  });
});

function nextMonthDay(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
}
