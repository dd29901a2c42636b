/**
 * Every figure the API gives for tranched pools, their tranches and their holders equals what the contracts say
 * at the indexed block (contract reads), or what the raw logs add up to where the chain keeps no total; and
 * they follow a new deposit into each tranche and a claim.
 */
import { getAddress, parseEventLogs, parseUnits, zeroAddress, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hardwareAssetRegistryAbi,
  mockUsdcAbi,
  trancheVaultAbi,
  tranchedPoolAbi,
  tranchedPoolFactoryAbi,
} from '../../lib/contracts/abis';
import {
  tranchedPoolDetailSchema,
  tranchedPoolListSchema,
  tranchePositionsSchema,
  trancheRedemptionsSchema,
} from '../../lib/indexer/tranche-wire';
import { creationBytecode } from '../../scripts/seed/artifacts';
import { averageCostBook } from './average-cost';
import { accounts, api, chain, indexedUpTo, manifest, send, testClient } from './helpers';

type Json = Record<string, unknown>;
type ApiTranche = Json & { address: string; side: string };
type ApiPool = Json & { address: string; senior: ApiTranche; junior: ApiTranche };
type ApiPosition = Json & { tranche: string; account: string };
type Listed = { address: Address; deployedOnBlock: number; senior: Address; junior: Address };

const DAY = 86_400n;

let block: bigint;

beforeAll(async () => {
  block = await indexedUpTo();
});

const tranchedPools = (): Listed[] => manifest().contracts.TranchedPools ?? [];

const readPool = <T>(address: Address, functionName: string, args: readonly unknown[] = []) =>
  chain.readContract({
    address,
    abi: tranchedPoolAbi,
    functionName,
    args,
    blockNumber: block,
  } as never) as Promise<T>;
const readVault = <T>(address: Address, functionName: string, args: readonly unknown[] = []) =>
  chain.readContract({
    address,
    abi: trancheVaultAbi,
    functionName,
    args,
    blockNumber: block,
  } as never) as Promise<T>;

const poolLogs = (address: Address) =>
  chain.getContractEvents({ address, abi: tranchedPoolAbi, fromBlock: 0n, toBlock: block });
const vaultLogs = (address: Address) =>
  chain.getContractEvents({ address, abi: trancheVaultAbi, fromBlock: 0n, toBlock: block });
type VaultLog = Awaited<ReturnType<typeof vaultLogs>>[number];

const big = (value: unknown) => BigInt(value as string);
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** The answer at exactly `block` (the indexer may be a moment behind the chain). */
async function answerAt<T extends { indexed: { block: string } }>(path: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const { body } = await api<T>(path);
    if (BigInt(body.indexed.block) === block) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} never answered at block ${block}`);
}

async function blockTime(blockNumber: bigint) {
  return (await chain.getBlock({ blockNumber })).timestamp;
}

/** Every pool and tranche figure of the list equals the contracts' at `block` and the logs up to it. */
async function expectPoolsMatchChain(listed: Listed[] = tranchedPools()) {
  const body = await answerAt<{ pools: ApiPool[]; indexed: { block: string; timestamp: string } }>(
    '/api/tranched-pools',
  );
  // The app's own reading of the answer (lib/indexer/tranche-wire.ts) accepts it.
  tranchedPoolListSchema.parse(body);
  expect(body.pools.length).toBe(listed.length);
  const now = big(body.indexed.timestamp);
  for (const entry of listed) {
    const pool = entry.address;
    const p = body.pools.find((x) => x.address === pool.toLowerCase());
    expect(p, `${pool} listed`).toBeDefined();
    const totalValue = await readPool<bigint>(pool, 'totalValue');
    const expected: Record<string, bigint> = {
      totalValue,
      idle: await readPool(pool, 'idle'),
      outstandingPrincipal: await readPool(pool, 'outstandingPrincipal'),
      totalProvisions: await readPool(pool, 'totalProvisions'),
      seniorLoss: await readPool(pool, 'seniorLoss'),
      subordinationBps: await readPool(pool, 'subordinationBps'),
      depositCap: await readPool(pool, 'depositCap'),
      projectId: await readPool(pool, 'projectId'),
      protocolFeeBps: BigInt(await readPool<number>(pool, 'protocolFeeBps')),
      seniorRateBps: BigInt(await readPool<number>(pool, 'seniorRateBps')),
      minSubordinationBps: BigInt(await readPool<number>(pool, 'minSubordinationBps')),
    };
    const logs = await poolLogs(pool);
    const splits = logs.filter((l) => l.eventName === 'RevenueSplit').map((l) => l.args as Record<string, bigint>);
    expected.carriedInterest = splits.at(-1)?.carried ?? 0n;
    expected.revenueGross = sum(splits.map((s) => s.revenue!));
    expected.feesPaid = sum(splits.map((s) => s.fee!));
    expect(expected.revenueGross - expected.feesPaid).toBe(await readPool<bigint>(pool, 'totalRevenueDistributed'));
    for (const [field, value] of Object.entries(expected)) {
      expect(big(String(p![field])), `${p!.name} ${field}`).toBe(value);
    }
    expect(p!.name).toBe(await readPool<string>(pool, 'name'));
    expect(p!.status).toBe(['raising', 'active', 'closed'][await readPool<number>(pool, 'status')]);
    expect(p!.category).toBe(['compute', 'robotics'][await readPool<number>(pool, 'category')]);
    expect(p!.paused).toBe(await readPool<boolean>(pool, 'paused'));
    expect(typeof p!.projectName).toBe('string');

    const allocated = logs.filter((l) => l.eventName === 'LossAllocated').map((l) => l.args as Record<string, bigint>);
    const restored = logs.filter((l) => l.eventName === 'LossRestored').map((l) => l.args as Record<string, bigint>);
    const created = await blockTime(logs.find((l) => l.eventName === 'TranchesAttached')!.blockNumber);
    for (const side of ['senior', 'junior'] as const) {
      const vault = entry[side];
      const t = p![side];
      expect(t.address, `${p!.name} ${side}`).toBe(vault.toLowerCase());
      expect(t.side).toBe(side);
      const value = await readVault<bigint>(vault, 'totalAssets');
      expect(value).toBe(await readPool<bigint>(pool, side === 'senior' ? 'seniorValue' : 'juniorValue'));
      const vLogs = await vaultLogs(vault);
      const received = vLogs.filter((l) => l.eventName === 'RevenueReceived');
      const expectedTranche: Record<string, bigint> = {
        value,
        totalSupply: await readVault(vault, 'totalSupply'),
        revenueReceived: sum(received.map((l) => (l.args as { amount: bigint }).amount)),
        revenueClaimed: await readVault(vault, 'totalRevenueClaimed'),
        pendingRedeemShares: await readVault(vault, 'pendingRedeemShares'),
        lossAllocated: sum(allocated.map((a) => (side === 'senior' ? a.toSenior! : a.toJunior!))),
        lossRestored: sum(restored.map((a) => (side === 'senior' ? a.toSenior! : a.toJunior!))),
        holders: BigInt((await holdersOf(vault, vLogs)).length),
      };
      // What the vault was paid equals its part of each split.
      expect(expectedTranche.revenueReceived).toBe(sum(splits.map((s) => s[side]!)));
      for (const [field, v] of Object.entries(expectedTranche)) {
        expect(big(String(t[field])), `${p!.name} ${side} ${field}`).toBe(v);
      }
      expect(t.name).toBe(await readVault<string>(vault, 'name'));
      expect(t.symbol).toBe(await readVault<string>(vault, 'symbol'));

      // The yields by hand: what the distributions of the 30 days to the indexed block paid the tranche, over the
      // time they cover (from the distribution before them, or the pool's creation, to the last of them).
      let recent = 0n;
      let lastIn: bigint | null = null;
      let lastBefore: bigint | null = null;
      // Timed by the pool's splits: one that paid this tranche nothing (a shortfall, for junior) still ends a period.
      for (const l of logs.filter((log) => log.eventName === 'RevenueSplit')) {
        const at = await blockTime(l.blockNumber);
        if (at > now - 30n * DAY) {
          recent += (l.args as Record<string, bigint>)[side]!;
          lastIn = at;
        } else lastBefore = at;
      }
      const age = Number(now - created);
      const yearly = (amount: bigint, seconds: number) =>
        value === 0n || seconds <= 0 ? null : (Number(amount) / Number(value)) * ((365 * 86_400) / seconds);
      const expectYield = (actual: unknown, wanted: number | null, what: string) =>
        wanted === null ? expect(actual, what).toBeNull() : expect(actual as number, what).toBeCloseTo(wanted, 12);
      const wanted30d =
        age < 30 * 86_400 || value === 0n
          ? null
          : lastIn === null
            ? 0
            : yearly(recent, Number(lastIn - (lastBefore ?? created)));
      expectYield(t.yield30d, wanted30d, `${p!.name} ${side} 30d`);
      expectYield(t.yieldSinceInception, yearly(expectedTranche.revenueReceived!, age), `${p!.name} ${side} all`);
    }
  }
  return body.pools;
}

/** Accounts holding shares of the vault at `block`, from the Transfer logs. */
async function holdersOf(vault: Address, logs: VaultLog[]): Promise<Address[]> {
  const held: Address[] = [];
  for (const account of participants(logs)) {
    if ((await readVault<bigint>(vault, 'balanceOf', [account])) > 0n) held.push(account);
  }
  return held;
}

function participants(logs: VaultLog[]): Address[] {
  const seen = new Set<Address>();
  for (const l of logs) {
    if (l.eventName !== 'Transfer') continue;
    const { from, to } = l.args as { from: Address; to: Address };
    for (const a of [from, to]) if (a !== zeroAddress) seen.add(getAddress(a));
  }
  return [...seen];
}

/**
 * Every account that ever held a tranche's shares: its position equals balanceOf, convertToAssets, lockedShares
 * and claimableRevenue at `block`, and its deposits, exits and claims equal its logs'.
 */
async function expectPositionsMatchChain(only?: Address[], pools: Listed[] = tranchedPools()) {
  let checked = 0;
  for (const listed of pools) {
    for (const side of ['senior', 'junior'] as const) {
      const vault = listed[side];
      const logs = await vaultLogs(vault);
      // A claim of filled requests is RedemptionClaimed then Withdraw: that exit was booked at its fill.
      const payouts = new Set(
        logs.filter((l) => l.eventName === 'RedemptionClaimed').map((l) => `${l.transactionHash}-${l.logIndex + 1}`),
      );
      const book = averageCostBook(logs);
      for (const account of only ?? participants(logs)) {
        const of = (name: string, field: string, amount: string) =>
          sum(
            logs
              .filter((l) => l.eventName === name && !payouts.has(`${l.transactionHash}-${l.logIndex}`))
              .map((l) => l.args as Record<string, unknown>)
              .filter((a) => getAddress(a[field] as Address) === account)
              .map((a) => a[amount] as bigint),
          );
        const shares = await readVault<bigint>(vault, 'balanceOf', [account]);
        const pending = await readVault<bigint>(vault, 'lockedShares', [account]);
        const claimable = await readVault<bigint>(vault, 'claimableRevenue', [account]);
        const [, filled] = await readVault<readonly [bigint, bigint]>(vault, 'claimableRedemption', [account]);
        const body = await answerAt<{ positions: ApiPosition[]; indexed: { block: string } }>(
          `/api/accounts/${account}/tranches`,
        );
        tranchePositionsSchema.parse(body);
        const row = body.positions.find((x) => x.tranche === vault.toLowerCase());
        const replay = book.get(account.toLowerCase()) ?? { cost: 0n, realised: 0n };
        const revenueClaimed = of('RevenueClaimed', 'account', 'amount');
        const heldOnce = replay.cost > 0n || replay.realised !== 0n || revenueClaimed > 0n;
        if (shares === 0n && pending === 0n && claimable === 0n && filled === 0n && !heldOnce) {
          expect(row, `${account} in ${side} of ${listed.address}: nothing held`).toBeUndefined();
          continue;
        }
        expect(row, `${account} in ${side} of ${listed.address}`).toBeDefined();
        const expected: Record<string, bigint> = {
          shares,
          value: await readVault(vault, 'convertToAssets', [shares]),
          pendingRedeemShares: pending,
          claimableRevenue: claimable,
          claimableRedeemAssets: filled,
          deposited: of('Deposit', 'owner', 'assets'),
          withdrawn: of('Withdraw', 'owner', 'assets') + of('RedeemRequestFilled', 'owner', 'assets'),
          revenueClaimed,
          // Average cost, as a replay of the raw logs gives it (the chain keeps no view of it).
          costBasis: replay.cost,
          realisedPnl: replay.realised,
        };
        expected.unrealisedPnl = expected.value! - replay.cost;
        expected.totalReturn = expected.unrealisedPnl + replay.realised + revenueClaimed + claimable;
        for (const [field, value] of Object.entries(expected)) {
          expect(big(row![field]), `${account} ${side} ${field}`).toBe(value);
        }
        expect(row!.pool).toBe(listed.address.toLowerCase());
        expect(row!.side).toBe(side);
        expect(row!.account).toBe(account.toLowerCase());
        checked++;
      }
    }
  }
  return checked;
}

type QueuedRequest = { owner: Address; prev: number; next: number; controller: Address; pendingShares: bigint };

/**
 * Each pool's waiting exits, as the API lists them, equal the vault's queue at `block`: walked from its head, the
 * same requests in the same order, each with its owner, controller and pending shares, the shares ahead of it and its
 * place. Returns every listed request.
 */
async function expectQueuesMatchChain(pools = tranchedPools()) {
  const all = [];
  for (const p of pools) {
    const body = trancheRedemptionsSchema.parse(await answerAt(`/api/tranched-pools/${p.address}/redemptions`));
    for (const side of ['senior', 'junior'] as const) {
      const vault = p[side];
      const queue: (QueuedRequest & { id: bigint })[] = [];
      for (let id = BigInt(await readVault<number>(vault, 'queueHead')); id !== 0n;) {
        const r = await readVault<QueuedRequest>(vault, 'redeemRequest', [id]);
        queue.push({ ...r, id });
        id = BigInt(r.next);
      }
      const listed = body.redemptions.filter((r) => r.side === side);
      let ahead = 0n;
      expect(
        listed.map((r) => [
          r.tranche,
          r.requestId,
          r.owner,
          r.controller,
          r.pendingShares,
          r.sharesAhead,
          r.queuePosition,
        ]),
        `${side} queue of ${p.address}`,
      ).toEqual(
        queue.map((r, i) => {
          const row = [
            getAddress(vault),
            r.id,
            getAddress(r.owner),
            getAddress(r.controller),
            r.pendingShares,
            ahead,
            i + 1,
          ];
          ahead += r.pendingShares;
          return row;
        }),
      );
      all.push(...listed);
    }
  }
  return all;
}

describe('tranched pools', () => {
  it('every pool and tranche figure equals the contracts’ at the indexed block', async () => {
    expect(tranchedPools().length).toBe(2);
    await expectPoolsMatchChain();
    // The seed leaves a senior exit waiting: each queue, as listed, is the vault's.
    expect((await expectQueuesMatchChain()).length).toBeGreaterThan(0);
  });

  it('the waterfall splits and losses are the logs’, oldest first, and add up', async () => {
    let carried = 0;
    let juniorOnly = 0;
    for (const { address: pool } of tranchedPools()) {
      const body = await answerAt<{ pool: ApiPool; splits: Json[]; losses: Json[]; indexed: { block: string } }>(
        `/api/tranched-pools/${pool}`,
      );
      tranchedPoolDetailSchema.parse(body);
      expect(body.pool.address).toBe(pool.toLowerCase());
      const logs = await poolLogs(pool);
      const splitLogs = logs.filter((l) => l.eventName === 'RevenueSplit');
      expect(body.splits.length).toBe(splitLogs.length);
      expect(body.splits.length).toBeGreaterThan(10);
      for (const [i, log] of splitLogs.entries()) {
        const s = body.splits[i]!;
        const args = log.args as Record<string, bigint>;
        expect(s.txHash).toBe(log.transactionHash);
        expect(big(s.blockNumber)).toBe(log.blockNumber);
        expect(big(s.timestamp)).toBe(await blockTime(log.blockNumber));
        for (const field of ['revenue', 'fee', 'senior', 'junior', 'carried']) {
          expect(big(s[field]), `split ${i} ${field}`).toBe(args[field]);
        }
        expect(big(s.fee) + big(s.senior) + big(s.junior)).toBe(big(s.revenue));
        if (big(s.carried) > 0n) carried++;
      }
      const lossLogs = logs.filter((l) => l.eventName === 'LossAllocated' || l.eventName === 'LossRestored');
      expect(body.losses.map((l) => [l.kind, l.txHash, l.toSenior, l.toJunior])).toEqual(
        lossLogs.map((l) => {
          const args = l.args as { toSenior: bigint; toJunior: bigint };
          const kind = l.eventName === 'LossAllocated' ? 'allocated' : 'restored';
          return [kind, l.transactionHash, String(args.toSenior), String(args.toJunior)];
        }),
      );
      juniorOnly += body.losses.filter(
        (l) => l.kind === 'allocated' && big(l.toJunior) > 0n && big(l.toSenior) === 0n,
      ).length;
    }
    // The seed's power fault leaves senior's interest short; its fire is absorbed by junior alone.
    expect(carried).toBeGreaterThan(0);
    expect(juniorOnly).toBeGreaterThan(0);
  });

  it('an unknown pool is a 404, a malformed address a 400, and a category filters', async () => {
    const single = manifest().contracts.FinancingPools[0]!.address;
    expect((await api(`/api/tranched-pools/${single}`)).status).toBe(404);
    expect((await api(`/api/tranched-pools/${zeroAddress}`)).status).toBe(404);
    const bad = await api<{ error: string }>('/api/tranched-pools/0x1234');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/not a pool address/);
    expect((await api('/api/tranched-pools?sort=apy')).status).toBe(400);
    const robotics = await api<{ pools: ApiPool[] }>('/api/tranched-pools?category=robotics');
    expect(robotics.body.pools.map((p) => p.category)).toEqual(['robotics']);
    const byName = await api<{ pools: ApiPool[] }>('/api/tranched-pools?sort=name&order=asc');
    const names = byName.body.pools.map((p) => p.name as string);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('every holder’s position equals the vault’s views and its own logs', async () => {
    expect(await expectPositionsMatchChain()).toBeGreaterThan(8);
  });

  it('every holder’s history has each of its tranche logs, named by pool and tranche', async () => {
    // What each log is in its account's history: [kind, whose, amount, shares].
    const asHistory = (l: VaultLog): [string, unknown, unknown, unknown] | null => {
      const a = l.args as Record<string, unknown>;
      switch (l.eventName) {
        case 'Deposit':
          return ['deposit', a.owner, a.assets, a.shares];
        case 'Withdraw':
          return ['withdrawal', a.owner, a.assets, a.shares];
        case 'RevenueClaimed':
          return ['claim', a.account, a.amount, null];
        case 'RedeemRequest':
          return ['redemption_request', a.owner, null, a.shares];
        case 'RedeemRequestFilled':
          return ['redemption_fill', a.owner, a.assets, a.shares];
        case 'RedemptionClaimed':
          return ['redemption_claim', a.controller, a.assets, a.shares];
        case 'CancelRedeemClaim':
          return ['redemption_cancel', a.receiver, null, a.shares];
        default:
          return null;
      }
    };
    const expected = new Map<string, string[]>(); // `${account} ${pool}` → its rows there
    for (const listed of tranchedPools()) {
      for (const side of ['senior', 'junior'] as const) {
        const logs = await vaultLogs(listed[side]);
        // A payout's Withdraw is the RedemptionClaimed just before it: one entry, as for pools.
        const payouts = new Set(
          logs.filter((l) => l.eventName === 'RedemptionClaimed').map((l) => `${l.transactionHash}-${l.logIndex + 1}`),
        );
        for (const l of logs) {
          const row = asHistory(l);
          if (!row || payouts.has(`${l.transactionHash}-${l.logIndex}`)) continue;
          const [kind, whose, amount, shares] = row;
          const key = [kind, side, amount ?? '', shares ?? '', l.transactionHash].join(' ');
          // A queued exit's steps are in its controller's history too, when that is another address.
          const controller = (l.args as { controller?: Address }).controller;
          const accounts = new Set([getAddress(whose as Address), ...(controller ? [getAddress(controller)] : [])]);
          for (const account of accounts) {
            const where = `${account} ${listed.address}`;
            expected.set(where, [...(expected.get(where) ?? []), key]);
          }
        }
      }
    }
    expect(expected.size).toBeGreaterThan(8);
    for (const [where, rows] of expected) {
      const [account, pool] = where.split(' ');
      // One pool's history (the filter takes a tranched pool too), so the limit cannot cut it.
      const { body } = await api<{ history: Json[] }>(`/api/accounts/${account}/history?pool=${pool}&limit=1000`);
      expect(body.history.every((h) => h.pool === pool!.toLowerCase())).toBe(true);
      const got = body.history.map((h) => [h.kind, h.tranche, h.amount ?? '', h.shares ?? '', h.txHash].join(' '));
      expect(got.sort(), `tranche history of ${account} in ${pool}`).toEqual(rows.sort());
    }
  });

  it('the pools’ machines carry their capital and revenue, and their pages answer', async () => {
    const registry = manifest().contracts.HardwareAssetRegistry.address;
    let machines = 0;
    for (const { address: pool } of tranchedPools()) {
      const feeBps = BigInt(await readPool<number>(pool, 'protocolFeeBps'));
      const revenue = (await poolLogs(pool)).filter((l) => l.eventName === 'RevenueDistributed');
      const count = (await chain.readContract({
        address: registry,
        abi: hardwareAssetRegistryAbi,
        functionName: 'assetCount',
        blockNumber: block,
      })) as bigint;
      for (let id = 1n; id <= count; id++) {
        const owner = (await chain.readContract({
          address: registry,
          abi: hardwareAssetRegistryAbi,
          functionName: 'poolOf',
          args: [id],
          blockNumber: block,
        })) as Address;
        if (owner !== pool) continue;
        const { status, body } = await api<{
          asset: Record<string, string>;
          pool: unknown;
          tranchedPool: { address: string; name: string } | null;
        }>(`/api/assets/${id}`);
        expect(status).toBe(200);
        // The asset answer's `pool` is a single pool's summary: none for a tranched pool's machine, whose pool
        // is answered apart.
        expect(body.pool).toBeNull();
        expect(body.tranchedPool?.address).toBe(pool.toLowerCase());
        expect(body.tranchedPool?.name).toBe(await readPool<string>(pool, 'name'));
        const capital = await readPool<readonly bigint[]>(pool, 'assetCapital', [id]);
        const fields = ['deployed', 'repaid', 'writtenDown', 'recovered', 'provision', 'limit'] as const;
        for (const [i, field] of fields.entries()) {
          expect(big(body.asset[field]), `asset ${id} ${field}`).toBe(capital[i]);
        }
        expect(big(body.asset.outstanding)).toBe(await readPool<bigint>(pool, 'outstandingOf', [id]));
        const amounts = revenue
          .map((l) => l.args as { assetId: bigint; amount: bigint })
          .filter((a) => a.assetId === id)
          .map((a) => a.amount);
        expect(big(body.asset.revenueGross)).toBe(sum(amounts));
        expect(big(body.asset.revenueNet)).toBe(sum(amounts.map((a) => a - (a * feeBps) / 10_000n)));
        expect(sum(amounts)).toBeGreaterThan(0n);
        const series = await api<{ series: { revenueNet: string }[] }>(`/api/assets/${id}/series?days=180`);
        expect(series.status).toBe(200);
        expect(sum(series.body.series.map((p) => big(p.revenueNet)))).toBeGreaterThan(0n);
        machines++;
      }
      const projectId = await readPool<bigint>(pool, 'projectId');
      expect((await api(`/api/projects/${projectId}`)).status).toBe(200);
      expect((await api(`/api/pools/${pool}/assets`)).status).toBe(200);
    }
    expect(machines).toBe(4);
    expect((await api('/api/projects')).status).toBe(200);
    expect((await api('/api/protocol')).status).toBe(200);
  });

  it('follows a new deposit into each tranche and a claim', async () => {
    const usdc = manifest().contracts.USDC.address;
    const investor = getAddress(`0x${'7a'.repeat(20)}`);
    await testClient.impersonateAccount({ address: investor });
    await testClient.setBalance({ address: investor, value: parseUnits('10', 18) });
    const deposit = async (vault: Address, assets: bigint) => {
      await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'mint', args: [investor, assets] });
      await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [vault, assets] });
      await send(investor, { address: vault, abi: trancheVaultAbi, functionName: 'deposit', args: [assets, investor] });
    };
    // Junior first: it makes the room for senior within the minimum subordination.
    for (const listed of tranchedPools()) {
      await deposit(listed.junior, parseUnits('200000', 6));
      const [room] = (await chain.readContract({
        address: listed.address,
        abi: tranchedPoolAbi,
        functionName: 'maxDeposit',
        args: [true],
      })) as readonly [bigint, boolean];
      const assets = parseUnits('50000', 6) < room ? parseUnits('50000', 6) : room;
      expect(assets).toBeGreaterThan(0n);
      await deposit(listed.senior, assets);
    }
    // A holder claims what the senior tranche of the first pool owes them.
    const first = tranchedPools()[0]!;
    const holders = participants(await vaultLogs(first.senior));
    let claimer: Address | undefined;
    for (const h of holders) {
      const owed = (await chain.readContract({
        address: first.senior,
        abi: trancheVaultAbi,
        functionName: 'claimableRevenue',
        args: [h],
      })) as bigint;
      if (owed > 0n && h !== investor) {
        claimer = h;
        break;
      }
    }
    expect(claimer).toBeDefined();
    await send(claimer!, { address: first.senior, abi: trancheVaultAbi, functionName: 'claim', args: [claimer!] });
    // The senior exit the seed left waiting is filled by anyone: its USDC waits in the vault for its controller.
    const waiting: Address[] = [];
    for (const p of tranchedPools()) {
      const head = (await chain.readContract({
        address: p.senior,
        abi: trancheVaultAbi,
        functionName: 'queueHead',
      })) as number;
      if (head === 0) continue;
      const request = (await chain.readContract({
        address: p.senior,
        abi: trancheVaultAbi,
        functionName: 'redeemRequest',
        args: [BigInt(head)],
      })) as { controller: Address };
      waiting.push(getAddress(request.controller));
      await send(investor, { address: p.senior, abi: trancheVaultAbi, functionName: 'fillRedemptions', args: [10n] });
    }
    expect(waiting.length).toBeGreaterThan(0);

    block = await indexedUpTo();
    const pools = await expectPoolsMatchChain();
    for (const p of pools) expect(p.junior.holders as number).toBeGreaterThan(1);
    expect(await expectPositionsMatchChain([investor, claimer!, ...waiting])).toBeGreaterThanOrEqual(6);
    for (const controller of waiting) {
      const rows = (await api<{ positions: ApiPosition[] }>(`/api/accounts/${controller}/tranches`)).body.positions;
      expect(
        rows.some((r) => big(r.claimableRedeemAssets) > 0n),
        `${controller} has a filled exit to collect`,
      ).toBe(true);
    }
    const mine = (await api<{ positions: ApiPosition[] }>(`/api/accounts/${investor}/tranches`)).body.positions;
    expect(mine.length).toBe(4);
    await testClient.stopImpersonatingAccount({ address: investor });
  });

  it('finds a tranched pool the factory creates after the manifest was written, and its vaults', async () => {
    const maker = manifest().contracts.TranchedPoolFactory!.address;
    const [admin] = await accounts();
    const receipt = await send(admin!, {
      address: maker,
      abi: tranchedPoolFactoryAbi,
      functionName: 'createTranchedPool',
      args: [
        {
          projectId: 1n,
          name: 'Late Tranched Check',
          symbol: 'myLATE',
          depositCap: parseUnits('1000000', 6),
          seniorRateBps: 600,
          minSubordinationBps: 2_000,
        },
        creationBytecode('TranchedPool'),
        creationBytecode('TrancheVault'),
      ],
    });
    const [created] = parseEventLogs({
      abi: tranchedPoolFactoryAbi,
      logs: receipt.logs,
      eventName: 'TranchedPoolCreated',
    });
    const { pool, senior, junior } = created!.args;
    // A junior deposit into the new pool: its vault is indexed too.
    const investor = (await accounts())[3]!;
    const usdc = manifest().contracts.USDC.address;
    const assets = parseUnits('1000', 6);
    await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'mint', args: [investor, assets] });
    await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [junior, assets] });
    await send(investor, { address: junior, abi: trancheVaultAbi, functionName: 'deposit', args: [assets, investor] });

    block = await indexedUpTo();
    const late = { address: pool, senior, junior, deployedOnBlock: Number(receipt.blockNumber) };
    const pools = await expectPoolsMatchChain([...tranchedPools(), late]);
    const found = pools.find((p) => p.address === pool.toLowerCase())!;
    expect(found.name).toBe('Late Tranched Check');
    expect(big(found.totalValue)).toBe(assets);
    expect(found.junior.holders).toBe(1);
    // Younger than 30 days: no trailing yield yet.
    expect(found.junior.yield30d).toBeNull();
    expect(await expectPositionsMatchChain([getAddress(investor)], [late])).toBe(1);
  });
  it('lists the exits waiting in each tranche’s queue as the vault holds them, and drops one its controller cancels', async () => {
    const investor = getAddress(`0x${'7c'.repeat(20)}`);
    await testClient.impersonateAccount({ address: investor });
    await testClient.setBalance({ address: investor, value: parseUnits('10', 18) });
    const p = tranchedPools()[0]!;
    const usdc = manifest().contracts.USDC.address;
    const assets = parseUnits('5000', 6);
    await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'mint', args: [investor, assets] });
    await send(investor, { address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [p.junior, assets] });
    await send(investor, {
      address: p.junior,
      abi: trancheVaultAbi,
      functionName: 'deposit',
      args: [assets, investor],
    });
    const shares = (await chain.readContract({
      address: p.junior,
      abi: trancheVaultAbi,
      functionName: 'balanceOf',
      args: [investor],
    })) as bigint;
    await send(investor, {
      address: p.junior,
      abi: trancheVaultAbi,
      functionName: 'requestRedeem',
      args: [shares / 2n, investor, investor],
    });

    block = await indexedUpTo();
    const mine = (await expectQueuesMatchChain()).filter((r) => r.controller === investor);
    // The tranche's panel asks for one controller's only.
    const asked = trancheRedemptionsSchema.parse(
      (await api(`/api/tranched-pools/${p.address}/redemptions?controller=${investor.toLowerCase()}`)).body,
    );
    expect(asked.redemptions).toEqual(mine);
    expect(mine.map((r) => [r.side, r.pendingShares, r.requestedShares])).toEqual([
      ['junior', shares / 2n, shares / 2n],
    ]);

    await send(investor, {
      address: p.junior,
      abi: trancheVaultAbi,
      functionName: 'cancelRedeemRequest',
      args: [mine[0]!.requestId, investor],
    });
    block = await indexedUpTo();
    expect((await expectQueuesMatchChain()).some((r) => r.controller === investor)).toBe(false);
    await testClient.stopImpersonatingAccount({ address: investor });

    const single = manifest().contracts.FinancingPools[0]!.address;
    expect((await api(`/api/tranched-pools/${single}/redemptions`)).status).toBe(404);
    expect((await api('/api/tranched-pools/0x1234/redemptions')).status).toBe(400);
    expect((await api(`/api/tranched-pools/${p.address}/redemptions?controller=0x1234`)).status).toBe(400);
  });
});
