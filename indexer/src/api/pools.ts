/** Pools: the list, one pool, and what belongs to it (machines, series, activity, exits, allowlist, changes). */
import { db } from 'ponder:api';
import { allowlist, asset, assetDaily, capitalEvent, pool, project, utilizationReport } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, inArray, sql } from 'ponder';
import { z } from 'zod';
import { outstandingOf } from '../principal';
import { previewAccrual } from '../revenue-accumulator';
import { poolActivitySql } from './activity';
import { oneChain, someChains } from './chain-scope';
import { delayedActionsOf, delayedActionsQuery } from './delayed-actions';
import { noticesQuery, poolNoticesSql } from './notices';
import { flattenPool, poolFigures } from './pool-figures';
import { poolSeriesQuery, poolSeriesSql } from './pool-series';
import { withCompleteness } from './series';
import { assetRealYieldSql, windowDays } from './real-yield';
import { redemptionsQuery, redemptionsSql, toRedemption } from './redemption-queue';
import { camelRow, indexedBlock, reply, seriesPoint } from './reply';
import { limit, poolParam, searchText, valid, wholeNumber } from './validation';

export const pools = new Hono();

const poolListQuery = z.object({
  category: z.enum(pool.category.enumValues).optional(),
  status: z.enum(pool.status.enumValues).optional(),
  q: searchText('q', 100).optional(),
  sort: z.enum(['yield', 'tvl', 'utilization', 'depositors', 'name', 'created']).default('tvl'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: limit(200, 50),
  offset: wholeNumber(0, 1_000_000).default(0),
});

/** An ilike pattern for text containing `text` as typed: its `%`, `_` and `\` match themselves. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

pools.get('/', someChains, valid('query', poolListQuery), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const q = c.req.valid('query');
  const filters = [
    inArray(pool.chainId, chainIds),
    q.category ? eq(pool.category, q.category) : undefined,
    q.status ? eq(pool.status, q.status) : undefined,
    q.q ? sql`(${pool.name} ilike ${contains(q.q)} or ${pool.symbol} ilike ${contains(q.q)})` : undefined,
  ].filter(Boolean);
  const where = filters.length > 0 ? and(...(filters as Parameters<typeof and>)) : undefined;
  const sortColumn = {
    yield: sql`yield_30d`,
    tvl: sql`${pool.totalAssets}`,
    utilization: sql`utilization_30d`,
    depositors: sql`${pool.depositors}`,
    name: sql`${pool.name}`,
    created: sql`${pool.createdAtBlock}`,
  }[q.sort];
  const direction = q.order === 'asc' ? sql`asc nulls first` : sql`desc nulls last`;
  const rows = await db
    .select({ pool, ...poolFigures(indexed) })
    .from(pool)
    .where(where)
    .orderBy(sql`${sortColumn} ${direction}`, asc(pool.address), asc(pool.chainId))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(pool)
    .where(where)) as [{ total: number }];
  return reply(c, indexed, { pools: rows.map(flattenPool), total, limit: q.limit, offset: q.offset });
});

pools.get('/:address', oneChain, valid('param', poolParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address } = c.req.valid('param');
  const [row] = await db
    .select({ pool, ...poolFigures(indexed) })
    .from(pool)
    .where(and(eq(pool.chainId, chainId), eq(pool.address, address)));
  if (!row) return reply(c, indexed, { error: `no pool at ${address}` }, 404);
  const [owner] = await db
    .select()
    .from(project)
    .where(and(eq(project.chainId, chainId), eq(project.id, row.pool.projectId)));
  return reply(c, indexed, {
    pool: {
      ...flattenPool(row),
      // Released to holders but not yet claimed, and still streaming, as of the indexed block
      // (FinancingPool.streamingRevenue).
      revenueStreaming: previewAccrual(row.pool, indexed.timestamp, row.pool.totalSupply).streamRemaining,
    },
    project: owner ?? null,
  });
});

pools.get('/:address/assets', oneChain, valid('param', poolParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address } = c.req.valid('param');
  const { d30 } = windowDays(indexed.day);
  // Qualified by hand: inside a sub-select drizzle writes a bare "id", which asset_daily has too (text).
  const assetId = sql.raw('"asset"."id"');
  const assetChain = sql.raw('"asset"."chain_id"');
  const rows = await db
    .select({
      asset,
      yield30d: sql<number | null>`${assetRealYieldSql(assetChain, assetId, d30[0], d30[1])}`,
      revenueNet30d: sql<string>`(select coalesce(sum(${assetDaily.revenueNet}), 0) from ${assetDaily}
        where ${assetDaily.chainId} = ${assetChain} and ${assetDaily.assetId} = ${assetId}
          and ${assetDaily.day} between ${d30[0]} and ${d30[1]})`,
      utilization30d: sql<
        number | null
      >`(select avg(${utilizationReport.utilizationBps})::float / 10000 from ${utilizationReport}
        where ${utilizationReport.chainId} = ${assetChain} and ${utilizationReport.assetId} = ${assetId}
          and ${utilizationReport.day} between ${d30[0]} and ${d30[1]})`,
    })
    .from(asset)
    .where(and(eq(asset.chainId, chainId), eq(asset.pool, address)))
    .orderBy(asc(asset.id));
  return reply(c, indexed, {
    assets: rows.map(({ asset: a, revenueNet30d, ...rest }) => ({
      ...a,
      outstanding: outstandingOf(a),
      revenueNet30d: BigInt(revenueNet30d),
      ...rest,
    })),
  });
});

pools.get('/:address/series', oneChain, valid('param', poolParam), valid('query', poolSeriesQuery), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address } = c.req.valid('param');
  const q = c.req.valid('query');
  const rows = await db.execute(poolSeriesSql(chainId, address, indexed.day - q.days + 1, indexed.day, q));
  return reply(c, indexed, {
    metric: q.metric,
    interval: q.interval,
    series: withCompleteness(rows.rows.map(seriesPoint), q.interval, indexed.timestamp),
  });
});

pools.get('/:address/notices', oneChain, valid('param', poolParam), valid('query', noticesQuery), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const rows = await db.execute(poolNoticesSql(chainId, c.req.valid('param').address, c.req.valid('query')));
  return reply(c, indexed, { notices: rows.rows.map(camelRow) });
});

pools.get(
  '/:address/activity',
  oneChain,
  valid('param', poolParam),
  valid('query', z.object({ limit: limit(200, 20) })),
  async (c) => {
    const chainId = c.get('chainId');
    const indexed = await indexedBlock([chainId]);
    const rows = await db.execute(poolActivitySql(chainId, c.req.valid('param').address, c.req.valid('query').limit));
    return reply(c, indexed, { activity: rows.rows.map(camelRow) });
  },
);

/**
 * A pool's exit queue: what it waits for (idle cash now, principal coming back) and its requests, oldest first, each
 * with its place. `?controller=` keeps one account's (the pool's Withdraw tab lists the visitor's own), so that a
 * long queue is not sent to every visitor.
 */

pools.get('/:address/redemptions', oneChain, valid('param', poolParam), valid('query', redemptionsQuery), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address: poolAddress } = c.req.valid('param');
  const { controller } = c.req.valid('query');
  const [owner] = await db
    .select()
    .from(pool)
    .where(and(eq(pool.chainId, chainId), eq(pool.address, poolAddress)));
  if (!owner) return reply(c, indexed, { error: `no pool at ${poolAddress}` }, 404);
  const rows = await db.execute(
    redemptionsSql(sql`r.chain_id = ${chainId} and r.pool = ${poolAddress}`, sql`r.request_id asc`, { controller }),
  );
  // Principal coming back: repayments of the last 90 days.
  const since = indexed.timestamp - 90n * 86_400n;
  const [repaid] = (
    await db.execute(sql`select coalesce(sum(${capitalEvent.amount}), 0) as repaid from ${capitalEvent}
        where ${capitalEvent.chainId} = ${chainId} and ${capitalEvent.pool} = ${poolAddress} and ${capitalEvent.kind} = 'repayment' and ${capitalEvent.timestamp} > ${since}`)
  ).rows as { repaid: string }[];
  return reply(c, indexed, {
    queue: {
      idle: owner.idle,
      // Filled and not yet claimed: set aside for controllers, no longer in idle.
      reservedForRedemptions: owner.reservedForRedemptions,
      // The whole queue's, whichever requests are listed.
      pendingShares: owner.pendingRedeemShares,
      repaidLast90Days: BigInt(repaid?.repaid ?? '0'),
    },
    redemptions: rows.rows.map(toRedemption),
  });
});

/** A permissioned pool's allowlist as the AllowlistUpdated events left it (removed accounts included). */
pools.get('/:address/allowlist', oneChain, valid('param', poolParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address } = c.req.valid('param');
  const [owner] = await db
    .select()
    .from(pool)
    .where(and(eq(pool.chainId, chainId), eq(pool.address, address)));
  if (!owner) return reply(c, indexed, { error: `no pool at ${address}` }, 404);
  const rows = await db
    .select()
    .from(allowlist)
    .where(and(eq(allowlist.chainId, chainId), eq(allowlist.pool, address)))
    .orderBy(asc(allowlist.account));
  return reply(c, indexed, { permissioned: owner.permissioned, allowlist: rows });
});

pools.get(
  '/:address/delayed-actions',
  oneChain,
  valid('param', poolParam),
  valid('query', delayedActionsQuery),
  async (c) => {
    const chainId = c.get('chainId');
    const indexed = await indexedBlock([chainId]);
    return reply(c, indexed, {
      actions: await delayedActionsOf([chainId], c.req.valid('param').address, c.req.valid('query')),
    });
  },
);
