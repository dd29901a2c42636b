import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import type { ChartInterval } from '../charts/chart-interval';
import { getFromIndexer } from './client';
import {
  assetBodySchema,
  assetSeriesSchema,
  poolProjectSchema,
  type AssetSeriesPoint,
  type AssetTranchedPool,
} from './wire';

export type AssetDetail = z.infer<typeof assetBodySchema> & {
  project: { id: bigint; name: string } | null;
  /** Net revenue distributed in the same trailing 30 days as `asset.yield30d`. */
  revenueNet30d: bigint;
  utilization30d: number | null;
};

/**
 * null when there is no such asset: the caller shows a 404. Cached per request, so a page's metadata and
 * its body read the indexer once.
 */
export const getAsset = cache(async function getAsset(chainId: number, id: bigint): Promise<AssetDetail | null> {
  const body = await getFromIndexer(`/api/assets/${id}`, assetBodySchema, [chainId]);
  if (!body) return null;
  const [owner, lastDays] = await Promise.all([
    body.pool ? getFromIndexer(`/api/pools/${body.pool.address}`, poolProjectSchema, [chainId]) : null,
    getAssetSeries(chainId, id, 'day', 30),
  ]);
  return { ...body, project: owner?.project ?? tranchedPoolProject(body.tranchedPool), ...trailing30Days(lastDays) };
});

/** A tranched pool's machine: its project is the pool's, named in the same answer. */
function tranchedPoolProject(pool: AssetTranchedPool | null): AssetDetail['project'] {
  return pool?.projectName != null ? { id: pool.projectId, name: pool.projectName } : null;
}

/**
 * The trailing-30-day figures from the daily series: the same days as the indexer's `yield30d` (today and
 * the 29 before). Exact sums of bigints; utilization is the mean of the days with a report (one report a
 * week per machine, so the mean of the reports).
 */
function trailing30Days(days: AssetSeriesPoint[]): { revenueNet30d: bigint; utilization30d: number | null } {
  const reported = days.flatMap((d) => (d.utilization === null ? [] : [d.utilization]));
  return {
    revenueNet30d: days.reduce((sum, d) => sum + d.revenueNet, 0n),
    utilization30d: reported.length > 0 ? reported.reduce((a, b) => a + b, 0) / reported.length : null,
  };
}

/** Net revenue and average utilization per bucket; empty buckets are zero revenue and null utilization. */
export async function getAssetSeries(
  chainId: number,
  id: bigint,
  interval: ChartInterval,
  days: number,
): Promise<AssetSeriesPoint[]> {
  const body = await getFromIndexer(`/api/assets/${id}/series?interval=${interval}&days=${days}`, assetSeriesSchema, [
    chainId,
  ]);
  return body?.series ?? [];
}
