/**
 * Capital in the seeded history: investors' deposits, and each machine group's life. Capital deployed when it
 * goes live, principal repaid every 30 days, a loss marked, written off and partly recovered, or a spell of
 * maintenance.
 */
import { parseUnits } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import { usdcUnits } from '../economics';
import { ASSETS, type AssetSpec } from '../machines';
import { depositInPool } from '../market';
import { LAST_DAY } from '../timeline';
import { ACCOUNTS, DEPOSITS, POOLS } from '../world';
import type { History } from './context';

export const STATUS = { Pending: 0, Active: 1, Maintenance: 2, Retired: 3, Impaired: 4 } as const;

/** A share (0.025 for 2.5 %) of an amount, in basis points as the seed's figures round it. */
export const shareOf = (amount: bigint, share: number) => (amount * BigInt(Math.round(share * 10_000))) / 10_000n;

export function addDeposits({ chain, protocol, market, timeline, fillQueue }: History) {
  for (const [investor, key, amount, day] of DEPOSITS) {
    const pool = market.pools.get(key)!;
    timeline.add(day, 1, 'deposit', async () => {
      await depositInPool(chain, investor, protocol.usdc.address, pool, parseUnits(String(amount), 6));
      await fillQueue(pool);
    });
  }
}

export function addMachineLives(history: History) {
  const deployed = new Map<AssetSpec, bigint>();
  for (const asset of ASSETS) {
    if (asset.liveDay > LAST_DAY) continue;
    addGoLive(history, asset, deployed);
    addRepayments(history, asset, deployed);
    if (asset.event?.kind === 'impaired') addImpairment(history, asset);
    if (asset.event?.kind === 'maintenance') addMaintenance(history, asset);
  }
}

function setStatus({ chain, protocol }: History, id: bigint, status: number) {
  return chain.send(ACCOUNTS.registrar, {
    address: protocol.registry.address,
    abi: hardwareAssetRegistryAbi,
    functionName: 'setStatus',
    args: [id, status],
  });
}

function onPool(history: History, asset: AssetSpec) {
  return { address: history.market.pools.get(asset.pool)!, abi: financingPoolAbi } as const;
}

/** The machines go live: capital deployed from idle cash above the pool's reserve, if enough was raised. */
function addGoLive(history: History, asset: AssetSpec, deployed: Map<AssetSpec, bigint>) {
  const { chain, market, timeline, machines } = history;
  const spec = POOLS.find((p) => p.key === asset.pool)!;
  const pool = onPool(history, asset);
  const id = market.assetIds.get(asset)!;
  timeline.add(asset.liveDay, 2, 'deploy capital', async () => {
    const idle = await chain.client.readContract({ ...pool, functionName: 'idle' });
    const total = await chain.client.readContract({ ...pool, functionName: 'totalAssets' });
    const reserve = shareOf(total, spec.idleReserve);
    const cost = usdcUnits(asset.units * asset.unitCostUsdc);
    const amount = idle > reserve ? (idle - reserve < cost ? idle - reserve : cost) : 0n;
    if (amount < cost / 10n) return; // not enough raised: the machines wait
    await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'deployCapital', args: [id, amount] });
    await setStatus(history, id, STATUS.Active);
    deployed.set(asset, amount);
    machines.set(asset, 'live');
  });
}

/** Principal amortises every 30 days while the machines run. */
function addRepayments(history: History, asset: AssetSpec, deployed: Map<AssetSpec, bigint>) {
  const { chain, market, timeline, machines, fillQueue } = history;
  const pool = onPool(history, asset);
  const id = market.assetIds.get(asset)!;
  for (let day = asset.liveDay + 30; day <= LAST_DAY; day += 30) {
    timeline.add(day, 3, 'repayment', async () => {
      if (machines.get(asset) !== 'live') return;
      const outstanding = await chain.client.readContract({ ...pool, functionName: 'outstandingOf', args: [id] });
      const due = shareOf(deployed.get(asset)!, asset.monthlyRepayment);
      const amount = due < outstanding ? due : outstanding;
      if (amount > 0n) {
        await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordRepayment', args: [id, amount] });
      }
      await fillQueue(pool.address);
    });
  }
}

/**
 * The loss is marked first (a provision every exit prices in at once), written off later, and part of it comes
 * back when the machines are sold. Later steps that fall after today have not happened yet.
 */
function addImpairment(history: History, asset: AssetSpec) {
  if (asset.event?.kind !== 'impaired') return;
  const { day, writeDownShare, writeDownAfterDays, recoveryShare, recoveryAfterDays } = asset.event;
  const { chain, market, timeline, machines, fillQueue } = history;
  const pool = onPool(history, asset);
  const id = market.assetIds.get(asset)!;
  let loss = 0n;
  timeline.add(day, 4, 'impairment', async () => {
    await setStatus(history, id, STATUS.Impaired);
    const outstanding = await chain.client.readContract({ ...pool, functionName: 'outstandingOf', args: [id] });
    loss = shareOf(outstanding, writeDownShare);
    await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'markImpairment', args: [id, loss] });
    machines.set(asset, 'impaired');
  });
  if (day + writeDownAfterDays <= LAST_DAY) {
    timeline.add(day + writeDownAfterDays, 4, 'write-down', () =>
      chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordWriteDown', args: [id, loss] }),
    );
  }
  if (recoveryShare > 0 && day + recoveryAfterDays <= LAST_DAY) {
    timeline.add(day + recoveryAfterDays, 4, 'recovery', async () => {
      const recovered = shareOf(loss, recoveryShare);
      await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordRecovery', args: [id, recovered] });
      await fillQueue(pool.address);
    });
  }
}

function addMaintenance(history: History, asset: AssetSpec) {
  if (asset.event?.kind !== 'maintenance') return;
  const { day, days } = asset.event;
  const id = history.market.assetIds.get(asset)!;
  history.timeline.add(day, 4, 'maintenance', () => setStatus(history, id, STATUS.Maintenance));
  history.timeline.add(day + days, 4, 'back in service', () => setStatus(history, id, STATUS.Active));
}
