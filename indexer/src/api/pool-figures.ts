/** The pool figures the lists and headers show beside the pool's row. */
import { asset, pool, project, utilizationReport } from 'ponder:schema';
import { sql } from 'ponder';
import { poolPrincipalDaysSql, poolRealYieldSql, windowDays } from './real-yield';
import type { Indexed } from './reply';

/** Yields per the one definition (real-yield.ts), utilization over 30 days, the machines and the project. */
export function poolFigures(indexed: Indexed) {
  const { d7, d30 } = windowDays(indexed.day);
  const created = sql`(${pool.createdAt} / 86400)::int`;
  // Qualified by hand: inside a sub-select drizzle writes a bare "chain_id", which every table has.
  const chain = sql.raw('"pool"."chain_id"');
  return {
    yield7d: sql<number | null>`${poolRealYieldSql(chain, sql`${pool.address}`, d7[0], d7[1])}`.as('yield_7d'),
    yield30d: sql<number | null>`${poolRealYieldSql(chain, sql`${pool.address}`, d30[0], d30[1])}`.as('yield_30d'),
    yieldSinceInception: sql<number | null>`(
      select case when pd.principal_days > 0 then ((${pool.revenueNet}::numeric * 365.0) / pd.principal_days)::float8 else null end
      from (select ${poolPrincipalDaysSql(chain, sql`${pool.address}`, created, indexed.day)} as principal_days) pd
    )`.as('yield_since_inception'),
    utilization30d: sql<number | null>`(
      select avg(${utilizationReport.utilizationBps})::float / 10000 from ${utilizationReport}
      where ${utilizationReport.chainId} = ${chain} and ${utilizationReport.pool} = ${pool.address} and ${utilizationReport.day} between ${d30[0]} and ${d30[1]}
    )`.as('utilization_30d'),
    assets:
      sql<number>`(select count(*) from ${asset} where ${asset.chainId} = ${chain} and ${asset.pool} = ${pool.address})::int`.as(
        'asset_count',
      ),
    projectName: sql<string>`(select ${project.name} from ${project}
      where ${project.chainId} = ${chain} and ${project.id} = ${pool.projectId})`.as('project_name'),
  };
}

/** A row selected as `{ pool, ...poolFigures }`, flattened into the shape the API answers. */
export function flattenPool<T extends { pool: typeof pool.$inferSelect }>({ pool: row, ...figures }: T) {
  return { ...row, ...figures };
}
