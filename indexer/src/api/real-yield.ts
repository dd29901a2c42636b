import { sql } from 'ponder';
import { poolDaily, assetDaily } from 'ponder:schema';

type SQL = ReturnType<typeof sql>;

/**
 * Real yield, defined once for the whole product:
 *
 *   real yield over a window = net revenue distributed in the window × 365 ÷ principal-days in the window
 *
 * where principal-days is the sum, over each UTC day of the window, of the pool's principal (totalAssets:
 * idle plus outstanding, net of write-downs and provisions) at the end of that day, carried forward from its last change.
 * Days before the pool held any principal add nothing, so a young pool is measured on the days it has
 * existed. Equivalently: net revenue ÷ time-weighted average principal, annualised by 365 ÷ days. Net
 * revenue is after the protocol fee; revenue never changes the share price, so this is the whole return
 * but for write-downs. Windows: trailing 7 and 30 days, and since inception.
 *
 * Returned as a float fraction (0.12 = 12 % a year); null when there were no principal-days.
 */
export function poolRealYieldSql(chainId: SQL, poolAddress: SQL, fromDay: number, toDay: number): SQL {
  // The day's net revenue is also summed in pool_daily (one row per pool and day): the same total as
  // summing revenue_distribution, read from at most one row per day.
  return sql`(
    select case when pd.principal_days > 0 then ((rev.net * 365.0) / pd.principal_days)::float8 else null end
    from (
      select coalesce(sum(${poolDaily.revenueNet}), 0)::numeric as net
      from ${poolDaily}
      where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${poolAddress}
        and ${poolDaily.day} between ${fromDay} and ${toDay}
    ) rev,
    (select ${poolPrincipalDaysSql(chainId, poolAddress, fromDay, toDay)} as principal_days) pd
  )`;
}

/**
 * Principal-days of a pool from `fromDay` to `toDay` (inclusive): the sum over the days of the principal
 * at each day's end, carried forward from the pool's last pool_daily row at or before that day. Summed
 * from the rows themselves, each weighted by the days it stands for (the last row before the window, and
 * the rows inside it), rather than looked up day by day: the same exact sum, in a few index reads.
 */
export function poolPrincipalDaysSql(chainId: SQL, poolAddress: SQL, fromDay: SQL | number, toDay: SQL | number): SQL {
  const from = sql`(${fromDay})::int`;
  const to = sql`(${toDay})::int`;
  return sql`(
    select coalesce(sum(s.total_assets::numeric * (coalesce(s.next_day, ${to} + 1) - greatest(s.day, ${from}))), 0)::numeric
    from (
      select r.day, r.total_assets, lead(r.day) over (order by r.day) as next_day
      from (
        (select ${poolDaily.day} as day, ${poolDaily.totalAssets} as total_assets from ${poolDaily}
          where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${poolAddress} and ${poolDaily.day} < ${from} order by ${poolDaily.day} desc limit 1)
        union all
        (select ${poolDaily.day}, ${poolDaily.totalAssets} from ${poolDaily}
          where ${poolDaily.chainId} = ${chainId} and ${poolDaily.pool} = ${poolAddress}
            and ${poolDaily.day} between ${from} and ${to})
      ) r
    ) s
    where ${from} <= ${to}
  )`;
}

/** The same definition for one machine group: its net revenue ÷ its outstanding principal-days. */
export function assetRealYieldSql(chainId: SQL, assetId: SQL, fromDay: number, toDay: number): SQL {
  return sql`(
    select case when pd.principal_days > 0 then ((rev.net * 365.0) / pd.principal_days)::float8 else null end
    from (
      select coalesce(sum(${assetDaily.revenueNet}), 0)::numeric as net
      from ${assetDaily}
      where ${assetDaily.chainId} = ${chainId} and ${assetDaily.assetId} = ${assetId}
        and ${assetDaily.day} between ${fromDay} and ${toDay}
    ) rev,
    (
      select coalesce(sum((
        select ${assetDaily.outstanding} from ${assetDaily}
        where ${assetDaily.chainId} = ${chainId} and ${assetDaily.assetId} = ${assetId} and ${assetDaily.day} <= g.day
        order by ${assetDaily.day} desc limit 1
      )), 0)::numeric as principal_days
      from generate_series(${fromDay}::int, ${toDay}::int) as g(day)
    ) pd
  )`;
}

/** Days of the trailing windows ending at `today` (inclusive). */
export function windowDays(today: number) {
  return { d7: [today - 6, today] as const, d30: [today - 29, today] as const };
}
