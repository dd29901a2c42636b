import { db } from 'ponder:api';
import schema, {
  allowlist,
  asset,
  assetDaily,
  assetStatusChange,
  capitalEvent,
  delayedAction,
  pool,
  poolDaily,
  position,
  project,
  revenueDistribution,
  utilizationReport,
} from 'ponder:schema';
import { Hono, type Context } from 'hono';
import { and, asc, client, desc, eq, graphql, inArray, replaceBigInts, sql } from 'ponder';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import { claimableAt, previewAccrual } from '../revenue-accumulator';
import { responseCache } from './response-cache';
import { assetRealYieldSql, poolPrincipalDaysSql, poolRealYieldSql, windowDays } from './real-yield';

const app = new Hono();

// Generic access for tools and ad-hoc questions.
app.use('/sql/*', client({ db, schema }));
app.use('/graphql', graphql({ db, schema }));

// ─── Plumbing ────────────────────────────────────────────────────────────────────────────────────────

class BadRequest extends Error {}

type Indexed = { block: bigint; timestamp: bigint; day: number };

async function latestCheckpoint(): Promise<string> {
  const rows = await db.execute(sql`select latest_checkpoint from _ponder_checkpoint limit 1`);
  return String((rows.rows[0] as { latest_checkpoint?: string } | undefined)?.latest_checkpoint ?? '');
}

/** The block the indexer has reached: every answer carries it, so the app can say how fresh a figure is. */
async function indexedBlock(): Promise<Indexed> {
  const checkpoint = await latestCheckpoint();
  if (checkpoint.length < 42) return { block: 0n, timestamp: 0n, day: 0 };
  // Ponder's checkpoint: 10 digits of block timestamp, 16 of chain id, 16 of block number, ...
  const timestamp = BigInt(checkpoint.slice(0, 10));
  return { block: BigInt(checkpoint.slice(26, 42)), timestamp, day: Number(timestamp / 86_400n) };
}

/** JSON with bigints as decimal strings (exact to the base unit) and the indexed block. */
function reply(c: Context, indexed: Indexed, body: Record<string, unknown>, status: 200 | 404 = 200) {
  return c.json(
    replaceBigInts({ ...body, indexed: { block: indexed.block, timestamp: indexed.timestamp } }, (v) =>
      v.toString(),
    ) as object,
    status,
  );
}

function parseAddress(raw: string | undefined, what: string): Address {
  if (!raw || !isAddress(raw, { strict: false })) {
    throw new BadRequest(`"${raw ?? ''}" is not ${what} address (0x followed by 40 hex digits)`);
  }
  return getAddress(raw).toLowerCase() as Address;
}

function parseQuery<T extends z.ZodType>(c: Context, schemaOf: T): z.infer<T> {
  const parsed = schemaOf.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadRequest(`${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  return parsed.data;
}

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const interval = z.enum(['day', 'week', 'month']).default('day');

// After the 400s are decided (they are cheap) and before any query: see response-cache.ts.
app.use('/api/*', responseCache({ readCheckpoint: latestCheckpoint }));

app.onError((error, c) => {
  if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
  console.error(error);
  return c.json({ error: 'internal error' }, 500);
});

// ─── Protocol ────────────────────────────────────────────────────────────────────────────────────────

app.get('/api/status', async (c) => reply(c, await indexedBlock(), {}));

app.get('/api/protocol', async (c) => {
  const indexed = await indexedBlock();
  const { d30 } = windowDays(indexed.day);
  const [totals] = (
    await db.execute(sql`
      select p.tvl, p.outstanding_principal, p.revenue_net, p.revenue_claimed, p.written_down, p.provisions, p.recovered,
        (select coalesce(sum(${poolDaily.revenueNet}), 0) from ${poolDaily}
          where ${poolDaily.day} between ${d30[0]} and ${d30[1]}) as revenue_net_30d,
        p.pools, a.machines_financed, a.units_financed,
        (select count(distinct ${position.account}) from ${position} where ${position.shares} > 0) as investors,
        (select coalesce(sum(${poolPrincipalDaysSql(sql`pp.address`, d30[0], d30[1])}), 0) from ${pool} pp) as principal_days_30d
      from (
        select coalesce(sum(${pool.totalAssets}), 0) as tvl, coalesce(sum(${pool.outstandingPrincipal}), 0) as outstanding_principal,
          coalesce(sum(${pool.revenueNet}), 0) as revenue_net, coalesce(sum(${pool.revenueClaimed}), 0) as revenue_claimed,
          coalesce(sum(${pool.writtenDownTotal}), 0) as written_down, coalesce(sum(${pool.totalProvisions}), 0) as provisions,
          coalesce(sum(${pool.recoveredTotal}), 0) as recovered, count(*) as pools
        from ${pool}
      ) p, (
        select count(*) as machines_financed, coalesce(sum(${asset.units}), 0) as units_financed
        from ${asset} where ${asset.deployed} > 0
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

app.get('/api/protocol/series', async (c) => {
  const indexed = await indexedBlock();
  const q = parseQuery(c, z.object({ interval, days: z.coerce.number().int().min(7).max(3650).default(365) }));
  const from = indexed.day - q.days + 1;
  const rows = await db.execute(sql`
    select ${bucket(q.interval, sql`${revenueDistribution.day}`)} as bucket,
      sum(${revenueDistribution.netAmount}) as revenue_net, sum(${revenueDistribution.grossAmount}) as revenue_gross
    from ${revenueDistribution} where ${revenueDistribution.day} >= ${from}
    group by 1 order by 1`);
  return reply(c, indexed, { interval: q.interval, series: rows.rows.map(toSeriesPoint) });
});

// ─── Pools ───────────────────────────────────────────────────────────────────────────────────────────

const poolListQuery = z.object({
  category: z.enum(['compute', 'robotics']).optional(),
  status: z.enum(['raising', 'active', 'closed']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['yield', 'tvl', 'utilization', 'depositors', 'name', 'created']).default('tvl'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: limit(200, 50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Pool figures the lists and headers show: yields per the one definition, utilization over 30 days. */
function poolFigures(indexed: Indexed) {
  const { d7, d30 } = windowDays(indexed.day);
  const created = sql`(${pool.createdAt} / 86400)::int`;
  return {
    yield7d: sql<number | null>`${poolRealYieldSql(sql`${pool.address}`, d7[0], d7[1])}`.as('yield_7d'),
    yield30d: sql<number | null>`${poolRealYieldSql(sql`${pool.address}`, d30[0], d30[1])}`.as('yield_30d'),
    yieldSinceInception: sql<number | null>`(
      select case when pd.principal_days > 0 then ((${pool.revenueNet}::numeric * 365.0) / pd.principal_days)::float8 else null end
      from (select ${poolPrincipalDaysSql(sql`${pool.address}`, created, indexed.day)} as principal_days) pd
    )`.as('yield_since_inception'),
    utilization30d: sql<number | null>`(
      select avg(${utilizationReport.utilizationBps})::float / 10000 from ${utilizationReport}
      where ${utilizationReport.pool} = ${pool.address} and ${utilizationReport.day} between ${d30[0]} and ${d30[1]}
    )`.as('utilization_30d'),
    assets: sql<number>`(select count(*) from ${asset} where ${asset.pool} = ${pool.address})::int`.as('asset_count'),
    projectName: sql<string>`(select ${project.name} from ${project} where ${project.id} = ${pool.projectId})`.as(
      'project_name',
    ),
  };
}

app.get('/api/pools', async (c) => {
  const indexed = await indexedBlock();
  const q = parseQuery(c, poolListQuery);
  const figures = poolFigures(indexed);
  const filters = [
    q.category ? eq(pool.category, q.category) : undefined,
    q.status ? eq(pool.status, q.status) : undefined,
    q.q ? sql`(${pool.name} ilike ${`%${q.q}%`} or ${pool.symbol} ilike ${`%${q.q}%`})` : undefined,
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
    .select({ pool, ...figures })
    .from(pool)
    .where(where)
    .orderBy(sql`${sortColumn} ${direction}`, asc(pool.address))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(pool)
    .where(where)) as [{ total: number }];
  return reply(c, indexed, {
    pools: rows.map(({ pool: row, ...rest }) => ({ ...row, ...rest })),
    total,
    limit: q.limit,
    offset: q.offset,
  });
});

app.get('/api/pools/:address', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const [row] = await db
    .select({ pool, ...poolFigures(indexed) })
    .from(pool)
    .where(eq(pool.address, address));
  if (!row) return reply(c, indexed, { error: `no pool at ${address}` }, 404);
  const { pool: p, ...figures } = row;
  const [owner] = await db.select().from(project).where(eq(project.id, p.projectId));
  return reply(c, indexed, {
    pool: {
      ...p,
      ...figures,
      // Released to holders but not yet claimed, and still streaming, as of the indexed block.
      revenueStreaming: previewRemaining(p, indexed.timestamp),
    },
    project: owner ?? null,
  });
});

/** FinancingPool.streamingRevenue at `now`. */
function previewRemaining(p: typeof pool.$inferSelect, now: bigint): bigint {
  return previewAccrual(p, now, p.totalSupply).streamRemaining;
}

app.get('/api/pools/:address/assets', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const { d30 } = windowDays(indexed.day);
  // Qualified by hand: inside a sub-select drizzle writes a bare "id", which asset_daily has too (text).
  const assetId = sql.raw('"asset"."id"');
  const rows = await db
    .select({
      asset,
      yield30d: sql<number | null>`${assetRealYieldSql(assetId, d30[0], d30[1])}`,
      revenueNet30d: sql<string>`(select coalesce(sum(${assetDaily.revenueNet}), 0) from ${assetDaily}
        where ${assetDaily.assetId} = ${assetId} and ${assetDaily.day} between ${d30[0]} and ${d30[1]})`,
      utilization30d: sql<
        number | null
      >`(select avg(${utilizationReport.utilizationBps})::float / 10000 from ${utilizationReport}
        where ${utilizationReport.assetId} = ${assetId} and ${utilizationReport.day} between ${d30[0]} and ${d30[1]})`,
    })
    .from(asset)
    .where(eq(asset.pool, address))
    .orderBy(asc(asset.id));
  return reply(c, indexed, {
    assets: rows.map(({ asset: a, revenueNet30d, ...rest }) => ({
      ...a,
      outstanding: a.deployed - a.repaid - a.writtenDown,
      revenueNet30d: BigInt(revenueNet30d),
      ...rest,
    })),
  });
});

const seriesQuery = z.object({
  metric: z.enum(['revenue', 'tvl', 'yield', 'utilization', 'cash']),
  interval,
  days: z.coerce.number().int().min(7).max(3650).default(180),
});

function bucket(size: 'day' | 'week' | 'month', day: SQLish) {
  if (size === 'day') return sql`${day}`;
  return sql`(extract(epoch from date_trunc(${size}, to_timestamp(${day}::bigint * 86400) at time zone 'UTC')) / 86400)::int`;
}
type SQLish = ReturnType<typeof sql>;

function toSeriesPoint(row: Record<string, unknown>) {
  const out: Record<string, unknown> = { day: Number(row.bucket) };
  for (const [key, value] of Object.entries(row)) {
    if (key === 'bucket') continue;
    out[key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())] =
      value === null ? null : typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : value;
  }
  return out;
}

/**
 * A pool's time series. revenue: net and gross distributed per bucket; tvl: end-of-bucket principal,
 * outstanding and idle; yield: trailing 7- and 30-day real yield at each bucket's end; utilization:
 * average reported utilization; cash: revenue distributed versus revenue claimed (cash received).
 */
app.get('/api/pools/:address/series', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const q = parseQuery(c, seriesQuery);
  const from = indexed.day - q.days + 1;
  const days = sql`generate_series(${from}::int, ${indexed.day}::int) as g(day)`;
  const lastDaily = (column: Parameters<typeof sql>[1]) =>
    sql`(select ${column} from ${poolDaily} where ${poolDaily.pool} = ${address} and ${poolDaily.day} <= g.day order by ${poolDaily.day} desc limit 1)`;
  let query: SQLish;
  switch (q.metric) {
    case 'revenue':
    case 'cash':
      query = sql`select ${bucket(q.interval, sql`g.day`)} as bucket,
          coalesce(sum(d.revenue_net), 0) as revenue_net, coalesce(sum(d.revenue_gross), 0) as revenue_gross,
          coalesce(sum(d.revenue_claimed), 0) as revenue_claimed
        from ${days} left join ${poolDaily} d on d.pool = ${address} and d.day = g.day
        group by 1 order by 1`;
      break;
    case 'tvl':
      query = sql`select bucket, (array_agg(total_assets order by day desc))[1] as total_assets,
          (array_agg(outstanding order by day desc))[1] as outstanding_principal,
          (array_agg(idle order by day desc))[1] as idle
        from (select g.day, ${bucket(q.interval, sql`g.day`)} as bucket, ${lastDaily(poolDaily.totalAssets)} as total_assets,
          ${lastDaily(poolDaily.outstandingPrincipal)} as outstanding, ${lastDaily(poolDaily.idle)} as idle from ${days}) s
        group by bucket order by bucket`;
      break;
    case 'yield':
      query = yieldSeriesSql(address, from, indexed.day, q.interval);
      break;
    case 'utilization':
      query = sql`select ${bucket(q.interval, sql`${utilizationReport.day}`)} as bucket,
          avg(${utilizationReport.utilizationBps})::float / 10000 as utilization
        from ${utilizationReport} where ${utilizationReport.pool} = ${address} and ${utilizationReport.day} >= ${from}
        group by 1 order by 1`;
      break;
  }
  const rows = await db.execute(query);
  return reply(c, indexed, { metric: q.metric, interval: q.interval, series: rows.rows.map(toSeriesPoint) });
});

/** Trailing 7- and 30-day real yield at the end of each bucket, per the one definition (real-yield.ts). */
function yieldSeriesSql(address: Address, from: number, to: number, size: 'day' | 'week' | 'month'): SQLish {
  return sql`
    with principal as (
      select g.day, coalesce((select ${poolDaily.totalAssets} from ${poolDaily} where ${poolDaily.pool} = ${address}
        and ${poolDaily.day} <= g.day order by ${poolDaily.day} desc limit 1), 0)::numeric as p
      from generate_series(${from - 29}::int, ${to}::int) g(day)
    ), revenue as (
      select g.day, coalesce((select ${poolDaily.revenueNet} from ${poolDaily}
        where ${poolDaily.pool} = ${address} and ${poolDaily.day} = g.day), 0)::numeric as r
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

app.get('/api/pools/:address/activity', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const q = parseQuery(c, z.object({ limit: limit(200, 20) }));
  const rows = await db.execute(activitySql(sql`pool = ${address}`, q.limit));
  return reply(c, indexed, { activity: rows.rows.map(toActivity) });
});

app.get('/api/pools/:address/redemptions', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const rows = await db.execute(redemptionsSql(sql`r.pool = ${address}`, sql`r.request_id asc`));
  const [owner] = await db.select().from(pool).where(eq(pool.address, address));
  if (!owner) return reply(c, indexed, { error: `no pool at ${address}` }, 404);
  // What the queue waits for: idle cash now, and principal coming back (repayments of the last 90 days).
  const since = indexed.timestamp - 90n * 86_400n;
  const [repaid] = (
    await db.execute(sql`select coalesce(sum(${capitalEvent.amount}), 0) as repaid from ${capitalEvent}
      where ${capitalEvent.pool} = ${address} and ${capitalEvent.kind} = 'repayment' and ${capitalEvent.timestamp} > ${since}`)
  ).rows as { repaid: string }[];
  return reply(c, indexed, {
    queue: {
      idle: owner.idle,
      // Filled and not yet claimed: set aside for controllers, no longer in idle.
      reservedForRedemptions: owner.reservedForRedemptions,
      pendingShares: (rows.rows as { pending_shares: string }[]).reduce((sum, r) => sum + BigInt(r.pending_shares), 0n),
      repaidLast90Days: BigInt(repaid?.repaid ?? '0'),
    },
    redemptions: rows.rows.map(toRedemption),
  });
});

/**
 * Redemption requests with their place in the queue: the shares of older requests still pending ahead of
 * them (what FinancingPool.sharesAheadOf says) and their position among waiting requests.
 */
function redemptionsSql(where: SQLish, orderBy: SQLish): SQLish {
  return sql`select r.*,
      (select coalesce(sum(r2.pending_shares), 0) from redemption_request r2
        where r2.pool = r.pool and r2.request_id < r.request_id and r2.pending_shares > 0) as shares_ahead,
      (select count(*) from redemption_request r2
        where r2.pool = r.pool and r2.request_id < r.request_id and r2.pending_shares > 0)::int + 1 as queue_position
    from redemption_request r where ${where} order by ${orderBy}`;
}

function toRedemption(row: Record<string, unknown>) {
  const r = camelRow(row) as Record<string, unknown> & { pendingShares: bigint };
  const waiting = r.pendingShares > 0n;
  return { ...r, sharesAhead: waiting ? r.sharesAhead : 0n, queuePosition: waiting ? r.queuePosition : null };
}

// ─── Machines and operators ──────────────────────────────────────────────────────────────────────────

app.get('/api/assets/:id', async (c) => {
  const indexed = await indexedBlock();
  const id = z.coerce.bigint().positive().safeParse(c.req.param('id'));
  if (!id.success) throw new BadRequest(`"${c.req.param('id')}" is not an asset id (a positive whole number)`);
  const [machine] = await db.select().from(asset).where(eq(asset.id, id.data));
  if (!machine) return reply(c, indexed, { error: `no asset ${id.data}` }, 404);
  const { d30 } = windowDays(indexed.day);
  const [figures] = (await db.execute(sql`select ${assetRealYieldSql(sql`${id.data}`, d30[0], d30[1])} as yield_30d`))
    .rows as { yield_30d: number | null }[];
  const [owner] = await db.select().from(pool).where(eq(pool.address, machine.pool));
  const statusHistory = await db
    .select()
    .from(assetStatusChange)
    .where(eq(assetStatusChange.assetId, id.data))
    .orderBy(asc(assetStatusChange.timestamp));
  const capital = await db
    .select()
    .from(capitalEvent)
    .where(eq(capitalEvent.assetId, id.data))
    .orderBy(asc(capitalEvent.blockNumber), asc(capitalEvent.logIndex));
  return reply(c, indexed, {
    asset: {
      ...machine,
      outstanding: machine.deployed - machine.repaid - machine.writtenDown,
      yield30d: figures?.yield_30d ?? null,
    },
    pool: owner ? { address: owner.address, name: owner.name, symbol: owner.symbol, category: owner.category } : null,
    statusHistory,
    capital,
  });
});

app.get('/api/assets/:id/series', async (c) => {
  const indexed = await indexedBlock();
  const id = z.coerce.bigint().positive().safeParse(c.req.param('id'));
  if (!id.success) throw new BadRequest(`"${c.req.param('id')}" is not an asset id (a positive whole number)`);
  const q = parseQuery(c, z.object({ interval, days: z.coerce.number().int().min(7).max(3650).default(180) }));
  const from = indexed.day - q.days + 1;
  const rows = await db.execute(sql`
    select ${bucket(q.interval, sql`g.day`)} as bucket, coalesce(sum(d.revenue_net), 0) as revenue_net,
      avg(d.utilization_bps)::float / 10000 as utilization
    from generate_series(${from}::int, ${indexed.day}::int) g(day)
    left join ${assetDaily} d on d.asset_id = ${id.data} and d.day = g.day
    group by 1 order by 1`);
  return reply(c, indexed, { interval: q.interval, series: rows.rows.map(toSeriesPoint) });
});

app.get('/api/projects', async (c) => {
  const indexed = await indexedBlock();
  const rows = await db.execute(sql`
    select pr.*, count(distinct p.address)::int as pool_count,
      (select count(*) from asset a join pool p2 on p2.address = a.pool where p2.project_id = pr.id)::int as asset_count,
      coalesce(sum(p.total_assets), 0) as tvl, coalesce(sum(p.revenue_net), 0) as revenue_net,
      coalesce(sum(p.written_down_total), 0) as written_down, coalesce(sum(p.repaid_total), 0) as repaid
    from project pr left join pool p on p.project_id = pr.id
    group by pr.id order by pr.id`);
  return reply(c, indexed, { projects: rows.rows.map(camelRow) });
});

app.get('/api/projects/:id', async (c) => {
  const indexed = await indexedBlock();
  const id = z.coerce.bigint().positive().safeParse(c.req.param('id'));
  if (!id.success) throw new BadRequest(`"${c.req.param('id')}" is not a project id (a positive whole number)`);
  const [owner] = await db.select().from(project).where(eq(project.id, id.data));
  if (!owner) return reply(c, indexed, { error: `no project ${id.data}` }, 404);
  const pools = await db
    .select({ pool, ...poolFigures(indexed) })
    .from(pool)
    .where(eq(pool.projectId, id.data))
    .orderBy(asc(pool.createdAtBlock));
  const addresses = pools.map((p) => p.pool.address);
  const machines = addresses.length
    ? await db.select().from(asset).where(inArray(asset.pool, addresses)).orderBy(asc(asset.id))
    : [];
  return reply(c, indexed, {
    project: owner,
    pools: pools.map(({ pool: row, ...rest }) => ({ ...row, ...rest })),
    assets: machines.map((m) => ({ ...m, outstanding: m.deployed - m.repaid - m.writtenDown })),
  });
});

// ─── Allowlists and delayed actions ──────────────────────────────────────────────────────────────────

/** A permissioned pool's allowlist as the AllowlistUpdated events left it (removed accounts included). */
app.get('/api/pools/:address/allowlist', async (c) => {
  const indexed = await indexedBlock();
  const address = parseAddress(c.req.param('address'), 'a pool');
  const [owner] = await db.select().from(pool).where(eq(pool.address, address));
  if (!owner) return reply(c, indexed, { error: `no pool at ${address}` }, 404);
  const rows = await db.select().from(allowlist).where(eq(allowlist.pool, address)).orderBy(asc(allowlist.account));
  return reply(c, indexed, { permissioned: owner.permissioned, allowlist: rows });
});

const delayedActionsQuery = z.object({
  status: z.enum(['pending', 'executed', 'cancelled']).optional(),
  limit: limit(500, 100),
});

/** Calls scheduled on the protocol timelock, newest first; `pool` set when the target is a pool. */
async function delayedActions(c: Context, poolAddress: Address | undefined) {
  const indexed = await indexedBlock();
  const q = parseQuery(c, delayedActionsQuery);
  const filters = [
    poolAddress ? eq(delayedAction.pool, poolAddress) : undefined,
    q.status ? eq(delayedAction.status, q.status) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select()
    .from(delayedAction)
    .where(filters.length > 0 ? and(...(filters as Parameters<typeof and>)) : undefined)
    .orderBy(desc(delayedAction.scheduledAtBlock), asc(delayedAction.id))
    .limit(q.limit);
  return reply(c, indexed, {
    actions: rows.map((row) => ({ ...row, args: row.args === null ? null : (JSON.parse(row.args) as unknown) })),
  });
}

app.get('/api/delayed-actions', async (c) => delayedActions(c, undefined));

app.get('/api/pools/:address/delayed-actions', async (c) =>
  delayedActions(c, parseAddress(c.req.param('address'), 'a pool')),
);

// ─── Accounts ────────────────────────────────────────────────────────────────────────────────────────

/** Several addresses at once: `?addresses=0x..,0x..` (up to 20). */
function accountList(c: Context): Address[] {
  const raw = c.req.param('address') ?? c.req.query('addresses') ?? '';
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new BadRequest('give an account address, or ?addresses= with up to 20, comma-separated');
  if (list.length > 20) throw new BadRequest('at most 20 addresses at once');
  return [...new Set(list.map((a) => parseAddress(a, 'an account')))];
}

async function positionsOf(accounts: Address[], indexed: Indexed) {
  const rows = await db
    .select({ position, pool })
    .from(position)
    .innerJoin(pool, eq(pool.address, position.pool))
    .where(
      and(
        inArray(position.account, accounts),
        // Held now, or held once: an exited pool keeps its realised P&L and the yield claimed there.
        sql`(${position.shares} > 0 or ${position.revenueDebt} < 0 or ${position.costBasis} > 0
          or ${position.realisedPnl} <> 0 or ${position.revenueClaimed} > 0)`,
      ),
    )
    .orderBy(asc(position.account), asc(pool.createdAtBlock));
  return rows.map(({ position: pos, pool: p }) => {
    // Exactly what the vault's previewRedeem and claimableRevenue say at the indexed block.
    const value = (pos.shares * (p.totalAssets + 1n)) / (p.totalSupply + 10n ** 12n);
    const claimable = claimableAt(p, pos, pos.shares, p.totalSupply, indexed.timestamp);
    return {
      ...pos,
      poolName: p.name,
      poolSymbol: p.symbol,
      category: p.category,
      poolStatus: p.status,
      value,
      claimableRevenue: claimable,
      unrealisedPnl: value - pos.costBasis,
      totalReturn: value - pos.costBasis + pos.realisedPnl + pos.revenueClaimed + claimable,
    };
  });
}

app.get('/api/accounts/positions', async (c) => {
  const indexed = await indexedBlock();
  return reply(c, indexed, { positions: await positionsOf(accountList(c), indexed) });
});

app.get('/api/accounts/:address/positions', async (c) => {
  const indexed = await indexedBlock();
  return reply(c, indexed, { positions: await positionsOf(accountList(c), indexed) });
});

const historyQuery = z.object({
  kind: z
    .enum([
      'deposit',
      'withdrawal',
      'claim',
      'redemption_request',
      'redemption_fill',
      'redemption_claim',
      'redemption_cancel',
    ])
    .optional(),
  pool: z.string().optional(),
  limit: limit(1000, 100),
});

app.get('/api/accounts/:address/history', async (c) => {
  const indexed = await indexedBlock();
  const accounts = accountList(c);
  const q = parseQuery(c, historyQuery);
  const poolFilter = q.pool ? sql` and pool = ${parseAddress(q.pool, 'a pool')}` : sql``;
  const kindFilter = q.kind ? sql` and kind = ${q.kind}` : sql``;
  const rows =
    await db.execute(sql`select * from (${accountHistorySql(accounts)}) h where true ${poolFilter} ${kindFilter}
    order by block_number desc, log_order desc limit ${q.limit}`);
  return reply(c, indexed, { history: rows.rows.map(toActivity) });
});

app.get('/api/accounts/:address/redemptions', async (c) => {
  const indexed = await indexedBlock();
  const list = sql.join(
    accountList(c).map((a) => sql`${a}`),
    sql`, `,
  );
  const rows = await db.execute(
    redemptionsSql(
      sql`(r.owner in (${list}) or r.controller in (${list}))`,
      sql`r.requested_at_block desc, r.request_id desc`,
    ),
  );
  return reply(c, indexed, { redemptions: rows.rows.map(toRedemption) });
});

// ─── Activity feeds ──────────────────────────────────────────────────────────────────────────────────

/** One shape for every kind of event a pool or an account has: deposits, exits, claims, revenue, capital. */
function activitySql(where: SQLish, rowLimit: number): SQLish {
  return sql`select * from (
    select kind, pool, owner as account, assets as amount, shares, null::numeric as asset_id, block_number, timestamp, tx_hash, log_index as log_order from pool_flow
    union all select 'claim', pool, account, amount, null, null, block_number, timestamp, tx_hash, 0 from revenue_claim
    union all select 'revenue', pool, null, net_amount, null, asset_id, block_number, timestamp, tx_hash, log_index from revenue_distribution
    union all select kind, pool, null, amount, null, asset_id, block_number, timestamp, tx_hash, log_index from capital_event
    union all select 'redemption_request', pool, owner, null, requested_shares, null, requested_at_block, requested_at, tx_hash, 0 from redemption_request
  ) a where ${where} order by block_number desc, log_order desc limit ${rowLimit}`;
}

function accountHistorySql(accounts: Address[]): SQLish {
  const list = sql.join(
    accounts.map((a) => sql`${a}`),
    sql`, `,
  );
  return sql`
    select kind, pool, owner as account, assets as amount, shares, block_number, timestamp, tx_hash, log_index as log_order
      from pool_flow where owner in (${list})
    union all select 'claim', pool, account, amount, null, block_number, timestamp, tx_hash, 0 from revenue_claim where account in (${list})
    union all select 'redemption_request', pool, owner, null, requested_shares, requested_at_block, requested_at, tx_hash, 0
      from redemption_request where owner in (${list})
    union all select kind, pool, owner, assets, shares, block_number, timestamp, tx_hash, log_index
      from redemption_event where owner in (${list}) or controller in (${list})`;
}

function toActivity(row: Record<string, unknown>) {
  return camelRow(row);
}

function camelRow(row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const camel = key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    out[camel] = typeof value === 'string' && /^-?\d+$/.test(value) && camel !== 'txHash' ? BigInt(value) : value;
  }
  return out;
}

export default app;
