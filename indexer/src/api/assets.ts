/** Machine groups: one with its status history and capital ledger, and its revenue and utilization series. */
import { db } from 'ponder:api';
import { asset, assetDaily, assetStatusChange, capitalEvent, pool, project, tranchedPool } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, sql } from 'ponder';
import { z } from 'zod';
import { outstandingOf } from '../principal';
import { oneChain } from './chain-scope';
import { assetRealYieldSql, windowDays } from './real-yield';
import { indexedBlock, reply, seriesPoint } from './reply';
import { bucket, seriesQuery, withCompleteness } from './series';
import { positiveId, valid } from './validation';

export const assets = new Hono();

const assetParam = z.object({ id: positiveId('an asset') });

assets.get('/:id', oneChain, valid('param', assetParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { id } = c.req.valid('param');
  const [machine] = await db
    .select()
    .from(asset)
    .where(and(eq(asset.chainId, chainId), eq(asset.id, id)));
  if (!machine) return reply(c, indexed, { error: `no asset ${id}` }, 404);
  const { d30 } = windowDays(indexed.day);
  const [figures] = (
    await db.execute(sql`select ${assetRealYieldSql(sql`${chainId}`, sql`${id}`, d30[0], d30[1])} as yield_30d`)
  ).rows as { yield_30d: number | null }[];
  const [owner] = await db
    .select()
    .from(pool)
    .where(and(eq(pool.chainId, chainId), eq(pool.address, machine.pool)));
  // A machine of a tranched pool has no single pool: its pool is answered apart (tranched-pools.ts has the rest),
  // with its project's name, so that the page names the operator without another request.
  const [tranched] = owner
    ? []
    : await db
        .select({
          chainId: tranchedPool.chainId,
          address: tranchedPool.address,
          name: tranchedPool.name,
          category: tranchedPool.category,
          projectId: tranchedPool.projectId,
          projectName: project.name,
        })
        .from(tranchedPool)
        .leftJoin(project, and(eq(project.chainId, tranchedPool.chainId), eq(project.id, tranchedPool.projectId)))
        .where(and(eq(tranchedPool.chainId, chainId), eq(tranchedPool.address, machine.pool)));
  const statusHistory = await db
    .select()
    .from(assetStatusChange)
    .where(and(eq(assetStatusChange.chainId, chainId), eq(assetStatusChange.assetId, id)))
    .orderBy(asc(assetStatusChange.timestamp));
  const capital = await db
    .select()
    .from(capitalEvent)
    .where(and(eq(capitalEvent.chainId, chainId), eq(capitalEvent.assetId, id)))
    .orderBy(asc(capitalEvent.blockNumber), asc(capitalEvent.logIndex));
  return reply(c, indexed, {
    asset: { ...machine, outstanding: outstandingOf(machine), yield30d: figures?.yield_30d ?? null },
    pool: owner
      ? {
          chainId: owner.chainId,
          address: owner.address,
          name: owner.name,
          symbol: owner.symbol,
          category: owner.category,
        }
      : null,
    tranchedPool: tranched ?? null,
    statusHistory,
    capital,
  });
});

assets.get('/:id/series', oneChain, valid('param', assetParam), valid('query', seriesQuery(180)), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { id } = c.req.valid('param');
  const q = c.req.valid('query');
  const from = indexed.day - q.days + 1;
  const rows = await db.execute(sql`
    select ${bucket(q.interval, sql`g.day`)} as bucket, coalesce(sum(d.revenue_net), 0) as revenue_net,
      avg(d.utilization_bps)::float / 10000 as utilization
    from generate_series(${from}::int, ${indexed.day}::int) g(day)
    left join ${assetDaily} d on d.chain_id = ${chainId} and d.asset_id = ${id} and d.day = g.day
    group by 1 order by 1`);
  return reply(c, indexed, {
    interval: q.interval,
    series: withCompleteness(rows.rows.map(seriesPoint), q.interval, indexed.timestamp),
  });
});
