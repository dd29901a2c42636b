/**
 * Deploys the protocol to a fresh anvil and plays the seeded world (world.ts, machines.ts) as real transactions,
 * moving anvil's clock forward so that the history spans SEED_HISTORY_DAYS and ends today. The steps, in order:
 * the protocol (protocol.ts), the market on it (market.ts), then the history (history/), played by date.
 */
import { writeManifest } from '../../lib/deployments/manifest';
import { addDeposits, addMachineLives } from './history/capital';
import { createHistory } from './history/context';
import { addOsakaWindDown, addPendingFeeChange, addRedemptions, addShareTransfers } from './history/exits';
import { addMonthlyClaims, addWeeklyRevenue } from './history/revenue';
import { addTranchedHistory } from './history/tranched-pools';
import { ASSETS } from './machines';
import { marketManifest, openMarket } from './market';
import { deployProtocol } from './protocol';
import { connectSeedChain, DAY } from './seed-chain';
import { createTimeline } from './timeline';
import { openTranchedPools, TRANCHED_ASSETS, TRANCHED_POOLS } from './tranched-pools';
import { POOLS, PROJECTS, SEED_HISTORY_DAYS, TIMELOCK_DELAY_DAYS } from './world';

export function seedGenesisTimestamp(now = Date.now()): number {
  return Math.floor(now / 1000) - SEED_HISTORY_DAYS * DAY;
}

export async function deployAndSeed(opts: { rpcUrl: string; deploymentsDir?: string; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const chain = await connectSeedChain(opts.rpcUrl);
  const protocol = await deployProtocol(chain, log);
  const market = await openMarket(chain, protocol, log);
  const tranched = await openTranchedPools(chain, protocol, market.projectIds, BigInt(ASSETS.length + 1), log);

  // The order of these calls is the order of same-day actions of equal rank: the seed is deterministic.
  const timeline = createTimeline();
  const history = createHistory(chain, protocol, market, timeline);
  timeline.add(TIMELOCK_DELAY_DAYS + 0.01, 0, 'asset limits take effect', market.executeAssetLimits);
  timeline.add(TIMELOCK_DELAY_DAYS + 0.01, 0, 'tranched asset limits take effect', tranched.executeAssetLimits);
  addDeposits(history);
  addMachineLives(history);
  addWeeklyRevenue(history);
  addShareTransfers(history);
  addMonthlyClaims(history);
  addOsakaWindDown(history);
  addRedemptions(history);
  addPendingFeeChange(history);
  addTranchedHistory(history, tranched);
  await timeline.play(chain);

  // History is done: bring the chain's clock to the present so new blocks carry today's date.
  const now = BigInt(Math.floor(Date.now() / 1000));
  if ((await chain.client.getBlock()).timestamp < now) {
    await chain.client.setNextBlockTimestamp({ timestamp: now });
    await chain.client.mine({ blocks: 1 });
  }

  const manifest = marketManifest(chain.chainId, protocol, market, tranched);
  const file = writeManifest(manifest, opts.deploymentsDir);
  log(
    `${PROJECTS.length} projects, ${POOLS.length} pools and ${TRANCHED_POOLS.length} tranched, ${ASSETS.length + TRANCHED_ASSETS.length} machine groups, ${SEED_HISTORY_DAYS} days of history`,
  );
  log(`${chain.transactions()} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s; manifest ${file}`);
  return manifest;
}
