/**
 * The tranched pools' history (tranched-pools.ts): deposits into each tranche, the machines' lives (capital
 * deployed, monthly repayments, a power fault, a fire written off and partly recovered), weekly revenue split by the
 * waterfall, monthly claims, and exits, instant and queued.
 */
import { parseUnits, type Address } from 'viem';
import { hardwareAssetRegistryAbi, mockUsdcAbi, trancheVaultAbi, tranchedPoolAbi } from '../../../lib/contracts/abis';
import { netRevenue, prng, usdcUnits, weeklyUtilization } from '../economics';
import type { AssetSpec } from '../machines';
import { LAST_DAY } from '../timeline';
import {
  TRANCHED_ASSETS,
  TRANCHED_CLAIMERS,
  TRANCHED_DEPOSITS,
  TRANCHED_EXITS,
  TRANCHED_POOLS,
  type OpenedTranchedPool,
  type TranchedMarket,
} from '../tranched-pools';
import { ACCOUNTS } from '../world';
import { shareOf, STATUS } from './capital';
import type { History } from './context';

type MachineState = 'live' | 'impaired' | 'down';

export function addTranchedHistory(history: History, market: TranchedMarket) {
  const { chain, protocol, timeline } = history;
  const byKey = new Map(market.opened.map((o) => [o.spec.key, o]));
  const onPool = (key: string) => ({ address: byKey.get(key)!.pool, abi: tranchedPoolAbi }) as const;
  const vaultOf = (key: string, tranche: 'senior' | 'junior') =>
    ({ address: byKey.get(key)![tranche], abi: trancheVaultAbi }) as const;
  const machines = new Map<AssetSpec, MachineState>();
  const deployed = new Map<AssetSpec, bigint>();
  const idOf = (asset: AssetSpec) => market.assetIds.get(asset)!;
  const setStatus = (id: bigint, status: number) =>
    chain.send(ACCOUNTS.registrar, {
      address: protocol.registry.address,
      abi: hardwareAssetRegistryAbi,
      functionName: 'setStatus',
      args: [id, status],
    });
  /** The keeper fills each tranche's waiting exits from idle cash. */
  const fillQueues = async (opened: OpenedTranchedPool) => {
    for (const address of [opened.senior, opened.junior]) {
      const vault = { address, abi: trancheVaultAbi } as const;
      if ((await chain.client.readContract({ ...vault, functionName: 'pendingRedeemShares' })) === 0n) continue;
      await chain.send(ACCOUNTS.manager, { ...vault, functionName: 'fillRedemptions', args: [50n] });
    }
  };

  for (const [investor, key, tranche, amount, day] of TRANCHED_DEPOSITS) {
    timeline.add(day, 1, 'tranche deposit', async () => {
      const vault = vaultOf(key, tranche);
      const assets = parseUnits(String(amount), 6);
      await chain.send(investor, {
        address: protocol.usdc.address,
        abi: mockUsdcAbi,
        functionName: 'approve',
        args: [vault.address, assets],
      });
      await chain.send(investor, { ...vault, functionName: 'deposit', args: [assets, chain.addr(investor)] });
    });
  }

  for (const asset of TRANCHED_ASSETS) {
    const spec = TRANCHED_POOLS.find((p) => p.key === asset.pool)!;
    const pool = onPool(asset.pool);
    const id = idOf(asset);
    timeline.add(asset.liveDay, 2, 'deploy capital (tranched)', async () => {
      const deployable = await chain.client.readContract({ ...pool, functionName: 'deployableCapital' });
      const total = await chain.client.readContract({ ...pool, functionName: 'totalValue' });
      const reserve = shareOf(total, spec.idleReserve);
      const cost = usdcUnits(asset.units * asset.unitCostUsdc);
      const room = deployable > reserve ? deployable - reserve : 0n;
      const amount = room < cost ? room : cost;
      if (amount < cost / 10n) return;
      await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'deployCapital', args: [id, amount] });
      await setStatus(id, STATUS.Active);
      deployed.set(asset, amount);
      machines.set(asset, 'live');
    });
    for (let day = asset.liveDay + 30; day <= LAST_DAY; day += 30) {
      timeline.add(day, 3, 'repayment (tranched)', async () => {
        if (machines.get(asset) === 'impaired' || !deployed.has(asset)) return;
        const outstanding = await chain.client.readContract({ ...pool, functionName: 'outstandingOf', args: [id] });
        const due = shareOf(deployed.get(asset)!, asset.monthlyRepayment);
        const amount = due < outstanding ? due : outstanding;
        if (amount > 0n) {
          await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordRepayment', args: [id, amount] });
        }
        await fillQueues(byKey.get(asset.pool)!);
      });
    }
    const event = asset.event;
    if (event?.kind === 'maintenance') {
      timeline.add(event.day, 4, 'power fault', async () => {
        await setStatus(id, STATUS.Maintenance);
        machines.set(asset, 'down');
      });
      timeline.add(event.day + event.days, 4, 'back in service', async () => {
        await setStatus(id, STATUS.Active);
        machines.set(asset, 'live');
      });
    }
    if (event?.kind === 'impaired') {
      let loss = 0n;
      timeline.add(event.day, 4, 'impairment (tranched)', async () => {
        await setStatus(id, STATUS.Impaired);
        const outstanding = await chain.client.readContract({ ...pool, functionName: 'outstandingOf', args: [id] });
        loss = shareOf(outstanding, event.writeDownShare);
        await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'markImpairment', args: [id, loss] });
        machines.set(asset, 'impaired');
      });
      if (event.day + event.writeDownAfterDays <= LAST_DAY) {
        timeline.add(event.day + event.writeDownAfterDays, 4, 'write-down (tranched)', () =>
          chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordWriteDown', args: [id, loss] }),
        );
      }
      if (event.day + event.recoveryAfterDays <= LAST_DAY) {
        timeline.add(event.day + event.recoveryAfterDays, 4, 'recovery (tranched)', () =>
          chain.send(ACCOUNTS.manager, {
            ...pool,
            functionName: 'recordRecovery',
            args: [id, shareOf(loss, event.recoveryShare)],
          }),
        );
      }
    }
  }

  addWeeklyTranchedRevenue(history, market, machines, onPool);

  for (let day = 30; day <= LAST_DAY; day += 30) {
    timeline.add(day, 7, 'monthly claims (tranched)', async () => {
      for (const investor of TRANCHED_CLAIMERS) {
        for (const opened of market.opened) {
          for (const address of [opened.senior, opened.junior]) {
            const vault = { address, abi: trancheVaultAbi } as const;
            const account = chain.addr(investor);
            const owed = await chain.client.readContract({
              ...vault,
              functionName: 'claimableRevenue',
              args: [account],
            });
            if (owed > 0n) await chain.send(investor, { ...vault, functionName: 'claim', args: [account] });
          }
        }
      }
    });
  }

  for (const [investor, key, tranche, share, day, how] of TRANCHED_EXITS) {
    timeline.add(day, 6, `tranche exit (${how})`, async () => {
      const vault = vaultOf(key, tranche);
      const owner = chain.addr(investor);
      const balance = await chain.client.readContract({ ...vault, functionName: 'balanceOf', args: [owner] });
      const shares = shareOf(balance, share);
      if (how === 'instant') {
        await chain.send(investor, { ...vault, functionName: 'redeem', args: [shares, owner, owner] });
      } else {
        await chain.send(investor, { ...vault, functionName: 'requestRedeem', args: [shares, owner, owner] });
      }
    });
  }
}

/** Each week, each pool's live machines' net revenue for the week just ended, split by the pool's waterfall. */
function addWeeklyTranchedRevenue(
  { chain, protocol, timeline }: History,
  market: TranchedMarket,
  machines: Map<AssetSpec, MachineState>,
  onPool: (key: string) => { address: Address; abi: typeof tranchedPoolAbi },
) {
  const randoms = new Map(TRANCHED_ASSETS.map((a, i) => [a, prng(50_000 + i * 7_919)]));
  const firstLive = Math.min(...TRANCHED_ASSETS.map((a) => a.liveDay));
  for (let day = firstLive + 7; day <= LAST_DAY; day += 7) {
    const from = day - 7;
    timeline.add(day, 5, 'weekly revenue (tranched)', async () => {
      const reports = [];
      const byPool = new Map<string, { assetId: bigint; amount: bigint; periodStart: bigint; periodEnd: bigint }[]>();
      for (const asset of TRANCHED_ASSETS) {
        const state = machines.get(asset);
        if (state === undefined || state === 'impaired' || asset.liveDay >= day) continue;
        const serviceStart = Math.max(from, asset.liveDay);
        const event = asset.event;
        const down =
          event?.kind === 'maintenance'
            ? Math.max(0, Math.min(day, event.day + event.days) - Math.max(serviceStart, event.day))
            : 0;
        const days = day - serviceStart - down;
        const week = Math.floor((day - asset.liveDay) / 7);
        const utilization = weeklyUtilization(asset, week, randoms.get(asset)!) * (days / (day - serviceStart));
        const assetId = market.assetIds.get(asset)!;
        const periodStart = BigInt(chain.at(serviceStart));
        const periodEnd = BigInt(chain.at(day) - 60);
        reports.push({ assetId, periodStart, periodEnd, utilizationBps: Math.round(utilization * 10_000) });
        const amount = usdcUnits(netRevenue(asset, utilization, day - serviceStart));
        if (amount < 1_000_000n) continue;
        const list = byPool.get(asset.pool) ?? [];
        list.push({ assetId, amount, periodStart, periodEnd });
        byPool.set(asset.pool, list);
      }
      if (reports.length > 0) {
        await chain.send(ACCOUNTS.reporter, {
          address: protocol.registry.address,
          abi: hardwareAssetRegistryAbi,
          functionName: 'reportUtilizationBatch',
          args: [reports],
        });
      }
      for (const [key, batch] of byPool) {
        await chain.send(ACCOUNTS.reporter, { ...onPool(key), functionName: 'distributeRevenue', args: [batch] });
      }
    });
  }
}
