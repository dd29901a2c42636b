/** Protocol-wide totals and the protocol's revenue series, over single pools and tranched pools alike. */
import { db } from 'ponder:api';
import {
  asset,
  pool,
  poolDaily,
  position,
  revenueDistribution,
  tranche,
  tranchedPool,
  tranchePosition,
  waterfallSplit,
} from 'ponder:schema';
import { Hono } from 'hono';
import { inArray, sql } from 'ponder';
import { poolPrincipalDaysSql, windowDays } from './real-yield';
import { indexedBlock, reply, seriesPoint } from './reply';
import { bucket, seriesQuery, withCompleteness } from './series';
import { valid } from './validation';
import { someChains } from './chain-scope';
import { sqlList } from './sql-list';
import { realYield, tranchedPrincipalDays } from './protocol-figures';
import { tranchedPoolValues } from './tranche-figures';

export const protocol = new Hono();

/** `chain_id in (...)` of the chains a request spans. */
const onChains = (column: ReturnType<typeof sql>, chainIds: number[]) => sql`${column} in (${sqlList(chainIds)})`;

/** A tranched pool's revenue after the protocol fee (what its tranches received): revenue − fee of each split. */
const tranchedNet = sql`(${waterfallSplit.revenue} - ${waterfallSplit.fee})`;

protocol.get('/', someChains, async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const { d30 } = windowDays(indexed.day);
  // A tranched pool's figures are its own columns (tranched_pool), its tranches' (tranche, tranche_position) and
  // its waterfall's (waterfall_split): its value is idle + outstanding − provisions, as TranchedPool.totalValue.
  // An investor is counted once however many pools and tranches they hold.
  const [totals] = (
    await db.execute(sql`
      select p.tvl + t.tvl as tvl, p.outstanding_principal + t.outstanding_principal as outstanding_principal,
        p.revenue_net + t.revenue_net as revenue_net,
        p.revenue_claimed + (select coalesce(sum(${tranche.revenueClaimed}), 0) from ${tranche}
          where ${onChains(sql`${tranche.chainId}`, chainIds)}) as revenue_claimed,
        p.written_down + t.written_down as written_down, p.provisions + t.provisions as provisions,
        p.recovered + t.recovered as recovered,
        (select coalesce(sum(${poolDaily.revenueNet}), 0) from ${poolDaily}
          where ${onChains(sql`${poolDaily.chainId}`, chainIds)} and ${poolDaily.day} between ${d30[0]} and ${d30[1]})
        + (select coalesce(sum(${tranchedNet}), 0) from ${waterfallSplit}
          where ${onChains(sql`${waterfallSplit.chainId}`, chainIds)}
            and ${waterfallSplit.timestamp} >= ${d30[0] * 86_400} and ${waterfallSplit.timestamp} < ${(d30[1] + 1) * 86_400})
          as revenue_net_30d,
        p.pools + t.pools as pools, t.pools as tranched_pools, a.machines_financed, a.units_financed,
        (select count(distinct h.account) from (
          select ${position.account} as account from ${position}
            where ${onChains(sql`${position.chainId}`, chainIds)} and ${position.shares} > 0
          union
          select ${tranchePosition.account} from ${tranchePosition}
            where ${onChains(sql`${tranchePosition.chainId}`, chainIds)} and ${tranchePosition.shares} > 0
        ) h) as investors,
        (select trunc(coalesce(sum(${poolPrincipalDaysSql(sql`pp.chain_id`, sql`pp.address`, d30[0], d30[1])}), 0))::numeric(78, 0)
          from ${pool} pp where ${onChains(sql`pp.chain_id`, chainIds)}) as principal_days_30d
      from (
        select coalesce(sum(${pool.totalAssets}), 0) as tvl, coalesce(sum(${pool.outstandingPrincipal}), 0) as outstanding_principal,
          coalesce(sum(${pool.revenueNet}), 0) as revenue_net, coalesce(sum(${pool.revenueClaimed}), 0) as revenue_claimed,
          coalesce(sum(${pool.writtenDownTotal}), 0) as written_down, coalesce(sum(${pool.totalProvisions}), 0) as provisions,
          coalesce(sum(${pool.recoveredTotal}), 0) as recovered, count(*) as pools
        from ${pool} where ${onChains(sql`${pool.chainId}`, chainIds)}
      ) p, (
        select coalesce(sum(${tranchedPool.idle} + ${tranchedPool.outstandingPrincipal} - ${tranchedPool.totalProvisions}), 0) as tvl,
          coalesce(sum(${tranchedPool.outstandingPrincipal}), 0) as outstanding_principal,
          coalesce(sum(${tranchedPool.revenueGross} - ${tranchedPool.feesPaid}), 0) as revenue_net,
          coalesce(sum(${tranchedPool.writtenDownTotal}), 0) as written_down,
          coalesce(sum(${tranchedPool.totalProvisions}), 0) as provisions,
          coalesce(sum(${tranchedPool.recoveredTotal}), 0) as recovered, count(*) as pools
        from ${tranchedPool} where ${onChains(sql`${tranchedPool.chainId}`, chainIds)}
      ) t, (
        select count(*) as machines_financed, coalesce(sum(${asset.units}), 0) as units_financed
        from ${asset} where ${onChains(sql`${asset.chainId}`, chainIds)} and ${asset.deployed} > 0
      ) a
    `)
  ).rows as Record<string, string>[];
  const t = totals!;
  // The single pools' principal-days from their end-of-day principal; a tranched pool keeps none, and adds its
  // value now for each day of the window it has existed (protocol-figures.ts).
  const tranched = await db.select().from(tranchedPool).where(inArray(tranchedPool.chainId, chainIds));
  const principalDays = tranched.reduce(
    (days, p) => days + tranchedPrincipalDays({ value: tranchedPoolValues(p).total, createdAt: p.createdAt }, d30),
    BigInt(t.principal_days_30d!),
  );
  const revenueNet30d = BigInt(t.revenue_net_30d!);
  return reply(c, indexed, {
    protocol: {
      tvl: BigInt(t.tvl!),
      outstandingPrincipal: BigInt(t.outstanding_principal!),
      revenueNet: BigInt(t.revenue_net!),
      revenueNet30d,
      revenueClaimed: BigInt(t.revenue_claimed!),
      writtenDown: BigInt(t.written_down!),
      totalProvisions: BigInt(t.provisions!),
      recoveredTotal: BigInt(t.recovered!),
      realYield30d: realYield(revenueNet30d, principalDays),
      // Every pool, single or tranched; `tranchedPools` of them have a senior and a junior tranche.
      pools: Number(t.pools),
      tranchedPools: Number(t.tranched_pools),
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
  // The single pools' distributions and the tranched pools' splits, net of the fee alike, so that the chart adds
  // up to the totals above.
  const rows = await db.execute(sql`
    select ${bucket(q.interval, sql`r.day`)} as bucket, sum(r.net) as revenue_net, sum(r.gross) as revenue_gross
    from (
      select ${revenueDistribution.day} as day, ${revenueDistribution.netAmount} as net, ${revenueDistribution.grossAmount} as gross
      from ${revenueDistribution}
      where ${onChains(sql`${revenueDistribution.chainId}`, chainIds)} and ${revenueDistribution.day} >= ${from}
      union all
      select div(${waterfallSplit.timestamp}, 86400)::int, ${tranchedNet}, ${waterfallSplit.revenue}
      from ${waterfallSplit}
      where ${onChains(sql`${waterfallSplit.chainId}`, chainIds)} and ${waterfallSplit.timestamp} >= ${from * 86_400}
    ) r
    group by 1 order by 1`);
  return reply(c, indexed, {
    interval: q.interval,
    series: withCompleteness(rows.rows.map(seriesPoint), q.interval, indexed.timestamp),
  });
});
