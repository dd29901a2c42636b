/**
 * Generates the bench's world on a throwaway anvil: the protocol, the market up to day 2 (world-setup.ts), then
 * the revenue history (revenue-history.ts), all as planned by world-plan.ts. Writes the manifest the indexer reads.
 */
import { createWalletClient, type Address } from 'viem';
import { writeManifest } from '../../lib/deployments/manifest';
import { prng } from '../../scripts/seed/economics';
import { bulkClient, bulkMiner } from './bulk-miner';
import type { BenchOptions } from './options';
import { HISTORY_DAYS, playRevenueHistory } from './revenue-history';
import { ACCOUNTS, planWorld, WHALE } from './world-plan';
import { createPools, deployProtocol, financeMachines } from './world-setup';

const DAY = 86_400;

export type World = {
  pools: Address[];
  whale: Address;
  txs: number;
  blocks: number;
  counts: Record<string, number>;
  /** Milliseconds: protocol, pools, machines, deposits and financing; then the days of revenue. */
  setupMs: number;
  historyMs: number;
};

export async function generate(rpcUrl: string, o: BenchOptions, deploymentsDir: string): Promise<World> {
  const bulk = bulkClient(rpcUrl);
  const { chain, transport, client } = bulk;
  const accounts = await createWalletClient({ chain, transport }).getAddresses();
  if (accounts.length < 20) throw new Error(`needs anvil with 20 accounts, got ${accounts.length}`);
  const addr = (i: number) => accounts[i]!;
  const started = performance.now();
  const genesis = Number((await client.getBlock()).timestamp);
  const at = (day: number) => genesis + day * DAY;

  const wallet = createWalletClient({ chain, account: addr(ACCOUNTS.admin), transport });
  const protocol = await deployProtocol(client, wallet, addr);

  // Bulk mode: nonces kept here, blocks mined a day at a time.
  await client.setAutomine(false);
  const counts = await Promise.all(
    accounts.map((address) => client.getTransactionCount({ address, blockTag: 'pending' })),
  );
  const miner = bulkMiner(bulk, new Map(accounts.map((a, i) => [a, counts[i]!])));
  const events: Record<string, number> = {};
  const count = (name: string, n = 1) => (events[name] = (events[name] ?? 0) + n);
  const random = prng(20_240_601);
  const plan = planWorld(o, random);
  const setup = { client, miner, protocol, plan, addr, at, count };
  const pools = await createPools(setup, o.pools);
  await financeMachines(setup, pools);
  const setupMs = performance.now() - started;

  await playRevenueHistory({
    miner,
    plan,
    pools,
    registry: protocol.registry.address,
    revenue: o.revenue,
    random,
    addr,
    at,
    count,
  });

  // History is done: the clock comes to the present, as in the seed.
  await client.setAutomine(true);
  const now = Math.floor(Date.now() / 1000);
  if (now > at(HISTORY_DAYS - 1)) await client.setNextBlockTimestamp({ timestamp: BigInt(now) });
  await client.mine({ blocks: 1 });

  writeManifest(
    {
      chainId: 31337,
      startBlock: protocol.token.deployedOnBlock,
      contracts: {
        USDC: protocol.token,
        HardwareAssetRegistry: protocol.registry,
        PoolFactory: protocol.factory,
        FinancingPools: [],
      },
    },
    deploymentsDir,
  );
  return {
    pools,
    whale: addr(WHALE),
    txs: miner.stats.txs + protocol.transactions,
    blocks: Number(await client.getBlockNumber()),
    counts: events,
    setupMs,
    historyMs: performance.now() - started - setupMs,
  };
}
