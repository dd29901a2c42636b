import { getAddress, parseUnits, zeroAddress, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import type { Manifest } from '../../lib/deployments/manifest';
import { accounts, api, chain, indexerUrl, manifest as readTestManifest, send } from './helpers';

let manifest: Manifest;

type ApiPool = {
  address: string;
  name: string;
  symbol: string;
  category: string;
  totalAssets: string;
  totalSupply: string;
  depositors: number;
};
type ApiFlow = { kind: string; account: string; amount: string; shares: string; txHash: string };

/** Share balances rebuilt from nothing but the pool's raw Transfer logs. */
async function replayBalances(pool: Address): Promise<Map<string, bigint>> {
  const transfers = await chain.getContractEvents({
    abi: financingPoolAbi,
    address: pool,
    eventName: 'Transfer',
    fromBlock: 0n,
  });
  const balances = new Map<string, bigint>();
  for (const { args } of transfers) {
    if (args.from !== zeroAddress)
      balances.set(args.from!.toLowerCase(), (balances.get(args.from!.toLowerCase()) ?? 0n) - args.value!);
    if (args.to !== zeroAddress)
      balances.set(args.to!.toLowerCase(), (balances.get(args.to!.toLowerCase()) ?? 0n) + args.value!);
  }
  return balances;
}

async function waitForIndexedBlock(block: bigint) {
  for (let i = 0; i < 100; i++) {
    const status = (await (await fetch(`${indexerUrl}/status`)).json()) as Record<
      string,
      { block: { number: number } }
    >;
    if (BigInt(Object.values(status)[0]!.block.number) >= block) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`indexer did not reach block ${block}`);
}

/**
 * Retries a read for up to 10 s until it gives a value. Ponder's checkpoint can lead the rows of the last
 * block by a moment on a loaded machine, so a figure is awaited, not assumed, once /status says the block
 * is in.
 */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the indexer never had the value');
}

/** Every pool the factory has created, in order: the indexer must find them all by itself. */
async function factoryPools(): Promise<Address[]> {
  const factory = manifest.contracts.PoolFactory.address;
  const count = await chain.readContract({ address: factory, abi: poolFactoryAbi, functionName: 'poolCount' });
  const list: Address[] = [];
  for (let i = 0n; i < count; i++) {
    list.push(await chain.readContract({ address: factory, abi: poolFactoryAbi, functionName: 'pools', args: [i] }));
  }
  return list;
}

beforeAll(() => {
  manifest = readTestManifest();
});

describe('pools', () => {
  it('lists every deployed pool with the figures the contracts report', async () => {
    const { status, body } = await api<{ pools: ApiPool[] }>('/api/pools?sort=created&order=asc');
    expect(status).toBe(200);
    expect(body.pools.map((p) => getAddress(p.address))).toEqual(await factoryPools());

    for (const apiPool of body.pools) {
      const address = getAddress(apiPool.address);
      const read = <F extends 'name' | 'symbol' | 'category' | 'totalAssets' | 'totalSupply'>(functionName: F) =>
        chain.readContract({ abi: financingPoolAbi, address, functionName });
      expect(apiPool.name).toBe(await read('name'));
      expect(apiPool.symbol).toBe(await read('symbol'));
      expect(apiPool.category).toBe(['compute', 'robotics'][await read('category')]);
      expect(BigInt(apiPool.totalAssets)).toBe(await read('totalAssets'));
      expect(BigInt(apiPool.totalSupply)).toBe(await read('totalSupply'));

      const holders = [...(await replayBalances(address)).values()].filter((b) => b > 0n).length;
      expect(apiPool.depositors).toBe(holders);
    }
  });

  it('lists each pool’s deposits exactly as the raw Deposit logs have them, newest first', async () => {
    for (const { address } of manifest.contracts.FinancingPools) {
      const logs = await chain.getContractEvents({
        abi: financingPoolAbi,
        address,
        eventName: 'Deposit',
        fromBlock: 0n,
      });
      const { body } = await api<{ activity: ApiFlow[] }>(`/api/pools/${address}/activity?limit=200`);
      const deposits = body.activity.filter((f) => f.kind === 'deposit');
      expect(deposits).toHaveLength(logs.length);
      const expected = [...logs].reverse().map((l) => ({
        account: l.args.owner!.toLowerCase(),
        amount: l.args.assets!.toString(),
        shares: l.args.shares!.toString(),
        txHash: l.transactionHash,
      }));
      expect(deposits.map(({ account, amount, shares, txHash }) => ({ account, amount, shares, txHash }))).toEqual(
        expected,
      );
    }
  });

  it('answers 400 for a malformed address and 404 for an address with no pool', async () => {
    const bad = await api<{ error: string }>('/api/pools/0x1234');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/not a pool address/);
    const unknown = await api<{ error: string }>(`/api/pools/${manifest.contracts.USDC.address}`);
    expect(unknown.status).toBe(404);
    const badLimit = await api<{ error: string }>(
      `/api/pools/${manifest.contracts.FinancingPools[0]!.address}/activity?limit=0`,
    );
    expect(badLimit.status).toBe(400);
  });
});

describe('positions', () => {
  it('gives every account the share balance the chain has, and only open positions', async () => {
    for (const { address: pool } of manifest.contracts.FinancingPools) {
      for (const [account, replayed] of await replayBalances(pool)) {
        const onChain = await chain.readContract({
          abi: financingPoolAbi,
          address: pool,
          functionName: 'balanceOf',
          args: [account as Address],
        });
        expect(replayed).toBe(onChain);
        const { body } = await api<{ positions: { pool: string; shares: string }[] }>(
          `/api/accounts/${account}/positions`,
        );
        const indexed = body.positions.find((p) => p.pool === pool.toLowerCase());
        expect(BigInt(indexed?.shares ?? '0')).toBe(onChain);
      }
    }
  });
});

describe('live indexing', () => {
  it('picks up a new deposit, a share transfer and a redemption as they are mined', async () => {
    const [, , , , , , , , investor, friend] = await accounts();
    const pool = manifest.contracts.FinancingPools[1]!.address;
    const usdc = manifest.contracts.USDC.address;
    const amount = parseUnits('1234.567891', 6);

    await send(investor!, { abi: mockUsdcAbi, address: usdc, functionName: 'approve', args: [pool, amount] });
    const deposit = await send(investor!, {
      abi: financingPoolAbi,
      address: pool,
      functionName: 'deposit',
      args: [amount, investor!],
    });
    await waitForIndexedBlock(deposit.blockNumber);
    const latest = await eventually(async () => {
      const { body } = await api<{ activity: ApiFlow[] }>(`/api/pools/${pool}/activity?limit=1`);
      return body.activity[0]?.txHash === deposit.transactionHash ? body.activity[0] : undefined;
    });
    expect(latest).toMatchObject({
      kind: 'deposit',
      account: investor!.toLowerCase(),
      amount: amount.toString(),
    });

    const shares = await chain.readContract({
      abi: financingPoolAbi,
      address: pool,
      functionName: 'balanceOf',
      args: [investor!],
    });
    await send(investor!, {
      abi: financingPoolAbi,
      address: pool,
      functionName: 'transfer',
      args: [friend!, shares / 4n],
    });
    const redeem = await send(investor!, {
      abi: financingPoolAbi,
      address: pool,
      functionName: 'redeem',
      args: [shares / 2n, investor!, investor!],
    });
    await waitForIndexedBlock(redeem.blockNumber);

    for (const account of [investor!, friend!]) {
      const onChain = await chain.readContract({
        abi: financingPoolAbi,
        address: pool,
        functionName: 'balanceOf',
        args: [account],
      });
      const indexed = await eventually(async () => {
        const { body } = await api<{ positions: { pool: string; shares: string }[] }>(
          `/api/accounts/${account}/positions`,
        );
        return body.positions.find((p) => p.pool === pool.toLowerCase());
      });
      expect(BigInt(indexed.shares)).toBe(onChain);
    }
    const { body: poolBody } = await api<{ pool: ApiPool }>(`/api/pools/${pool}`);
    expect(BigInt(poolBody.pool.totalAssets)).toBe(
      await chain.readContract({ abi: financingPoolAbi, address: pool, functionName: 'totalAssets' }),
    );
    const holders = [...(await replayBalances(pool)).values()].filter((b) => b > 0n).length;
    expect(poolBody.pool.depositors).toBe(holders);
  });
});

describe('generic access', () => {
  it('serves the same pools over GraphQL', async () => {
    const res = await fetch(`${indexerUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pools(orderBy: "createdAtBlock") { items { address totalAssets } } }' }),
    });
    const body = (await res.json()) as { data: { pools: { items: { address: string; totalAssets: string }[] } } };
    expect(body.data.pools.items.map((p) => getAddress(p.address))).toEqual(await factoryPools());
  });
});
