/**
 * Period statements against the chain: the boundary blocks are the last before each end, the positions at
 * both equal the pools' own views read at those blocks, every flow equals the sum of its logs in between, a
 * holder's share of each loss equals the fall of their holding across the loss's block, and every statement
 * ties opening to closing to the base unit.
 */
import { getAddress, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi } from '../../lib/contracts/abis';
import { accounts, api, chain, indexedUpTo, manifest } from './helpers';

type Position = { shares: string; value: string; unclaimedRevenue: string };
type Lines = Record<
  | 'deposits'
  | 'instantWithdrawals'
  | 'queuedWithdrawals'
  | 'transfersIn'
  | 'transfersOut'
  | 'revenueEarned'
  | 'revenueClaimed'
  | 'provisions'
  | 'writeDowns'
  | 'recoveries'
  | 'rounding',
  string
> & { opening: Position; closing: Position };
type Statement = {
  opening: { block: string; timestamp: string };
  closing: { block: string; timestamp: string };
  complete: boolean;
  holdings: (Lines & { account: Address; pool: Address })[];
  pools: (Lines & { pool: Address })[];
  total: Lines;
  transactions: { kind: string; txHash: string; blockNumber: string; pool: Address }[];
};

const DAY = 86_400;
const isoDay = (t: bigint | number) => new Date(Number(t) * 1000).toISOString().slice(0, 10);

async function statementOf(holders: Address[], from: string, to: string) {
  const { status, body } = await api<{ statement: Statement; error?: string }>(
    `/api/accounts/${holders.join(',')}/statement?from=${from}&to=${to}`,
  );
  expect(status, body.error).toBe(200);
  return body.statement;
}

const read = <T>(pool: Address, functionName: string, args: readonly unknown[], blockNumber: bigint) =>
  chain.readContract({ address: pool, abi: financingPoolAbi, functionName, args, blockNumber } as never) as Promise<T>;

/** What the pool itself says of `account` at `block`: shares, what they redeem for, revenue claimable. */
async function positionOnChain(pool: Address, account: Address, block: bigint) {
  // Before the pool existed, nothing was held in it.
  if (!(await chain.getCode({ address: pool, blockNumber: block })))
    return { shares: 0n, value: 0n, unclaimedRevenue: 0n };
  const shares = await read<bigint>(pool, 'balanceOf', [account], block);
  return {
    shares,
    value: await read<bigint>(pool, 'previewRedeem', [shares], block),
    unclaimedRevenue: await read<bigint>(pool, 'claimableRevenue', [account], block),
  };
}

const asBig = (p: Position) => ({
  shares: BigInt(p.shares),
  value: BigInt(p.value),
  unclaimedRevenue: BigInt(p.unclaimedRevenue),
});

function gap(l: Lines): bigint {
  const n = (k: keyof Lines) => BigInt(l[k] as string);
  const open = BigInt(l.opening.value) + BigInt(l.opening.unclaimedRevenue);
  const close = BigInt(l.closing.value) + BigInt(l.closing.unclaimedRevenue);
  return (
    open +
    n('deposits') -
    n('instantWithdrawals') -
    n('queuedWithdrawals') +
    n('transfersIn') -
    n('transfersOut') +
    n('revenueEarned') -
    n('revenueClaimed') +
    n('provisions') +
    n('writeDowns') +
    n('recoveries') +
    n('rounding') -
    close
  );
}

type Log = Awaited<ReturnType<typeof poolLogs>>[number];
const poolLogs = (pool: Address, fromBlock: bigint, toBlock: bigint) =>
  chain.getContractEvents({ address: pool, abi: financingPoolAbi, fromBlock, toBlock });
const argsOf = (log: Log) => log.args as Record<string, unknown>;
const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** Checks one statement against the chain, holding by holding; returns what it saw, for the caller's asserts. */
async function checkAgainstChain(s: Statement) {
  const opening = BigInt(s.opening.block);
  const closing = BigInt(s.closing.block);
  const seen = { deposits: 0n, queued: 0n, claimed: 0n, losses: 0n };
  for (const h of s.holdings) {
    const pool = getAddress(h.pool);
    expect(asBig(h.opening), `opening of ${h.account} in ${pool}`).toEqual(
      await positionOnChain(pool, h.account, opening),
    );
    expect(asBig(h.closing), `closing of ${h.account} in ${pool}`).toEqual(
      await positionOnChain(pool, h.account, closing),
    );
    expect(gap(h), `reconciliation of ${h.account} in ${pool}`).toBe(0n);

    const logs = await poolLogs(pool, opening + 1n, closing);
    const payouts = new Set(
      logs.filter((l) => l.eventName === 'RedemptionClaimed').map((l) => `${l.transactionHash}-${l.logIndex + 1}`),
    );
    const sum = (name: string, field: string, who: string, keep: (l: Log) => boolean = () => true) =>
      logs
        .filter((l) => l.eventName === name && same(argsOf(l)[who], h.account) && keep(l))
        .reduce((a, l) => a + (argsOf(l)[field] as bigint), 0n);
    expect(BigInt(h.deposits)).toBe(sum('Deposit', 'assets', 'owner'));
    expect(BigInt(h.instantWithdrawals)).toBe(
      sum('Withdraw', 'assets', 'owner', (l) => !payouts.has(`${l.transactionHash}-${l.logIndex}`)),
    );
    expect(BigInt(h.queuedWithdrawals)).toBe(sum('RedeemRequestFilled', 'assets', 'owner'));
    expect(BigInt(h.revenueClaimed)).toBe(sum('RevenueClaimed', 'amount', 'account'));

    // The holder's share of each loss or recovery: the fall (or rise) of their holding across its block.
    const lossBlocks = [
      ...new Set(
        logs
          .filter((l) => ['ProvisionUpdated', 'PrincipalWrittenDown', 'PrincipalRecovered'].includes(l.eventName))
          .map((l) => l.blockNumber),
      ),
    ];
    let share = 0n;
    for (const b of lossBlocks) {
      // Only blocks that moved nothing else of the pool's price: the seed marks losses in their own transactions.
      const others = logs.filter(
        (l) =>
          l.blockNumber === b &&
          ['Deposit', 'Withdraw', 'RedeemRequestFilled', 'Transfer', 'RevenueClaimed'].includes(l.eventName),
      );
      expect(others, `block ${b} moves only the pool's losses`).toEqual([]);
      const after = await positionOnChain(pool, h.account, b);
      const before = await positionOnChain(pool, h.account, b - 1n);
      share += after.value - before.value;
    }
    expect(BigInt(h.provisions) + BigInt(h.writeDowns) + BigInt(h.recoveries), `losses of ${h.account}`).toBe(share);
    // Rounding is the vault's base units, never a figure.
    expect(BigInt(h.rounding) ** 2n <= 100n, `rounding of ${h.account}: ${h.rounding}`).toBe(true);

    seen.deposits += BigInt(h.deposits);
    seen.queued += BigInt(h.queuedWithdrawals);
    seen.claimed += BigInt(h.revenueClaimed);
    seen.losses += share < 0n ? -share : share;
  }
  expect(gap(s.total)).toBe(0n);
  return seen;
}

let head: bigint;
let holders: Address[];
beforeAll(async () => {
  head = await indexedUpTo();
  holders = await accounts();
});

async function blockTime(block: bigint) {
  return (await chain.getBlock({ blockNumber: block })).timestamp;
}

describe('period statements', () => {
  it('close each end at the last block before it', async () => {
    const headTime = await blockTime(head);
    const from = isoDay(Number(headTime) - 40 * DAY);
    const to = isoDay(Number(headTime) - 10 * DAY);
    const s = await statementOf([holders[2]!], from, to);
    expect(s.complete).toBe(true);
    const startOf = (day: string) => BigInt(Date.parse(`${day}T00:00:00Z`) / 1000);
    for (const [boundary, limit] of [
      [s.opening, startOf(from)],
      [s.closing, startOf(to) + BigInt(DAY)],
    ] as const) {
      const block = BigInt(boundary.block);
      expect(BigInt(boundary.timestamp)).toBe(await blockTime(block));
      expect(await blockTime(block)).toBeLessThan(limit);
      expect(await blockTime(block + 1n)).toBeGreaterThanOrEqual(limit);
    }
  });

  it('a holder who deposited, exited through the queue and claimed in the period: every figure exact', async () => {
    // Investor 2 of the seed queues its whole Osaka A position and claims revenue every 30 days.
    const investor = holders[2]!;
    const fills = await chain.getContractEvents({
      abi: financingPoolAbi,
      eventName: 'RedeemRequestFilled',
      args: { owner: investor },
      fromBlock: 0n,
      toBlock: head,
    });
    expect(fills.length).toBeGreaterThan(0);
    const fillTime = await blockTime(fills[0]!.blockNumber);
    const s = await statementOf([investor], isoDay(Number(fillTime) - 70 * DAY), isoDay(Number(fillTime) + 2 * DAY));
    const seen = await checkAgainstChain(s);
    expect(seen.deposits, 'deposited in the period').toBeGreaterThan(0n);
    expect(seen.queued, 'exited through the queue in the period').toBeGreaterThan(0n);
    expect(seen.claimed, 'claimed in the period').toBeGreaterThan(0n);
    // Every transaction of the period is listed with its hash.
    const hashes = new Set(s.transactions.map((t) => t.txHash));
    for (const fill of fills.filter((f) => f.blockNumber <= BigInt(s.closing.block))) {
      expect(hashes.has(fill.transactionHash)).toBe(true);
    }
  });

  it('a holder hit by a write-down bears their share of it, as the pool valued their shares', async () => {
    const writeDowns = await chain.getContractEvents({
      abi: financingPoolAbi,
      eventName: 'PrincipalWrittenDown',
      fromBlock: 0n,
      toBlock: head,
    });
    expect(writeDowns.length).toBeGreaterThan(0);
    const hit = writeDowns[0]!;
    const time = await blockTime(hit.blockNumber);
    const pool = hit.address;
    const holdersThen: Address[] = [];
    for (const account of holders) {
      if ((await read<bigint>(getAddress(pool), 'balanceOf', [account], hit.blockNumber)) > 0n)
        holdersThen.push(account);
    }
    expect(holdersThen.length).toBeGreaterThan(0);
    // The quarter around the write-down, for every holder of the pool then, as one entity and one by one.
    const from = isoDay(Number(time) - 45 * DAY);
    const to = isoDay(Number(time) + 45 * DAY);
    const entity = await statementOf(holdersThen, from, to);
    const seen = await checkAgainstChain(entity);
    expect(seen.losses).toBeGreaterThan(0n);
    const inPool = entity.holdings.filter((h) => same(h.pool, pool));
    expect(inPool.some((h) => BigInt(h.provisions) + BigInt(h.writeDowns) < 0n)).toBe(true);
    const alone = await statementOf([holdersThen[0]!], from, to);
    const mine = (s: Statement) => s.holdings.find((h) => same(h.pool, pool) && same(h.account, holdersThen[0]!));
    expect(mine(alone)).toEqual(mine(entity));
  });

  it('the whole history of every holder ties out against the chain', async () => {
    const headTime = await blockTime(head);
    const genesisDay = isoDay(await blockTime(0n));
    const s = await statementOf(holders.slice(0, 20), genesisDay, isoDay(headTime));
    // The period is not over: it closes at the indexed block, and says so.
    expect(s.complete).toBe(false);
    expect(BigInt(s.closing.block)).toBeGreaterThanOrEqual(head);
    await checkAgainstChain(s);
    expect(s.holdings.length).toBeGreaterThan(10);
  });

  it('a period that starts before the chain opens at its first block, holding nothing', async () => {
    const genesis = await blockTime(0n);
    const s = await statementOf(
      [holders[2]!],
      `${isoDay(genesis).slice(0, 4)}-01-01`,
      isoDay(Number(genesis) + 20 * DAY),
    );
    expect(s.opening).toEqual({ block: '0', timestamp: genesis.toString() });
    expect(s.holdings.every((h) => h.opening.value === '0' && h.opening.shares === '0')).toBe(true);
    await checkAgainstChain(s);
  });

  it('refuses a bad period with a message', async () => {
    const bad = [
      ['2026-13-01', '2026-12-31'],
      ['2026-02-30', '2026-03-01'],
      ['2026-03-02', '2026-03-01'],
      ['yesterday', '2026-03-01'],
      ['2099-01-01', '2099-01-31'],
    ];
    for (const [from, to] of bad) {
      const { status, body } = await api<{ error: string }>(
        `/api/accounts/${holders[2]}/statement?from=${from}&to=${to}`,
      );
      expect(status, `${from}..${to}`).toBe(400);
      expect(body.error).toMatch(/\w/);
    }
  });

  it('every pool of the manifest that a holder held shows in the whole-history statement', async () => {
    const s = await statementOf([holders[2]!], isoDay(await blockTime(0n)), isoDay(await blockTime(head)));
    const pools = new Set(s.holdings.map((h) => h.pool.toLowerCase()));
    for (const { address } of manifest().contracts.FinancingPools) {
      const ever = await chain.getContractEvents({
        address,
        abi: financingPoolAbi,
        eventName: 'Transfer',
        args: { to: holders[2]! },
        fromBlock: 0n,
        toBlock: head,
      });
      if (ever.length > 0) expect(pools.has(address.toLowerCase()), address).toBe(true);
    }
  });
});
