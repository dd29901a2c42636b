/**
 * A pool's time series. revenue: net and gross distributed per bucket; tvl: end-of-bucket principal,
 * outstanding and idle; yield: trailing 7- and 30-day real yield at each bucket's end; utilization:
 * average reported utilization; cash: revenue distributed versus revenue claimed (cash received).
 */
import { poolDaily, utilizationReport } from 'ponder:schema';
import { sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { bucket, seriesQuery, type Interval, type SQL } from './series';

export const poolSeriesQuery = z
  .object({ metric: z.enum(['revenue', 'tvl', 'yield', 'utilization', 'cash']) })
  .extend(seriesQuery(180).shape);

type Query = z.infer<typeof poolSeriesQuery>;

/** The series of `q.metric` for the pool at `address` on chain `chainId`, from day `from` to day `to`. */
export function poolSeriesSql(chainId: number, address: Address, from: number, to: number, q: Query): SQL {
  const days = sql`generate_series(${from}::int, ${to}::int) as g(day)`;
  const lastDaily = (column: Parameters<typeof sql>[1]) =>
    sql`(select ${column} from ${poolDaily} where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${address} and ${poolDaily.day} <= g.day order by ${poolDaily.day} desc limit 1)`;
  switch (q.metric) {
    case 'revenue':
    case 'cash':
      return sql`select ${bucket(q.interval, sql`g.day`)} as bucket,
          coalesce(sum(d.revenue_net), 0) as revenue_net, coalesce(sum(d.revenue_gross), 0) as revenue_gross,
          coalesce(sum(d.revenue_claimed), 0) as revenue_claimed
        from ${days} left join ${poolDaily} d on d.chain_id = ${chainId} and d.pool = ${address} and d.day = g.day
        group by 1 order by 1`;
    case 'tvl':
      return sql`select bucket, (array_agg(total_assets order by day desc))[1] as total_assets,
          (array_agg(outstanding order by day desc))[1] as outstanding_principal,
          (array_agg(idle order by day desc))[1] as idle
        from (select g.day, ${bucket(q.interval, sql`g.day`)} as bucket, ${lastDaily(poolDaily.totalAssets)} as total_assets,
          ${lastDaily(poolDaily.outstandingPrincipal)} as outstanding, ${lastDaily(poolDaily.idle)} as idle from ${days}) s
        group by bucket order by bucket`;
    case 'yield':
      return yieldSeriesSql(chainId, address, from, to, q.interval);
    case 'utilization':
      return sql`select ${bucket(q.interval, sql`${utilizationReport.day}`)} as bucket,
          avg(${utilizationReport.utilizationBps})::float / 10000 as utilization
        from ${utilizationReport}
        where ${utilizationReport.chainId} = ${chainId} and ${utilizationReport.pool} = ${address} and ${utilizationReport.day} >= ${from}
        group by 1 order by 1`;
  }
}

/** Trailing 7- and 30-day real yield at the end of each bucket, per the one definition (real-yield.ts). */
function yieldSeriesSql(chainId: number, address: Address, from: number, to: number, size: Interval): SQL {
  return sql`
    with principal as (
      select g.day, coalesce((select ${poolDaily.totalAssets} from ${poolDaily}
        where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${address}
        and ${poolDaily.day} <= g.day order by ${poolDaily.day} desc limit 1), 0)::numeric as p
      from generate_series(${from - 29}::int, ${to}::int) g(day)
    ), revenue as (
      select g.day, coalesce((select ${poolDaily.revenueNet} from ${poolDaily}
        where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${address} and ${poolDaily.day} = g.day), 0)::numeric as r
      from generate_series(${from - 29}::int, ${to}::int) g(day)
    ), windowed as (
      select principal.day,
        (sum(r) over w7 * 365.0 / nullif(sum(p) over w7, 0))::float8 as yield_7d,
        (sum(r) over w30 * 365.0 / nullif(sum(p) over w30, 0))::float8 as yield_30d
      from principal join revenue using (day)
      window w7 as (order by principal.day rows between 6 preceding and current row),
             w30 as (order by principal.day rows between 29 preceding and current row)
    )
    select ${bucket(size, sql`day`)} as bucket,
      (array_agg(yield_7d order by day desc))[1] as yield_7d, (array_agg(yield_30d order by day desc))[1] as yield_30d
    from windowed where day >= ${from} group by 1 order by 1`;
}
