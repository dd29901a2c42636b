import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import type { ChartInterval } from '../charts/chart-interval';
import { bigintString, getFromIndexer, hexAddress } from './client';
import { knownKinds } from './wire';
import { poolCategorySchema } from './pools';

export const assetKindSchema = z.enum(['gpu_cluster', 'robot_fleet', 'other']);
export type AssetKind = z.infer<typeof assetKindSchema>;

export const assetStatusSchema = z.enum(['pending', 'active', 'maintenance', 'retired', 'impaired']);
export type AssetStatus = z.infer<typeof assetStatusSchema>;

/** A machine group as the asset table keeps it (HardwareAssetRegistry plus the pool's capital ledger). */
export const assetRowSchema = z.object({
  id: bigintString,
  pool: hexAddress,
  operator: hexAddress,
  kind: assetKindSchema,
  model: z.string(),
  units: z.number().int().nonnegative(),
  location: z.string(),
  status: assetStatusSchema,
  deployed: bigintString,
  repaid: bigintString,
  writtenDown: bigintString,
  /** deployed − repaid − written down. */
  outstanding: bigintString,
  // Added with the loss-marking contracts; defaulted so that an indexer without them still serves the page.
  /** Expected loss marked while the machine is impaired: out of the pool's value before any write-down. */
  provision: bigintString.default(0n),
  /** Principal paid back after a write-down. */
  recovered: bigintString.default(0n),
  /** Most the pool may have outstanding in this machine (set by the admin, behind the timelock). */
  limit: bigintString.default(0n),
  revenueNet: bigintString,
  lastUtilizationBps: z.number().int().nullable(),
  registeredAt: bigintString,
});
export type AssetRow = z.infer<typeof assetRowSchema>;

const statusChangeSchema = z.object({
  id: z.string(),
  previousStatus: assetStatusSchema,
  status: assetStatusSchema,
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
});
export type AssetStatusChange = z.infer<typeof statusChangeSchema>;

const capitalKinds = ['deployment', 'repayment', 'write_down', 'provision', 'recovery'] as const;
const capitalEventSchema = z.object({
  id: z.string(),
  kind: z.enum(capitalKinds),
  amount: bigintString,
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
});
export type CapitalEvent = z.infer<typeof capitalEventSchema>;

const assetBodySchema = z.object({
  asset: assetRowSchema.extend({ yield30d: z.number().nullable() }),
  pool: z
    .object({ address: hexAddress, name: z.string(), symbol: z.string(), category: poolCategorySchema })
    .nullable(),
  statusHistory: z.array(statusChangeSchema),
  capital: knownKinds(capitalKinds, capitalEventSchema),
});

// Only the part of the pool's answer this page shows (zod drops the rest).
const poolOwnerSchema = z.object({ project: z.object({ id: bigintString, name: z.string() }).nullable() });

export type AssetDetail = z.infer<typeof assetBodySchema> & {
  project: { id: bigint; name: string } | null;
  /** Net revenue distributed in the same trailing 30 days as `asset.yield30d`. */
  revenueNet30d: bigint;
  utilization30d: number | null;
};

/** Asset ids are positive whole numbers; anything else in the URL is a 404, not a question for the indexer. */
export function parseAssetId(raw: string): bigint | null {
  return /^[1-9]\d{0,30}$/.test(raw) ? BigInt(raw) : null;
}

/**
 * null when there is no such asset: the caller shows a 404. Cached per request, so a page's metadata and
 * its body read the indexer once.
 */
export const getAsset = cache(async function getAsset(id: bigint): Promise<AssetDetail | null> {
  const body = await getFromIndexer(`/api/assets/${id}`, assetBodySchema);
  if (!body) return null;
  const [owner, lastDays] = await Promise.all([
    body.pool ? getFromIndexer(`/api/pools/${body.pool.address}`, poolOwnerSchema) : null,
    getAssetSeries(id, 'day', 30),
  ]);
  return { ...body, project: owner?.project ?? null, ...trailing30Days(lastDays) };
});

const assetSeriesSchema = z.object({
  series: z.array(z.object({ day: z.number().int(), revenueNet: bigintString, utilization: z.number().nullable() })),
});
export type AssetSeriesPoint = z.infer<typeof assetSeriesSchema>['series'][number];

/**
 * The trailing-30-day figures from the daily series: the same days as the indexer's `yield30d` (today and
 * the 29 before). Exact sums of bigints; utilization is the mean of the days with a report (one report a
 * week per machine, so the mean of the reports).
 */
export function trailing30Days(days: AssetSeriesPoint[]): { revenueNet30d: bigint; utilization30d: number | null } {
  const reported = days.flatMap((d) => (d.utilization === null ? [] : [d.utilization]));
  return {
    revenueNet30d: days.reduce((sum, d) => sum + d.revenueNet, 0n),
    utilization30d: reported.length > 0 ? reported.reduce((a, b) => a + b, 0) / reported.length : null,
  };
}

/** Net revenue and average utilization per bucket; empty buckets are zero revenue and null utilization. */
export async function getAssetSeries(id: bigint, interval: ChartInterval, days: number): Promise<AssetSeriesPoint[]> {
  const body = await getFromIndexer(`/api/assets/${id}/series?interval=${interval}&days=${days}`, assetSeriesSchema);
  return body?.series ?? [];
}
