import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { projectTotals, type ProjectTotals } from '../projects/project-totals';
import { getFromIndexer } from './client';
import { projectDetailSchema, projectSummarySchema, type ProjectSummary } from './wire';

type ProjectDetail = z.infer<typeof projectDetailSchema> & { totals: ProjectTotals };

export const listProjects = cache(async function listProjects(): Promise<ProjectSummary[]> {
  const body = await getFromIndexer('/api/projects', z.object({ projects: z.array(projectSummarySchema) }));
  return body?.projects ?? [];
});

/** null when there is no such project: the caller shows a 404. Cached per request (metadata and page). */
export const getProject = cache(async function getProject(chainId: number, id: bigint): Promise<ProjectDetail | null> {
  const body = await getFromIndexer(`/api/projects/${id}`, projectDetailSchema, [chainId]);
  if (!body) return null;
  return { ...body, totals: projectTotals(body.pools, body.tranchedPools, body.assets) };
});
