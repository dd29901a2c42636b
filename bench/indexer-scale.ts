/**
 * The indexer at scale: a generated world of P pools, A machine groups and R revenue distributions on a
 * throwaway anvil, a full backfill with `ponder start`, then the heaviest API endpoints under load.
 *
 *   npm run bench:indexer                          P = 1,000  A = 20,000  R = 100,000, 60 s per endpoint
 *   npm run bench:indexer -- --full                R = 1,000,000
 *   npm run bench:indexer -- --pools 100 --assets 2000 --revenue 10000 --duration 10
 *
 * Flags (or environment): --pools (BENCH_POOLS), --assets (BENCH_ASSETS), --revenue (BENCH_REVENUE),
 * --full (BENCH_FULL=1), --duration seconds per endpoint (BENCH_DURATION; 0 skips the load test),
 * --connections (BENCH_CONNECTIONS, 50), --block-time seconds between blocks mined during the load test
 * (BENCH_BLOCK_TIME, 2; each new block invalidates the API's answer cache), --keep (keep the temporary folder: manifest and PGlite data).
 * Ports: BENCH_CHAIN_PORT (8945), BENCH_INDEXER_PORT (42369), BENCH_POSTGRES_PORT (54429).
 * Database: PGlite in a temp folder by default (Ponder's embedded default, which runs inside the indexer's own
 * thread); --postgres (BENCH_POSTGRES=1) starts a throwaway PostgreSQL cluster for the run (from npm, as the
 * tests do), the production mode; with DATABASE_URL the indexer uses that Postgres instead, in a schema of its
 * own per run (`bench_<time>`, left behind).
 *
 * The world: pool 0 is a busy pool with 5× the average number of machine groups, which distributes every
 * day; the others distribute in rotation, each round covering all of the pool's machines in one
 * distributeRevenueBatch, so that R distributions spread evenly over the days of history. Utilization is
 * reported (reportUtilizationBatch) for every other round of a pool. Each pool has three depositors, one
 * of them the same investor everywhere, who also claims revenue three times: the account whose history is
 * measured. Transactions are sent in bulk with automine off and mined a day at a time.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  createTestClient,
  createWalletClient,
  decodeFunctionResult,
  encodeFunctionData,
  http,
  keccak256,
  parseUnits,
  publicActions,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { foundry } from 'viem/chains';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../lib/contracts/abis';
import { writeManifest } from '../lib/deployments/manifest';
import { prng } from '../scripts/seed/economics';
import { creationBytecode } from '../scripts/seed/artifacts';
import { startAnvil } from '../scripts/stack/anvil';
import { preferredOrFreePort } from '../scripts/stack/ports';
import { startPostgres, type Postgres } from '../scripts/stack/postgres';
import { spawnIndexer, waitForIndexerAtHead, waitForIndexerReady } from '../scripts/stack/indexer';
import { run, stopAll } from '../scripts/stack/processes';

const DAY = 86_400;
const HISTORY_DAYS = 365;
const FIRST_REVENUE_DAY = 7;
const MAX_BLOCK_TXS = 500;
const RPC_BATCH = 500;
const UTILIZATION_PER_TX = 250;
const PROJECTS = 20;

const ACCOUNTS = { admin: 0, manager: 1, reporter: 2, treasury: 3, operators: [4, 5, 6, 7, 8, 9] } as const;
const WHALE = 10; // deposits into every pool: the account whose history is measured
const OTHER_INVESTORS = [11, 12, 13, 14, 15, 16, 17, 18, 19];

const usdc = (n: number) => parseUnits(n.toFixed(6), 6);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function options() {
  const { values } = parseArgs({
    options: {
      pools: { type: 'string' },
      assets: { type: 'string' },
      revenue: { type: 'string' },
      full: { type: 'boolean' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'block-time': { type: 'string' },
      keep: { type: 'boolean' },
      postgres: { type: 'boolean' },
    },
  });
  const num = (flag: string | undefined, env: string, fallback: number) => {
    const raw = flag ?? process.env[env];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${env}: "${raw}" is not a whole number`);
    return value;
  };
  const full = values.full ?? ['1', 'true'].includes(process.env.BENCH_FULL ?? '');
  const o = {
    pools: num(values.pools, 'BENCH_POOLS', 1_000),
    assets: num(values.assets, 'BENCH_ASSETS', 20_000),
    revenue: num(values.revenue, 'BENCH_REVENUE', full ? 1_000_000 : 100_000),
    duration: num(values.duration, 'BENCH_DURATION', 60),
    connections: num(values.connections, 'BENCH_CONNECTIONS', 50),
    // A new block every N seconds during the load test, as on a live chain: each one moves the indexer's
    // checkpoint and so invalidates every cached answer (0: no new blocks, a best case).
    blockTime: num(values['block-time'], 'BENCH_BLOCK_TIME', 2),
    keep: values.keep ?? false,
    postgres: values.postgres ?? ['1', 'true'].includes(process.env.BENCH_POSTGRES ?? ''),
    postgresPort: num(undefined, 'BENCH_POSTGRES_PORT', 54429),
    chainPort: num(undefined, 'BENCH_CHAIN_PORT', 8945),
    indexerPort: num(undefined, 'BENCH_INDEXER_PORT', 42369),
  };
  if (o.pools < 2) throw new Error('at least 2 pools');
  if (o.assets < o.pools) throw new Error('at least one machine group per pool: --assets must be ≥ --pools');
  return o;
}

// ─── JSON-RPC in bulk ──────────────────────────────────────────────────────────────────────────────────

type RpcCall = { method: string; params: unknown[] };

function rpcClient(url: string) {
  const post = async (calls: RpcCall[]) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
    });
    if (!res.ok) throw new Error(`RPC ${res.status}: ${await res.text()}`);
    const replies = (await res.json()) as { id: number; result?: unknown; error?: { message: string } }[];
    const byId = new Map(replies.map((r) => [r.id, r]));
    return calls.map((c, id) => {
      const reply = byId.get(id);
      if (!reply || reply.error) throw new Error(`${c.method}: ${reply?.error?.message ?? 'no reply'}`);
      return reply.result;
    });
  };
  return {
    async batch(calls: RpcCall[]): Promise<unknown[]> {
      const out: unknown[] = [];
      for (let i = 0; i < calls.length; i += RPC_BATCH) out.push(...(await post(calls.slice(i, i + RPC_BATCH))));
      return out;
    },
    async call<T>(method: string, params: unknown[] = []): Promise<T> {
      return (await post([{ method, params }]))[0] as T;
    },
  };
}

type Tx = { from: Address; to: Address; data: Hex; gas: bigint; label: string };
type Receipt = { status: Hex; transactionHash: Hex };

/**
 * Queues transactions and mines them with automine off: all of a call to mine() land in blocks (of at
 * most MAX_BLOCK_TXS) stamped with the given time. Nonces are assigned here, so a sender's transactions
 * run in the order they were queued; transactions of different senders that depend on each other must be
 * in different mine() calls. Every receipt is checked.
 */
function miner(rpc: ReturnType<typeof rpcClient>, nonces: Map<Address, number>) {
  let queue: Tx[] = [];
  const stats = { txs: 0, blocks: 0 };
  return {
    stats,
    send(from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[], gas: bigint) {
      const data = encodeFunctionData({ abi, functionName, args } as never);
      queue.push({ from, to, data, gas, label: functionName });
    },
    async mine(timestamp?: number) {
      const txs = queue;
      queue = [];
      let first = true;
      for (let i = 0; i < txs.length || (first && txs.length === 0); i += MAX_BLOCK_TXS) {
        const chunk = txs.slice(i, i + MAX_BLOCK_TXS);
        const hashes = (await rpc.batch(
          chunk.map((tx) => {
            const nonce = nonces.get(tx.from)!;
            nonces.set(tx.from, nonce + 1);
            const { from, to, data, gas } = tx;
            return {
              method: 'eth_sendTransaction',
              params: [{ from, to, data, gas: `0x${gas.toString(16)}`, nonce: `0x${nonce.toString(16)}` }],
            };
          }),
        )) as Hex[];
        if (first && timestamp !== undefined) {
          const latest = await rpc.call<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false]);
          if (timestamp > Number(latest.timestamp)) await rpc.call('evm_setNextBlockTimestamp', [timestamp]);
        }
        first = false;
        await rpc.call('evm_mine');
        stats.blocks++;
        const receipts = await rpc.call<Receipt[]>('eth_getBlockReceipts', ['latest']);
        if (receipts.length !== chunk.length) {
          throw new Error(`mined ${receipts.length} of ${chunk.length} transactions in one block`);
        }
        const labels = new Map(hashes.map((h, j) => [h, chunk[j]!.label]));
        const failed = receipts.filter((r) => r.status !== '0x1');
        if (failed.length > 0) {
          const names = failed.slice(0, 5).map((r) => `${labels.get(r.transactionHash)} ${r.transactionHash}`);
          throw new Error(`${failed.length} transactions reverted: ${names.join(', ')}`);
        }
        stats.txs += chunk.length;
      }
    },
  };
}

// ─── The world ─────────────────────────────────────────────────────────────────────────────────────────

type World = {
  pools: Address[];
  whale: Address;
  txs: number;
  blocks: number;
  counts: Record<string, number>;
  /** Milliseconds: protocol, pools, machines, deposits and financing; then the days of revenue. */
  setupMs: number;
  historyMs: number;
};

async function generate(rpcUrl: string, o: ReturnType<typeof options>, deploymentsDir: string): Promise<World> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl);
  const client = createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions);
  const accounts = await createWalletClient({ chain, transport }).getAddresses();
  if (accounts.length < 20) throw new Error(`needs anvil with 20 accounts, got ${accounts.length}`);
  const addr = (i: number) => accounts[i]!;
  const rpc = rpcClient(rpcUrl);
  const started = performance.now();
  const genesis = Number((await client.getBlock()).timestamp);
  const at = (day: number) => genesis + day * DAY;

  // ── Protocol, as the seed deploys it (automine on) ──
  const wallet = createWalletClient({ chain, account: addr(ACCOUNTS.admin), transport });
  const mined = async (hash: Hex) => {
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 10 });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const deploy = async (contract: string, abi: Abi, args: readonly unknown[]) => {
    const receipt = await mined(
      await wallet.deployContract({ abi, bytecode: creationBytecode(contract), args } as never),
    );
    return { address: receipt.contractAddress!, deployedOnBlock: Number(receipt.blockNumber) };
  };
  const token = await deploy('MockUSDC', mockUsdcAbi, []);
  const registry = await deploy('HardwareAssetRegistry', hardwareAssetRegistryAbi, [addr(ACCOUNTS.admin)]);
  const factory = await deploy('PoolFactory', poolFactoryAbi, [
    token.address,
    registry.address,
    addr(ACCOUNTS.admin),
    addr(ACCOUNTS.treasury),
    1_000,
    7 * DAY,
    // The admin is an account here, not a timelock: the bench measures indexing, not governance.
    {
      admin: addr(ACCOUNTS.admin),
      manager: addr(ACCOUNTS.manager),
      reporter: addr(ACCOUNTS.reporter),
      guardian: addr(ACCOUNTS.admin),
      compliance: addr(ACCOUNTS.admin),
    },
    keccak256(creationBytecode('FinancingPool')),
  ]);
  for (const [role, to] of [
    ['REGISTRAR_ROLE', ACCOUNTS.manager],
    ['REPORTER_ROLE', ACCOUNTS.reporter],
  ] as const) {
    const id = await client.readContract({
      address: registry.address,
      abi: hardwareAssetRegistryAbi,
      functionName: role,
    });
    await mined(
      await wallet.writeContract({
        address: registry.address,
        abi: hardwareAssetRegistryAbi,
        functionName: 'grantRole',
        args: [id, addr(to)],
      }),
    );
  }
  const setupTxs = 5;

  // ── Bulk mode ──
  await rpc.call('evm_setAutomine', [false]);
  const nonces = new Map<Address, number>();
  const counts = (await rpc.batch(
    accounts.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'pending'] })),
  )) as Hex[];
  accounts.forEach((a, i) => nonces.set(a, Number(counts[i])));
  const m = miner(rpc, nonces);
  const events: Record<string, number> = {};
  const count = (name: string, n = 1) => (events[name] = (events[name] ?? 0) + n);
  const random = prng(20_240_601);

  // Machine groups per pool: pool 0 has 5× the average, the rest share what is left round robin.
  const busyAssets = Math.min(Math.max(1, Math.round((5 * o.assets) / o.pools)), o.assets - (o.pools - 1));
  const assetPool: number[] = [];
  for (let i = 0; i < o.assets; i++) assetPool.push(i < busyAssets ? 0 : 1 + ((i - busyAssets) % (o.pools - 1)));
  const assetsOf: number[][] = Array.from({ length: o.pools }, () => []);
  assetPool.forEach((p, i) => assetsOf[p]!.push(i + 1)); // asset ids start at 1
  const units = assetPool.map(() => 8 + Math.floor(random() * 57));
  const principal = units.map((u) => usdc(u * 2_000)); // deployed per machine group

  // Depositors of each pool: the whale 40 %, two others 30 % each, of 125 % of what will be deployed.
  const deposits: [number, number, bigint][] = []; // [account, pool, amount]
  const minted = new Map<number, bigint>();
  for (let p = 0; p < o.pools; p++) {
    const need = (assetsOf[p]!.reduce((s, id) => s + principal[id - 1]!, 0n) * 125n) / 100n;
    const a = OTHER_INVESTORS[p % 9]!;
    const b = OTHER_INVESTORS[(p + 4) % 9]!;
    for (const [who, share] of [
      [WHALE, 40n],
      [a, 30n],
      [b, 30n],
    ] as const) {
      const amount = (need * share) / 100n;
      deposits.push([who, p, amount]);
      minted.set(who, (minted.get(who) ?? 0n) + amount);
    }
  }

  // Day 0: money, projects, pools.
  for (const [who, amount] of minted) {
    m.send(addr(ACCOUNTS.admin), token.address, mockUsdcAbi, 'mint', [addr(who), amount], 100_000n);
  }
  m.send(addr(ACCOUNTS.admin), token.address, mockUsdcAbi, 'mint', [addr(ACCOUNTS.reporter), usdc(1e12)], 100_000n);
  const zeroHash = `0x${'00'.repeat(32)}` as Hex;
  for (let j = 0; j < PROJECTS; j++) {
    m.send(
      addr(ACCOUNTS.admin),
      factory.address,
      poolFactoryAbi,
      'registerProject',
      [addr(ACCOUNTS.operators[j % ACCOUNTS.operators.length]!), j % 2, `Bench Operator ${j + 1}`, '', zeroHash],
      400_000n,
    );
  }
  count('PoolFactory:ProjectRegistered', PROJECTS);
  for (let p = 0; p < o.pools; p++) {
    m.send(
      addr(ACCOUNTS.admin),
      factory.address,
      poolFactoryAbi,
      'createPool',
      [
        {
          projectId: BigInt(1 + (p % PROJECTS)),
          name: p === 0 ? 'Bench Busy Pool' : `Bench Pool ${p}`,
          symbol: `myB${p}`,
          depositCap: usdc(1e12),
          minDeposit: usdc(1),
          permissioned: false,
          metadataURI: '',
          metadataHash: zeroHash,
        },
        creationBytecode('FinancingPool'),
      ],
      12_000_000n,
    );
  }
  count('PoolFactory:PoolCreated', o.pools);
  await m.mine(at(0));
  const poolReads = (await rpc.batch(
    Array.from({ length: o.pools }, (_, p) => ({
      method: 'eth_call',
      params: [
        {
          to: factory.address,
          data: encodeFunctionData({ abi: poolFactoryAbi, functionName: 'pools', args: [BigInt(p)] }),
        },
        'latest',
      ],
    })),
  )) as Hex[];
  const pools = poolReads.map(
    (data) => decodeFunctionResult({ abi: poolFactoryAbi, functionName: 'pools', data }) as Address,
  );

  // Still day 0: allowances and the machines.
  for (const pool of pools) {
    m.send(addr(ACCOUNTS.reporter), token.address, mockUsdcAbi, 'approve', [pool, 2n ** 255n], 100_000n);
  }
  for (const [who, p, amount] of deposits) {
    m.send(addr(who), token.address, mockUsdcAbi, 'approve', [pools[p]!, amount], 100_000n);
  }
  for (let i = 0; i < o.assets; i++) {
    const p = assetPool[i]!;
    const compute = (p % PROJECTS) % 2 === 0;
    m.send(
      addr(ACCOUNTS.manager),
      registry.address,
      hardwareAssetRegistryAbi,
      'registerAsset',
      [
        pools[p]!,
        addr(ACCOUNTS.operators[(p % PROJECTS) % ACCOUNTS.operators.length]!),
        compute ? 0 : 1,
        compute ? 'H100 SXM' : 'AMR-200',
        units[i]!,
        ['Ashburn', 'Austin', 'Osaka', 'Rotterdam', 'Oslo'][i % 5]!,
        '',
      ],
      500_000n,
    );
  }
  count('HardwareAssetRegistry:AssetRegistered', o.assets);
  await m.mine();
  for (let i = 0; i < o.assets; i++) {
    m.send(
      addr(ACCOUNTS.admin),
      pools[assetPool[i]!]!,
      financingPoolAbi,
      'setAssetLimit',
      [BigInt(i + 1), principal[i]!],
      200_000n,
    );
  }
  count('FinancingPool:AssetLimitUpdated', o.assets);
  await m.mine();

  // Day 1: deposits. Day 2: every machine group financed.
  for (const [who, p, amount] of deposits) {
    m.send(addr(who), pools[p]!, financingPoolAbi, 'deposit', [amount, addr(who)], 400_000n);
  }
  count('FinancingPool:Deposit', deposits.length);
  count('FinancingPool:Transfer', deposits.length);
  await m.mine(at(1));
  for (let i = 0; i < o.assets; i++) {
    m.send(
      addr(ACCOUNTS.manager),
      pools[assetPool[i]!]!,
      financingPoolAbi,
      'deployCapital',
      [BigInt(i + 1), principal[i]!],
      400_000n,
    );
  }
  count('FinancingPool:CapitalDeployed', o.assets);
  count('FinancingPool:PoolStatusChanged', o.pools);
  await m.mine(at(2));

  const setupMs = performance.now() - started;

  // ── History: R distributions spread over the days, a day per mine() ──
  const lastDay = HISTORY_DAYS - 1;
  const revenueDays = lastDay - FIRST_REVENUE_DAY + 1;
  const claimDays = new Map<number, number[]>([
    [Math.round(HISTORY_DAYS / 3), [WHALE]],
    [Math.round((2 * HISTORY_DAYS) / 3), [WHALE]],
    [lastDay - 1, [WHALE, ...OTHER_INVESTORS]],
  ]);
  const lastRound = new Map<number, number>(); // pool → day of its last distribution
  const lastClaim = new Map<string, number>(); // `${account}-${pool}` → day of its last claim
  const rounds = new Map<number, number>(); // pool → its rounds of distributions so far
  let distributed = 0;
  let rotation = 1;
  for (let day = FIRST_REVENUE_DAY; day <= lastDay; day++) {
    const target = Math.round((o.revenue * (day - FIRST_REVENUE_DAY + 1)) / revenueDays);
    const reports: { assetId: bigint; periodStart: bigint; periodEnd: bigint; utilizationBps: number }[] = [];
    const distribute = (p: number, take: number) => {
      const periodStart = BigInt(at(lastRound.get(p) ?? 2));
      const periodEnd = BigInt(at(day) - 60);
      const days = day - (lastRound.get(p) ?? 2);
      const batch = assetsOf[p]!.slice(0, take).map((id) => ({
        assetId: BigInt(id),
        amount: usdc(units[id - 1]! * days * (2 + random() * 2)), // 2 to 4 USDC a unit a day: ~50 % a year
        periodStart,
        periodEnd,
      }));
      m.send(
        addr(ACCOUNTS.reporter),
        pools[p]!,
        financingPoolAbi,
        'distributeRevenueBatch',
        [batch],
        200_000n + 80_000n * BigInt(batch.length),
      );
      const round = rounds.get(p) ?? 0;
      if (round % 2 === 0) {
        for (const { assetId } of batch) {
          reports.push({ assetId, periodStart, periodEnd, utilizationBps: 5_000 + Math.floor(random() * 4_900) });
        }
      }
      rounds.set(p, round + 1);
      lastRound.set(p, day);
      distributed += batch.length;
    };
    // Claims first, where revenue was distributed on an earlier day (and so has been partly released).
    for (const who of claimDays.get(day) ?? []) {
      for (const [investor, p] of deposits) {
        // Something to claim for sure: a distribution before today and after the last claim.
        const distributedOn = lastRound.get(p) ?? day;
        if (investor !== who || distributedOn >= day || distributedOn <= (lastClaim.get(`${who}-${p}`) ?? -1)) continue;
        lastClaim.set(`${who}-${p}`, day);
        m.send(addr(who), pools[p]!, financingPoolAbi, 'claim', [addr(who)], 300_000n);
        count('FinancingPool:RevenueClaimed');
      }
    }
    // The busy pool takes at most half of the day's distributions; the rotation the rest.
    const busyTake = Math.min(assetsOf[0]!.length, Math.ceil((target - distributed) / 2));
    if (busyTake > 0) distribute(0, busyTake);
    let visited = 0;
    while (distributed < target && visited < o.pools - 1) {
      distribute(rotation, Math.min(assetsOf[rotation]!.length, target - distributed));
      rotation = rotation === o.pools - 1 ? 1 : rotation + 1;
      visited++;
    }
    for (let i = 0; i < reports.length; i += UTILIZATION_PER_TX) {
      const batch = reports.slice(i, i + UTILIZATION_PER_TX);
      m.send(
        addr(ACCOUNTS.reporter),
        registry.address,
        hardwareAssetRegistryAbi,
        'reportUtilizationBatch',
        [batch],
        100_000n + 30_000n * BigInt(batch.length),
      );
    }
    count('HardwareAssetRegistry:UtilizationReported', reports.length);
    await m.mine(at(day));
  }
  count('FinancingPool:RevenueDistributed', distributed);

  // History is done: the clock comes to the present, as in the seed.
  await rpc.call('evm_setAutomine', [true]);
  const now = Math.floor(Date.now() / 1000);
  if (now > at(lastDay)) await rpc.call('evm_setNextBlockTimestamp', [now]);
  await rpc.call('evm_mine');

  writeManifest(
    {
      chainId: 31337,
      startBlock: token.deployedOnBlock,
      contracts: {
        MockUSDC: token,
        HardwareAssetRegistry: registry,
        PoolFactory: factory,
        FinancingPools: [],
      },
    },
    deploymentsDir,
  );
  return {
    pools,
    whale: addr(WHALE),
    txs: m.stats.txs + setupTxs,
    blocks: Number(await client.getBlockNumber()),
    counts: events,
    setupMs,
    historyMs: performance.now() - started - setupMs,
  };
}

// ─── Backfill ──────────────────────────────────────────────────────────────────────────────────────────

/** Sums of one Prometheus series from Ponder's /metrics, by the value of one label. */
function metric(text: string, name: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  const line = new RegExp(`^${name}\\{([^}]*)\\} ([0-9.e+-]+)$`);
  for (const row of text.split('\n')) {
    const match = line.exec(row);
    const key = match && new RegExp(`${label}="([^"]+)"`).exec(match[1]!)?.[1];
    if (key) out[key] = (out[key] ?? 0) + Number(match[2]);
  }
  return out;
}

// ─── API latency ───────────────────────────────────────────────────────────────────────────────────────

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string, connections: number, duration: number) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, timeout: 30 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / duration,
    requests: times.length,
    failures: [
      result.non2xx > 0 ? `${result.non2xx} non-2xx` : '',
      result.timeouts > 0 ? `${result.timeouts} timed out (30 s)` : '',
      result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} errors` : '',
    ]
      .filter(Boolean)
      .join(', '),
  };
}

/**
 * Latency of one request at a time: what a request costs with no queue in front of it. Each URL is made
 * unique (an ignored parameter), so none is answered from the API's cache: this is the query's own cost.
 */
async function unloaded(url: string, n = 20) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}uncached=${Date.now()}-${i}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Fails early if something already listens on the port (a leftover anvil would be used in its place). */
async function assertPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(new Error(`port ${port} is in use: stop what listens there, or set another port`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

// ─── Main ──────────────────────────────────────────────────────────────────────────────────────────────

// Module-level so that Ctrl-C stops the throwaway cluster too.
let postgres: Postgres | undefined;

async function main() {
  const o = options();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'my-indexer-bench-'));
  const deploymentsDir = path.join(work, 'deployments');
  try {
    await run(path.join(process.cwd(), 'node_modules', '.bin', 'forge'), ['build', '--quiet', '--skip', 'test'], {
      cwd: path.join(process.cwd(), 'contracts'),
    });
    console.log(
      `World: ${fmt(o.pools)} pools, ${fmt(o.assets)} machine groups, ${fmt(o.revenue)} revenue distributions over ${HISTORY_DAYS} days`,
    );

    await assertPortFree(o.chainPort);
    await assertPortFree(o.indexerPort);

    // 1. Generate.
    const genesis = Math.floor(Date.now() / 1000) - HISTORY_DAYS * DAY;
    // Without --prune-history anvil keeps a copy of the state per block: gigabytes at this size. Nothing
    // here reads past state (the indexer reads logs and blocks only).
    const anvil = await startAnvil(o.chainPort, {
      quiet: true,
      genesisTimestamp: genesis,
      extraArgs: ['--disable-block-gas-limit', '--prune-history'],
    });
    const generationStarted = performance.now();
    const world = await generate(anvil.rpcUrl, o, deploymentsDir);
    const generationMs = performance.now() - generationStarted;
    const expected = Object.values(world.counts).reduce((s, n) => s + n, 0);
    console.log(
      `\n1. Generation: ${seconds(generationMs)} (pools, machines, deposits, financing ${seconds(world.setupMs)}; ` +
        `${HISTORY_DAYS - FIRST_REVENUE_DAY} days of revenue ${seconds(world.historyMs)}), ` +
        `${fmt(world.txs)} transactions in ${fmt(world.blocks)} blocks, ${fmt(expected)} events to index`,
    );
    for (const [name, n] of Object.entries(world.counts)) console.log(`   ${name.padEnd(44)} ${fmt(n).padStart(10)}`);

    // 2. Backfill.
    let databaseUrl = process.env.DATABASE_URL || undefined;
    if (!databaseUrl && o.postgres) {
      postgres = await startPostgres(await preferredOrFreePort(o.postgresPort));
      databaseUrl = await postgres.createDatabase('bench');
    }
    const schema = `bench_${Date.now()}`;
    const url = `http://127.0.0.1:${o.indexerPort}`;
    const indexingStarted = performance.now();
    const indexer = spawnIndexer({
      port: o.indexerPort,
      rpcUrl: anvil.rpcUrl,
      deploymentsDir,
      pgliteDir: path.join(work, 'pglite'),
      command: 'start',
      schema: databaseUrl ? schema : 'public',
      databaseUrl,
      logLevel: (process.env.BENCH_LOG_LEVEL as 'info' | undefined) ?? 'warn',
    });
    const budget = Math.max(600_000, (expected / 500) * 1000); // generous: fails only if indexing stalls
    await waitForIndexerReady(url, indexer, budget);
    const readyMs = performance.now() - indexingStarted;
    await waitForIndexerAtHead(url, anvil.rpcUrl, indexer, budget);
    const backfillMs = performance.now() - indexingStarted;
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const indexed = metric(metrics, 'ponder_indexing_completed_events', 'event');
    const rpcCount = metric(metrics, 'ponder_rpc_request_duration_count', 'method');
    const rpcMs = metric(metrics, 'ponder_rpc_request_duration_sum', 'method');
    const handlerMs = Object.values(metric(metrics, 'ponder_indexing_function_duration_sum', 'event')).reduce(
      (s, n) => s + n,
      0,
    );
    const total = Object.values(indexed).reduce((s, n) => s + n, 0);
    const revenue = indexed['FinancingPool:RevenueDistributed'] ?? 0;
    console.log(
      `\n2. Backfill (ponder start, ${databaseUrl ? `Postgres, schema ${schema}` : 'PGlite'}): ${seconds(backfillMs)} to the head ` +
        `(${seconds(readyMs)} to /ready), ${fmt(total)} events, ${fmt(total / (backfillMs / 1000))} events/s; ` +
        `${fmt(revenue)} revenue distributions`,
    );
    console.log(
      `   handlers ${seconds(handlerMs)} in all; RPC requests: ` +
        Object.entries(rpcCount)
          .map(([method, n]) => `${method} ${fmt(n)} (${seconds(rpcMs[method] ?? 0)})`)
          .join(', '),
    );
    if (total !== expected || revenue !== world.counts['FinancingPool:RevenueDistributed']) {
      console.log(`   indexed events differ from those generated (${fmt(expected)}):`, indexed);
      process.exitCode = 1;
    }

    // 3. API latency.
    if (o.duration > 0) {
      const busy = world.pools[0]!.toLowerCase();
      const endpoints: [string, string][] = [
        ['/api/status (one trivial query)', '/api/status'],
        ['/api/pools?sort=yield&limit=50', '/api/pools?sort=yield&limit=50'],
        ['/api/pools/<busy>/series revenue 180 d', `/api/pools/${busy}/series?metric=revenue&interval=day&days=180`],
        ['/api/accounts/<investor>/history', `/api/accounts/${world.whale.toLowerCase()}/history?limit=100`],
        ['/api/protocol', '/api/protocol'],
      ];
      console.log(
        `\n3. API under load: ${o.connections} connections for ${o.duration} s per endpoint (autocannon), ` +
          (o.blockTime > 0 ? `a new block every ${o.blockTime} s; ` : 'no new blocks (answers stay cached); ') +
          `alone = one request at a time, uncached (p50 of 20)\n`,
      );
      const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`).padStart(10);
      console.log(
        `${'endpoint'.padEnd(40)} ${'alone'.padStart(10)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)} ${'req/s'.padStart(7)}`,
      );
      let worstP95 = 0;
      for (const [label, endpoint] of endpoints) {
        const res = await fetch(url + endpoint);
        if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        const alone = await unloaded(url + endpoint);
        const mining =
          o.blockTime > 0
            ? setInterval(
                () =>
                  void fetch(anvil.rpcUrl, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }),
                  }).catch(() => undefined), // a block missed at the very end changes nothing
                o.blockTime * 1000,
              )
            : undefined;
        const r = await load(url + endpoint, o.connections, o.duration).finally(() => clearInterval(mining));
        if (endpoint !== '/api/status') worstP95 = Math.max(worstP95, Number.isNaN(r.p95) ? Infinity : r.p95);
        console.log(
          `${label.padEnd(40)} ${ms(alone.p50)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${r.rps.toFixed(0).padStart(7)}` +
            (r.failures ? `  ${r.failures}` : '') +
            (r.requests === 0 ? '  no answer within the run' : ''),
        );
        if (r.failures || r.requests === 0) process.exitCode = 1;
      }
      console.log(`\nTargets: API p95 ≤ 50 ms: ${worstP95 <= 50 ? 'met' : `missed (worst ${ms(worstP95).trim()})`}`);
    }
    console.log(
      `Targets: backfill ≤ 60 s: ${backfillMs <= 60_000 ? 'met' : 'missed'} (${seconds(backfillMs)} for ${fmt(revenue)} revenue distributions, ${fmt(total)} events)`,
    );
  } finally {
    await stopAll();
    postgres?.stop();
    if (o.keep) console.log(`\nKept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => {
      postgres?.stop();
      process.exit(130);
    });
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
