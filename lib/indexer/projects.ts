import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { bigintString, getFromIndexer, hexAddress } from './client';
import { assetRowSchema } from './assets';
import { poolCategorySchema } from './pools';

const projectSchema = z.object({
  id: bigintString,
  operator: hexAddress,
  category: poolCategorySchema,
  name: z.string(),
  metadataUri: z.string(),
  createdAt: bigintString,
});

/** A project (operator) with its pools' figures summed by the indexer. */
const projectSummarySchema = projectSchema.extend({
  poolCount: z.number().int().nonnegative(),
  assetCount: z.number().int().nonnegative(),
  tvl: bigintString,
  /** Net revenue distributed to the pools' holders, to date. */
  revenueNet: bigintString,
  writtenDown: bigintString,
  repaid: bigintString,
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

const projectPoolSchema = z.object({
  address: hexAddress,
  name: z.string(),
  symbol: z.string(),
  category: poolCategorySchema,
  status: z.enum(['raising', 'active', 'closed']),
  totalAssets: bigintString,
  outstandingPrincipal: bigintString,
  deployedTotal: bigintString,
  repaidTotal: bigintString,
  writtenDownTotal: bigintString,
  revenueNet: bigintString,
  depositors: z.number().int().nonnegative(),
  yield30d: z.number().nullable(),
  utilization30d: z.number().nullable(),
  assets: z.number().int().nonnegative(),
  createdAt: bigintString,
});
export type ProjectPool = z.infer<typeof projectPoolSchema>;

const projectDetailSchema = z.object({
  project: projectSchema,
  pools: z.array(projectPoolSchema),
  assets: z.array(assetRowSchema),
});

export type ProjectTotals = {
  tvl: bigint;
  outstanding: bigint;
  deployed: bigint;
  repaid: bigint;
  writtenDown: bigint;
  revenueNet: bigint;
  units: number;
};
export type ProjectDetail = z.infer<typeof projectDetailSchema> & { totals: ProjectTotals };

export const listProjects = cache(async function listProjects(): Promise<ProjectSummary[]> {
  const body = await getFromIndexer('/api/projects', z.object({ projects: z.array(projectSummarySchema) }));
  return body?.projects ?? [];
});

/** Project ids are positive whole numbers; anything else in the URL is a 404. */
export function parseProjectId(raw: string): bigint | null {
  return /^[1-9]\d{0,30}$/.test(raw) ? BigInt(raw) : null;
}

/** null when there is no such project: the caller shows a 404. Cached per request (metadata and page). */
export const getProject = cache(async function getProject(id: bigint): Promise<ProjectDetail | null> {
  const body = await getFromIndexer(`/api/projects/${id}`, projectDetailSchema);
  if (!body) return null;
  return { ...body, totals: projectTotals(body.pools, body.assets) };
});

/**
 * The project's track record: the sums of its pools' ledgers, which are what /api/projects sums in SQL
 * (a handful of exact bigints, so adding them here gives the same figures without a second request).
 */
function projectTotals(pools: ProjectPool[], assets: { units: number }[]): ProjectTotals {
  const sum = (pick: (pool: ProjectPool) => bigint) => pools.reduce((total, pool) => total + pick(pool), 0n);
  return {
    tvl: sum((p) => p.totalAssets),
    outstanding: sum((p) => p.outstandingPrincipal),
    deployed: sum((p) => p.deployedTotal),
    repaid: sum((p) => p.repaidTotal),
    writtenDown: sum((p) => p.writtenDownTotal),
    revenueNet: sum((p) => p.revenueNet),
    units: assets.reduce((total, asset) => total + asset.units, 0),
  };
}
