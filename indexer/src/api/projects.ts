/**
 * The operators: every project with its totals, and one with its pools, tranched pools and machines. A project's
 * figures sum its single pools and its tranched pools alike.
 */
import { db } from 'ponder:api';
import { asset, pool, project, tranchedPool } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, inArray, sql } from 'ponder';
import { z } from 'zod';
import { outstandingOf } from '../principal';
import { oneChain, someChains } from './chain-scope';
import { flattenPool, poolFigures } from './pool-figures';
import { camelRow, indexedBlock, reply } from './reply';
import { tranchedPoolsWhere } from './tranched-pools';
import { positiveId, valid } from './validation';
import { sqlList } from './sql-list';

export const projects = new Hono();

projects.get('/', someChains, async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const chains = sqlList(chainIds);
  // A tranched pool's value is idle + outstanding − provisions (TranchedPool.totalValue); its net revenue what
  // its tranches received, after the fee. `pool_count` counts both kinds, `tranched_pool_count` the tranched.
  // Tables by their schema-qualified names: a bare name here is not resolved to the indexer's own tables.
  const rows = await db.execute(sql`
    select pr.*, (p.pools + t.pools)::int as pool_count, t.pools::int as tranched_pool_count,
      (select count(*) from ${asset} a
        where a.chain_id = pr.chain_id and a.pool in (
          select p2.address from ${pool} p2 where p2.chain_id = pr.chain_id and p2.project_id = pr.id
          union all
          select t2.address from ${tranchedPool} t2 where t2.chain_id = pr.chain_id and t2.project_id = pr.id
        ))::int as asset_count,
      p.tvl + t.tvl as tvl, p.revenue_net + t.revenue_net as revenue_net,
      p.written_down + t.written_down as written_down, p.repaid + t.repaid as repaid
    from ${project} pr
    cross join lateral (
      select count(*) as pools, coalesce(sum(p1.total_assets), 0) as tvl,
        coalesce(sum(p1.revenue_net), 0) as revenue_net, coalesce(sum(p1.written_down_total), 0) as written_down,
        coalesce(sum(p1.repaid_total), 0) as repaid
      from ${pool} p1 where p1.chain_id = pr.chain_id and p1.project_id = pr.id
    ) p
    cross join lateral (
      select count(*) as pools, coalesce(sum(t1.idle + t1.outstanding_principal - t1.total_provisions), 0) as tvl,
        coalesce(sum(t1.revenue_gross - t1.fees_paid), 0) as revenue_net,
        coalesce(sum(t1.written_down_total), 0) as written_down, coalesce(sum(t1.repaid_total), 0) as repaid
      from ${tranchedPool} t1 where t1.chain_id = pr.chain_id and t1.project_id = pr.id
    ) t
    where pr.chain_id in (${chains})
    order by pr.id, pr.chain_id`);
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
  const tranched = await tranchedPoolsWhere(
    and(eq(tranchedPool.chainId, chainId), eq(tranchedPool.projectId, id)),
    indexed,
  );
  const addresses = [...rows.map((p) => p.pool.address), ...tranched.map((p) => p.address)];
  const machines = addresses.length
    ? await db
        .select()
        .from(asset)
        .where(and(eq(asset.chainId, chainId), inArray(asset.pool, addresses)))
        .orderBy(asc(asset.id))
    : [];
  const machinesOf = (address: string) => machines.filter((m) => m.pool === address).length;
  return reply(c, indexed, {
    project: owner,
    pools: rows.map(flattenPool),
    // Each tranched pool in brief (its page reads /api/tranched-pools/:address for the rest).
    tranchedPools: tranched.map((p) => ({
      chainId: p.chainId,
      address: p.address,
      name: p.name,
      category: p.category,
      status: p.status,
      paused: p.paused,
      totalValue: p.totalValue,
      seniorValue: p.senior.value,
      juniorValue: p.junior.value,
      subordinationBps: p.subordinationBps,
      minSubordinationBps: p.minSubordinationBps,
      seniorRateBps: p.seniorRateBps,
      seniorYield30d: p.senior.yield30d,
      juniorYield30d: p.junior.yield30d,
      seniorHolders: p.senior.holders,
      juniorHolders: p.junior.holders,
      outstandingPrincipal: p.outstandingPrincipal,
      deployedTotal: p.deployedTotal,
      repaidTotal: p.repaidTotal,
      writtenDownTotal: p.writtenDownTotal,
      // After the protocol fee: what its tranches received.
      revenueNet: p.revenueGross - p.feesPaid,
      assets: machinesOf(p.address),
      createdAt: p.createdAt,
    })),
    assets: machines.map((m) => ({ ...m, outstanding: outstandingOf(m) })),
  });
});
