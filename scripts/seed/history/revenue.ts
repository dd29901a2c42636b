/**
 * Real yield in the seeded history: every week each pool distributes its live machines' net revenue for the week
 * just ended and the reporter files each machine's utilization; every 30 days some investors claim theirs.
 */
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import { netRevenue, prng, usdcUnits, weeklyUtilization } from '../economics';
import { ASSETS, type AssetSpec } from '../machines';
import { LAST_DAY } from '../timeline';
import { ACCOUNTS, MONTHLY_CLAIMERS } from '../world';
import type { History } from './context';

/** Days of [from, to) the machines spent in maintenance. */
function downDays(asset: AssetSpec, from: number, to: number) {
  if (asset.event?.kind !== 'maintenance') return 0;
  const start = asset.event.day;
  const end = start + asset.event.days;
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}

type Distribution = { assetId: bigint; amount: bigint; periodStart: bigint; periodEnd: bigint };
type UtilizationReport = { assetId: bigint; periodStart: bigint; periodEnd: bigint; utilizationBps: number };

export function addWeeklyRevenue({ chain, protocol, market, timeline, machines }: History) {
  const randoms = new Map(ASSETS.map((a, i) => [a, prng(1_000 + i * 7_919)]));
  const firstLive = Math.min(...ASSETS.map((a) => a.liveDay));
  for (let day = firstLive + 7; day <= LAST_DAY; day += 7) {
    const from = day - 7;
    timeline.add(day, 5, 'weekly revenue and utilization', async () => {
      const reports: UtilizationReport[] = [];
      const byPool = new Map<string, Distribution[]>();
      for (const asset of ASSETS) {
        if (machines.get(asset) !== 'live' || asset.liveDay >= day) continue;
        const serviceStart = Math.max(from, asset.liveDay);
        const days = day - serviceStart - downDays(asset, serviceStart, day);
        const week = Math.floor((day - asset.liveDay) / 7);
        const utilization = weeklyUtilization(asset, week, randoms.get(asset)!) * (days / (day - serviceStart));
        const assetId = market.assetIds.get(asset)!;
        const periodStart = BigInt(chain.at(serviceStart));
        const periodEnd = BigInt(chain.at(day) - 60);
        reports.push({ assetId, periodStart, periodEnd, utilizationBps: Math.round(utilization * 10_000) });
        const amount = usdcUnits(netRevenue(asset, utilization, day - serviceStart));
        if (amount === 0n) continue;
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
      for (const [pool, batch] of byPool) {
        await chain.send(ACCOUNTS.reporter, {
          address: market.pools.get(pool)!,
          abi: financingPoolAbi,
          functionName: 'distributeRevenueBatch',
          args: [batch],
        });
      }
    });
  }
}

export function addMonthlyClaims({ chain, market, timeline }: History) {
  for (let day = 30; day <= LAST_DAY; day += 30) {
    timeline.add(day, 7, 'monthly claims', async () => {
      for (const investor of MONTHLY_CLAIMERS) {
        for (const address of market.pools.values()) {
          const pool = { address, abi: financingPoolAbi } as const;
          const account = chain.addr(investor);
          const claimable = await chain.client.readContract({
            ...pool,
            functionName: 'claimableRevenue',
            args: [account],
          });
          if (claimable > 0n) await chain.send(investor, { ...pool, functionName: 'claim', args: [account] });
        }
      }
    });
  }
}
