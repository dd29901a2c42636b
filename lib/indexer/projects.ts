import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { getFromIndexer } from './client';
import { projectDetailSchema, projectSummarySchema, type ProjectPool, type ProjectSummary } from './wire';

type ProjectTotals = {
  tvl: bigint;
  outstanding: bigint;
  deployed: bigint;
  repaid: bigint;
  writtenDown: bigint;
  revenueNet: bigint;
  units: number;
};
type ProjectDetail = z.infer<typeof projectDetailSchema> & { totals: ProjectTotals };

export const listProjects = cache(async function listProjects(): Promise<ProjectSummary[]> {
  const body = await getFromIndexer('/api/projects', z.object({ projects: z.array(projectSummarySchema) }));
  return body?.projects ?? [];
});

/** null when there is no such project: the caller shows a 404. Cached per request (metadata and page). */
export const getProject = cache(async function getProject(chainId: number, id: bigint): Promise<ProjectDetail | null> {
  const body = await getFromIndexer(`/api/projects/${id}`, projectDetailSchema, [chainId]);
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
