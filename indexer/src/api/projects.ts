/** The operators: every project with its totals, and one with its pools and machines. */
import { db } from 'ponder:api';
import { asset, pool, project } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, inArray, sql } from 'ponder';
import { z } from 'zod';
import { outstandingOf } from '../principal';
import { oneChain, someChains } from './chain-scope';
import { flattenPool, poolFigures } from './pool-figures';
import { camelRow, indexedBlock, reply } from './reply';
import { positiveId, valid } from './validation';
import { sqlList } from './sql-list';

export const projects = new Hono();

projects.get('/', someChains, async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const chains = sqlList(chainIds);
  const rows = await db.execute(sql`
    select pr.*, count(distinct p.address)::int as pool_count,
      (select count(*) from asset a join pool p2 on p2.chain_id = a.chain_id and p2.address = a.pool
        where p2.chain_id = pr.chain_id and p2.project_id = pr.id)::int as asset_count,
      coalesce(sum(p.total_assets), 0) as tvl, coalesce(sum(p.revenue_net), 0) as revenue_net,
      coalesce(sum(p.written_down_total), 0) as written_down, coalesce(sum(p.repaid_total), 0) as repaid
    from project pr left join pool p on p.chain_id = pr.chain_id and p.project_id = pr.id
    where pr.chain_id in (${chains})
    group by pr.chain_id, pr.id order by pr.id, pr.chain_id`);
  return reply(c, indexed, { projects: rows.rows.map(camelRow) });
});

projects.get('/:id', oneChain, valid('param', z.object({ id: positiveId('a project') })), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { id } = c.req.valid('param');
  const [owner] = await db
    .select()
    .from(project)
    .where(and(eq(project.chainId, chainId), eq(project.id, id)));
  if (!owner) return reply(c, indexed, { error: `no project ${id}` }, 404);
  const rows = await db
    .select({ pool, ...poolFigures(indexed) })
    .from(pool)
    .where(and(eq(pool.chainId, chainId), eq(pool.projectId, id)))
    .orderBy(asc(pool.createdAtBlock));
  const addresses = rows.map((p) => p.pool.address);
  const machines = addresses.length
    ? await db
        .select()
        .from(asset)
        .where(and(eq(asset.chainId, chainId), inArray(asset.pool, addresses)))
        .orderBy(asc(asset.id))
    : [];
  return reply(c, indexed, {
    project: owner,
    pools: rows.map(flattenPool),
    assets: machines.map((m) => ({ ...m, outstanding: outstandingOf(m) })),
  });
});
