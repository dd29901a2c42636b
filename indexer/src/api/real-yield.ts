import { sql } from 'ponder';
import { poolDaily, revenueDistribution, assetDaily } from 'ponder:schema';

type SQL = ReturnType<typeof sql>;

/**
 * Real yield, defined once for the whole product:
 *
 *   real yield over a window = net revenue distributed in the window × 365 ÷ principal-days in the window
 *
 * where principal-days is the sum, over each UTC day of the window, of the pool's principal (totalAssets:
 * idle plus outstanding, net of write-downs) at the end of that day, carried forward from its last change.
 * Days before the pool held any principal add nothing, so a young pool is measured on the days it has
 * existed. Equivalently: net revenue ÷ time-weighted average principal, annualised by 365 ÷ days. Net
 * revenue is after the protocol fee; revenue never changes the share price, so this is the whole return
 * but for write-downs. Windows: trailing 7 and 30 days, and since inception.
 *
 * Returned as a float fraction (0.12 = 12 % a year); null when there were no principal-days.
 */
export function poolRealYieldSql(poolAddress: SQL, fromDay: number, toDay: number): SQL {
  return sql`(
    select case when pd.principal_days > 0 then ((rev.net * 365.0) / pd.principal_days)::float8 else null end
    from (
      select coalesce(sum(${revenueDistribution.netAmount}), 0)::numeric as net
      from ${revenueDistribution}
      where ${revenueDistribution.pool} = ${poolAddress} and ${revenueDistribution.day} between ${fromDay} and ${toDay}
    ) rev,
    (
      select coalesce(sum((
        select ${poolDaily.totalAssets} from ${poolDaily}
        where ${poolDaily.pool} = ${poolAddress} and ${poolDaily.day} <= g.day
        order by ${poolDaily.day} desc limit 1
      )), 0)::numeric as principal_days
      from generate_series(${fromDay}::int, ${toDay}::int) as g(day)
    ) pd
  )`;
}

/** The same definition for one machine group: its net revenue ÷ its outstanding principal-days. */
export function assetRealYieldSql(assetId: SQL, fromDay: number, toDay: number): SQL {
  return sql`(
    select case when pd.principal_days > 0 then ((rev.net * 365.0) / pd.principal_days)::float8 else null end
    from (
      select coalesce(sum(${assetDaily.revenueNet}), 0)::numeric as net
      from ${assetDaily}
      where ${assetDaily.assetId} = ${assetId} and ${assetDaily.day} between ${fromDay} and ${toDay}
    ) rev,
    (
      select coalesce(sum((
        select ${assetDaily.outstanding} from ${assetDaily}
        where ${assetDaily.assetId} = ${assetId} and ${assetDaily.day} <= g.day
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
