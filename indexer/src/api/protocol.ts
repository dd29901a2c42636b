/** Protocol-wide totals and the protocol's revenue series. */
import { db } from 'ponder:api';
import { asset, pool, poolDaily, position, revenueDistribution } from 'ponder:schema';
import { Hono } from 'hono';
import { sql } from 'ponder';
import { poolPrincipalDaysSql, windowDays } from './real-yield';
import { indexedBlock, reply, seriesPoint } from './reply';
import { bucket, seriesQuery, withCompleteness } from './series';
import { valid } from './validation';
import { someChains } from './chain-scope';
import { sqlList } from './sql-list';

export const protocol = new Hono();

/** `chain_id in (...)` of the chains a request spans. */
const onChains = (column: ReturnType<typeof sql>, chainIds: number[]) => sql`${column} in (${sqlList(chainIds)})`;

protocol.get('/', someChains, async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const { d30 } = windowDays(indexed.day);
  const [totals] = (
    await db.execute(sql`
      select p.tvl, p.outstanding_principal, p.revenue_net, p.revenue_claimed, p.written_down, p.provisions, p.recovered,
        (select coalesce(sum(${poolDaily.revenueNet}), 0) from ${poolDaily}
          where ${onChains(sql`${poolDaily.chainId}`, chainIds)} and ${poolDaily.day} between ${d30[0]} and ${d30[1]}) as revenue_net_30d,
        p.pools, a.machines_financed, a.units_financed,
        (select count(distinct ${position.account}) from ${position}
          where ${onChains(sql`${position.chainId}`, chainIds)} and ${position.shares} > 0) as investors,
        (select coalesce(sum(${poolPrincipalDaysSql(sql`pp.chain_id`, sql`pp.address`, d30[0], d30[1])}), 0) from ${pool} pp
          where ${onChains(sql`pp.chain_id`, chainIds)}) as principal_days_30d
      from (
        select coalesce(sum(${pool.totalAssets}), 0) as tvl, coalesce(sum(${pool.outstandingPrincipal}), 0) as outstanding_principal,
          coalesce(sum(${pool.revenueNet}), 0) as revenue_net, coalesce(sum(${pool.revenueClaimed}), 0) as revenue_claimed,
          coalesce(sum(${pool.writtenDownTotal}), 0) as written_down, coalesce(sum(${pool.totalProvisions}), 0) as provisions,
          coalesce(sum(${pool.recoveredTotal}), 0) as recovered, count(*) as pools
        from ${pool} where ${onChains(sql`${pool.chainId}`, chainIds)}
      ) p, (
        select count(*) as machines_financed, coalesce(sum(${asset.units}), 0) as units_financed
        from ${asset} where ${onChains(sql`${asset.chainId}`, chainIds)} and ${asset.deployed} > 0
      ) a
    `)
  ).rows as Record<string, string>[];
  const t = totals!;
  const principalDays = Number(t.principal_days_30d);
  return reply(c, indexed, {
    protocol: {
      tvl: BigInt(t.tvl!),
      outstandingPrincipal: BigInt(t.outstanding_principal!),
      revenueNet: BigInt(t.revenue_net!),
      revenueNet30d: BigInt(t.revenue_net_30d!),
      revenueClaimed: BigInt(t.revenue_claimed!),
      writtenDown: BigInt(t.written_down!),
      totalProvisions: BigInt(t.provisions!),
      recoveredTotal: BigInt(t.recovered!),
      realYield30d: principalDays > 0 ? (Number(t.revenue_net_30d) * 365) / principalDays : null,
      pools: Number(t.pools),
      machinesFinanced: Number(t.machines_financed),
      unitsFinanced: Number(t.units_financed),
      investors: Number(t.investors),
    },
  });
});

protocol.get('/series', someChains, valid('query', seriesQuery(365)), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const q = c.req.valid('query');
  const from = indexed.day - q.days + 1;
  const rows = await db.execute(sql`
    select ${bucket(q.interval, sql`${revenueDistribution.day}`)} as bucket,
      sum(${revenueDistribution.netAmount}) as revenue_net, sum(${revenueDistribution.grossAmount}) as revenue_gross
    from ${revenueDistribution}
    where ${onChains(sql`${revenueDistribution.chainId}`, chainIds)} and ${revenueDistribution.day} >= ${from}
    group by 1 order by 1`);
  return reply(c, indexed, {
    interval: q.interval,
    series: withCompleteness(rows.rows.map(seriesPoint), q.interval, indexed.timestamp),
  });
});
