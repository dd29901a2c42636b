import type { AssetSpec } from './machines';

/** mulberry32: a tiny seeded PRNG, so every run of the seed produces the same history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Utilization of an asset in one week of service: its base level, ramping up, with noise; capped at 99 %. */
export function weeklyUtilization(asset: AssetSpec, weekInService: number, random: () => number): number {
  const ramp = Math.min(1, 0.55 + 0.15 * weekInService);
  const noise = (random() - 0.5) * 0.12;
  return Math.max(0.05, Math.min(0.99, asset.baseUtilization * ramp * (1 + noise)));
}

/** Net operating revenue of `days` days of service at `utilization`, in USDC (float; rounded to base units by the caller). */
export function netRevenue(asset: AssetSpec, utilization: number, days: number): number {
  const e = asset.economics;
  if (e.kind === 'gpu') {
    const gross = asset.units * 24 * days * utilization * e.pricePerGpuHour;
    return gross * (1 - e.operatingCostShare);
  }
  const gross = ((asset.units * e.monthlyRentPerRobot * 12) / 365) * days * utilization;
  return gross * (1 - e.maintenanceShare);
}

/** Float USDC to base units: seed figures only, never user input. */
export function usdcUnits(amount: number): bigint {
  return BigInt(Math.round(amount * 1e6));
}
