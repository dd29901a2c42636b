/**
 * The generated world's history: R revenue distributions spread over the days, a day per mine(). Pool 0 (the
 * busy pool) distributes every day, the others in rotation, each round covering all of a pool's machines in
 * one distributeRevenueBatch; utilization is reported for every other round of a pool; the whale claims three
 * times.
 */
import type { Address } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../lib/contracts/abis';
import type { BulkMiner } from './bulk-miner';
import { ACCOUNTS, OTHER_INVESTORS, usdc, WHALE, type WorldPlan } from './world-plan';

export const HISTORY_DAYS = 365;
export const FIRST_REVENUE_DAY = 7;
const UTILIZATION_PER_TX = 250;

type UtilizationReport = { assetId: bigint; periodStart: bigint; periodEnd: bigint; utilizationBps: number };

export async function playRevenueHistory(h: {
  miner: BulkMiner;
  plan: WorldPlan;
  pools: Address[];
  registry: Address;
  revenue: number;
  random: () => number;
  addr: (i: number) => Address;
  at: (day: number) => number;
  count: (event: string, n?: number) => void;
}) {
  const { miner: m, plan, pools, random, addr, at, count } = h;
  const reporter = addr(ACCOUNTS.reporter);
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
    const target = Math.round((h.revenue * (day - FIRST_REVENUE_DAY + 1)) / revenueDays);
    const reports: UtilizationReport[] = [];
    const distribute = (p: number, take: number) => {
      const periodStart = BigInt(at(lastRound.get(p) ?? 2));
      const periodEnd = BigInt(at(day) - 60);
      const days = day - (lastRound.get(p) ?? 2);
      const batch = plan.assetsOf[p]!.slice(0, take).map((id) => ({
        assetId: BigInt(id),
        amount: usdc(plan.units[id - 1]! * days * (2 + random() * 2)), // 2 to 4 USDC a unit a day: ~50 % a year
        periodStart,
        periodEnd,
      }));
      m.send(
        reporter,
        { address: pools[p]!, abi: financingPoolAbi, functionName: 'distributeRevenueBatch', args: [batch] },
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
      for (const [investor, p] of plan.deposits) {
        // Something to claim for sure: a distribution before today and after the last claim.
        const distributedOn = lastRound.get(p) ?? day;
        if (investor !== who || distributedOn >= day || distributedOn <= (lastClaim.get(`${who}-${p}`) ?? -1)) continue;
        lastClaim.set(`${who}-${p}`, day);
        m.send(
          addr(who),
          { address: pools[p]!, abi: financingPoolAbi, functionName: 'claim', args: [addr(who)] },
          300_000n,
        );
        count('FinancingPool:RevenueClaimed');
      }
    }
    // The busy pool takes at most half of the day's distributions; the rotation the rest.
    const busyTake = Math.min(plan.assetsOf[0]!.length, Math.ceil((target - distributed) / 2));
    if (busyTake > 0) distribute(0, busyTake);
    let visited = 0;
    while (distributed < target && visited < pools.length - 1) {
      distribute(rotation, Math.min(plan.assetsOf[rotation]!.length, target - distributed));
      rotation = rotation === pools.length - 1 ? 1 : rotation + 1;
      visited++;
    }
    for (let i = 0; i < reports.length; i += UTILIZATION_PER_TX) {
      const batch = reports.slice(i, i + UTILIZATION_PER_TX);
      m.send(
        reporter,
        { address: h.registry, abi: hardwareAssetRegistryAbi, functionName: 'reportUtilizationBatch', args: [batch] },
        100_000n + 30_000n * BigInt(batch.length),
      );
    }
    count('HardwareAssetRegistry:UtilizationReported', reports.length);
    await m.mine(at(day));
  }
  count('FinancingPool:RevenueDistributed', distributed);
}
