/**
 * Notices (the pools' and the accounts' feeds) against the chain's own logs: every revenue distribution,
 * impairment, write-down, recovery and status change of a pool is one, with its transaction; a new
 * distribution on the chain is the pool's newest notice once indexed; an account hears of its own pools only,
 * and of queued exits filled only its own.
 */
import { getAddress, parseUnits, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi, mockUsdcAbi } from '../../lib/contracts/abis';
import { accounts, api, chain, indexedUpTo, manifest, mined, walletOf } from './helpers';

type Notice = {
  chainId: number;
  kind: string;
  pool: Address;
  account: Address | null;
  amount: string | null;
  txHash: `0x${string}`;
  blockNumber: string;
};

const notices = async (path: string) => (await api<{ notices: Notice[]; indexed: { block: string } }>(path)).body;

let block: bigint;
beforeAll(async () => {
  block = await indexedUpTo();
});

describe('notices', () => {
  it('a pool’s revenue, losses, recoveries and status changes are its notices, one per log', async () => {
    let checked = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const { notices: list } = await notices(`/api/pools/${pool}/notices?limit=200`);
      const logsOf = async (eventName: string) =>
        (await chain.getContractEvents({
          address: pool,
          abi: financingPoolAbi,
          eventName,
          fromBlock: 0n,
          toBlock: block,
        } as never)) as unknown as {
          transactionHash: `0x${string}`;
          args: Record<string, bigint>;
        }[];
      const expected: [string, string, (args: Record<string, bigint>) => bigint | null][] = [
        ['revenue_distributed', 'RevenueDistributed', (a) => a.netAmount!],
        ['provision', 'ProvisionUpdated', (a) => a.provision!],
        ['write_down', 'PrincipalWrittenDown', (a) => a.amount!],
        ['recovery', 'PrincipalRecovered', (a) => a.amount!],
        ['pool_status', 'PoolStatusChanged', () => null],
        ['pool_deposit_limits', 'DepositLimitsUpdated', (a) => a.depositCap!],
      ];
      if (list.length === 200) continue; // a busy pool's newest 200 only: checked by the pools below
      checked++;
      for (const [kind, eventName, amountOf] of expected) {
        const logs = await logsOf(eventName);
        const mine = list.filter((n) => n.kind === kind);
        expect(mine.map((n) => n.txHash).sort(), `${kind} of ${pool}`).toEqual(
          logs.map((l) => l.transactionHash).sort(),
        );
        for (const log of logs) {
          const amount = amountOf(log.args);
          if (amount !== null)
            expect(mine.some((n) => n.txHash === log.transactionHash && n.amount === String(amount))).toBe(true);
        }
      }
      // Newest first.
      const blocks = list.map((n) => BigInt(n.blockNumber));
      expect(blocks).toEqual([...blocks].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    }
    expect(checked, 'pools whose every notice was checked against the logs').toBeGreaterThan(0);
  });

  it('one kind at a time: a pool’s recoveries are its PrincipalRecovered logs, newest first', async () => {
    let recoveries = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const { notices: list } = await notices(`/api/pools/${pool}/notices?kind=recovery&limit=200`);
      const logs = (await chain.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        eventName: 'PrincipalRecovered',
        fromBlock: 0n,
        toBlock: block,
      })) as unknown as { transactionHash: `0x${string}`; blockNumber: bigint }[];
      expect(list.every((n) => n.kind === 'recovery')).toBe(true);
      expect(list.map((n) => n.txHash)).toEqual([...logs].reverse().map((l) => l.transactionHash));
      recoveries += logs.length;
    }
    expect(recoveries, 'the seed records a recovery').toBeGreaterThan(0);
  });

  it('a new revenue distribution on the chain is the pool’s newest notice once indexed', async () => {
    const list = await accounts();
    const reporter = list[11]!;
    const pool = manifest().contracts.FinancingPools[0]!.address;
    const { body } = await api<{ assets: { id: string; status: string }[] }>(`/api/pools/${pool}/assets`);
    const active = body.assets.find((a) => a.status === 'active');
    expect(active, 'the seeded pool has an active machine').toBeDefined();
    const usdc = manifest().contracts.USDC.address;
    const gross = parseUnits('1234.56', 6);
    await mined(
      await walletOf(reporter).writeContract({
        address: usdc,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [pool, gross],
      }),
    );
    const now = (await chain.getBlock()).timestamp;
    const hash = await walletOf(reporter).writeContract({
      address: pool,
      abi: financingPoolAbi,
      functionName: 'distributeRevenue',
      args: [BigInt(active!.id), gross, now - 86_400n, now - 10n],
      gas: 1_000_000n,
    });
    const receipt = await mined(hash);
    await indexedUpTo(receipt.blockNumber);
    const [newest] = (await notices(`/api/pools/${pool}/notices?limit=5`)).notices;
    const fee =
      (gross *
        BigInt(await chain.readContract({ address: pool, abi: financingPoolAbi, functionName: 'protocolFeeBps' }))) /
      10_000n;
    expect(newest).toMatchObject({ kind: 'revenue_distributed', txHash: hash, amount: String(gross - fee) });
  });

  it('an account hears of the pools it holds or held, and of queued exits filled only its own', async () => {
    const holders = new Set<Address>();
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const { notices: poolNotices } = await notices(`/api/pools/${pool}/notices?limit=200`);
      for (const fill of poolNotices.filter((n) => n.kind === 'redemption_filled'))
        holders.add(getAddress(fill.account!));
    }
    const [holder] = holders;
    expect(holder, 'the seed fills a queued exit').toBeDefined();
    const { body: positions } = await api<{ positions: { pool: Address }[] }>(`/api/accounts/${holder}/positions`);
    const theirPools = new Set(positions.positions.map((p) => p.pool.toLowerCase()));
    const { notices: theirs } = await notices(`/api/accounts/${holder}/notices?limit=200`);
    expect(theirs.length).toBeGreaterThan(0);
    for (const n of theirs) {
      expect(theirPools.has(n.pool.toLowerCase()), `${n.kind} in ${n.pool}`).toBe(true);
      if (n.kind === 'redemption_filled') expect(getAddress(n.account!)).toBe(holder);
    }
    expect(theirs.some((n) => n.kind === 'redemption_filled')).toBe(true);
  });
});
