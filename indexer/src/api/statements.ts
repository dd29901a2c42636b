/**
 * Period statements (`/api/accounts/:a,b,…/statement?from=YYYY-MM-DD&to=YYYY-MM-DD`): for one account or an
 * entity's wallets, on one chain, per pool and wallet the position at the last block before the period and
 * at its last block, every flow, income and loss between (holding-statement.ts), and every transaction of
 * the period. Days are UTC; `to` is included. A period not over yet closes at the indexed block and says so.
 */
import { db, publicClients } from 'ponder:api';
import { sql } from 'ponder';
import type { Address, PublicClient } from 'viem';
import { z } from 'zod';
import { chainName } from '../../indexed-chains';
import {
  EMPTY_HOLDING,
  EMPTY_POOL,
  holdingStatement,
  isEmpty,
  sumLines,
  type Boundary,
  type Holding,
  type HoldingLines,
  type LedgerRow,
  type PoolState,
} from '../holding-statement';
import { camelRow, type Indexed } from './reply';
import type { SQL } from './series';
import { sqlList } from './sql-list';

const DAY = 86_400;

function isoDate(seconds: number): string {
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().slice(0, 10) : '';
}
/** Longest period one statement covers: ten years of days. */
const MAX_DAYS = 3_660;
/** Transactions listed at most; a statement past it says the list was cut. */
export const STATEMENT_TRANSACTION_LIMIT = 5_000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over into March: a day is one that reads back the same.
  .refine((raw) => isoDate(Date.parse(`${raw}T00:00:00Z`) / 1000) === raw, 'not a day of the calendar')
  .transform((raw) => Date.parse(`${raw}T00:00:00Z`) / 1000);

/** `?from=&to=`: the first and last day of the period, UTC, both included. */
export const statementQuery = z
  .object({ from: isoDay, to: isoDay })
  .refine((q) => q.to >= q.from, 'to: the period ends before it starts')
  .refine((q) => (q.to - q.from) / DAY < MAX_DAYS, `the period is longer than ${MAX_DAYS} days`);

/** Block timestamps well below the head never change: kept, so that the next statement's search is cheaper. */
const settledTimes = new Map<string, bigint>();
const SETTLED_DEPTH = 64n;

async function blockTime(client: PublicClient, chainId: number, block: bigint, head: bigint): Promise<bigint> {
  const key = `${chainId}:${block}`;
  const known = settledTimes.get(key);
  if (known !== undefined) return known;
  const { timestamp } = await client.getBlock({ blockNumber: block });
  if (block + SETTLED_DEPTH <= head) {
    if (settledTimes.size >= 20_000) settledTimes.clear();
    settledTimes.set(key, timestamp);
  }
  return timestamp;
}

/**
 * The last block whose time is before `time`, at most the indexed head (by bisection over block headers,
 * which any node serves). Before the chain's first block there is none: the genesis block stands in, and
 * holds nothing of ours.
 */
async function lastBlockBefore(client: PublicClient, chainId: number, time: bigint, head: Boundary): Promise<Boundary> {
  if (head.timestamp < time) return head;
  let lo = 0n;
  let hi = head.block;
  const genesis = await blockTime(client, chainId, 0n, head.block);
  if (genesis >= time) return { block: 0n, timestamp: genesis };
  // Invariant: time(lo) < time <= time(hi).
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if ((await blockTime(client, chainId, mid, head.block)) < time) lo = mid;
    else hi = mid;
  }
  return { block: lo, timestamp: await blockTime(client, chainId, lo, head.block) };
}

type StatementLines = HoldingLines & { pool: Address };

export type Statement = {
  chainId: number;
  from: string;
  to: string;
  opening: Boundary;
  closing: Boundary;
  /** False while the period's last day has not been indexed to its end: the closing is the indexed block. */
  complete: boolean;
  holdings: (StatementLines & { account: Address })[];
  pools: StatementLines[];
  total: HoldingLines;
  transactions: Record<string, unknown>[];
  transactionsTruncated: boolean;
};

/**
 * The smallest Ponder checkpoint after every event of blocks up to `at` on the chain: 10 digits of block time,
 * 16 of chain id, 16 of block number (then transaction and log), so that `id <` it means "at or before `at`".
 */
function checkpointAfter(chainId: number, at: Boundary): string {
  return `${at.timestamp.toString().padStart(10, '0')}${String(chainId).padStart(16, '0')}${(at.block + 1n).toString().padStart(16, '0')}`;
}

async function rows(query: SQL) {
  return (await db.execute(query)).rows.map(camelRow) as Record<string, unknown>[];
}

const poolStateOf = (r: Record<string, unknown>): PoolState => ({
  totalAssets: r.totalAssets as bigint,
  totalSupply: r.totalSupply as bigint,
  accRevenuePerShare: r.accRevenuePerShare as bigint,
  streamRemaining: r.streamRemaining as bigint,
  streamEnd: r.streamEnd as bigint,
  streamUpdatedAt: r.streamUpdatedAt as bigint,
});

export async function periodStatement(
  chainId: number,
  accounts: Address[],
  period: { from: number; to: number },
  indexed: Indexed,
): Promise<Statement> {
  const chain = indexed.chains.find((c) => c.chainId === chainId);
  const head: Boundary = { block: chain?.block ?? 0n, timestamp: chain?.timestamp ?? 0n };
  const start = BigInt(period.from);
  const end = BigInt(period.to + DAY);
  const client = (publicClients as Record<string, PublicClient>)[chainName(chainId)];
  if (!client) throw new Error(`no RPC client for chain ${chainId}`);
  const opening = await lastBlockBefore(client, chainId, start, head);
  const closing = await lastBlockBefore(client, chainId, end, head);

  const who = sqlList(accounts);
  // Every pool the accounts have held up to the close.
  const held = await rows(sql`select distinct pool, account from holding_ledger
    where chain_id = ${chainId} and account in (${who}) and block_number <= ${closing.block}`);
  const poolAddresses = [...new Set(held.map((r) => r.pool as Address))];
  const holdings: Statement['holdings'] = [];
  if (poolAddresses.length > 0) {
    const pools = sqlList(poolAddresses);
    // Each pool's last row at or before the opening, and each holding's at either end: one primary-key probe
    // each (ids are Ponder checkpoints, ordered by block), not a scan of the pool's history.
    const poolList = sql.join(
      poolAddresses.map((p) => sql`(${p})`),
      sql`, `,
    );
    const stateAt = (at: Boundary) =>
      rows(sql`select s.* from (values ${poolList}) as p(pool)
        cross join lateral (select * from pool_ledger where chain_id = ${chainId} and pool = p.pool
          and id < ${checkpointAfter(chainId, at)} order by id desc limit 1) s`);
    const [openingStates, closingStates] = await Promise.all([stateAt(opening), stateAt(closing)]);
    // Only what moves a holding's value (revenue moves no share price), and the accounts' own claims: a busy
    // pool's period is mostly distributions, whose stream the closing state above already carries.
    const periodRows = await rows(sql`select pool, kind, account, counterparty, assets, shares, total_assets,
        total_supply, acc_revenue_per_share, stream_remaining, stream_end, stream_updated_at
      from pool_ledger where chain_id = ${chainId} and pool in (${pools}) and block_number > ${opening.block}
        and block_number <= ${closing.block}
        and (kind not in ('revenue', 'claim') or (kind = 'claim' and account in (${who})))
      order by pool, id`);
    const pairs = sql.join(
      held.map((h) => sql`(${h.pool as string}, ${h.account as string})`),
      sql`, `,
    );
    const holdingAt = (at: Boundary) =>
      rows(sql`select h.pool, h.account, s.shares, s.revenue_debt from (values ${pairs}) as h(pool, account)
        cross join lateral (select shares, revenue_debt from holding_ledger where chain_id = ${chainId}
          and pool = h.pool and account = h.account and id < ${checkpointAfter(chainId, at)}
          order by id desc limit 1) s`);
    const [openingHoldings, closingHoldings] = await Promise.all([holdingAt(opening), holdingAt(closing)]);
    const holdingKey = (r: Record<string, unknown>) => `${r.pool}:${r.account}`;
    const asHolding = (r: Record<string, unknown>): Holding => ({
      shares: r.shares as bigint,
      revenueDebt: r.revenueDebt as bigint,
    });
    const openingHolding = new Map(openingHoldings.map((r) => [holdingKey(r), asHolding(r)]));
    const closingHolding = new Map(closingHoldings.map((r) => [holdingKey(r), asHolding(r)]));
    const openingPool = new Map(openingStates.map((r) => [r.pool as Address, poolStateOf(r)]));
    const closingPool = new Map(closingStates.map((r) => [r.pool as Address, poolStateOf(r)]));
    const rowsOf = new Map<Address, LedgerRow[]>();
    for (const r of periodRows) {
      const pool = r.pool as Address;
      if (!rowsOf.has(pool)) rowsOf.set(pool, []);
      rowsOf.get(pool)!.push({
        ...poolStateOf(r),
        kind: r.kind as LedgerRow['kind'],
        account: (r.account as Address | null) ?? null,
        counterparty: (r.counterparty as Address | null) ?? null,
        assets: r.assets as bigint,
        shares: r.shares as bigint,
      });
    }
    for (const r of held) {
      const key = holdingKey(r);
      const lines = holdingStatement({
        account: r.account as Address,
        opening,
        closing,
        openingPool: openingPool.get(r.pool as Address) ?? EMPTY_POOL,
        openingHolding: openingHolding.get(key) ?? EMPTY_HOLDING,
        rows: rowsOf.get(r.pool as Address) ?? [],
        closingPool: closingPool.get(r.pool as Address) ?? EMPTY_POOL,
        closingHolding: closingHolding.get(key) ?? EMPTY_HOLDING,
      });
      if (!isEmpty(lines)) holdings.push({ account: r.account as Address, pool: r.pool as Address, ...lines });
    }
  }
  holdings.sort((a, b) => a.pool.localeCompare(b.pool) || accounts.indexOf(a.account) - accounts.indexOf(b.account));
  const pools = [...new Set(holdings.map((h) => h.pool))].map((pool) => ({
    pool,
    ...sumLines(holdings.filter((h) => h.pool === pool)),
  }));

  const transactions = await rows(periodTransactionsSql(chainId, accounts, opening.block, closing.block));
  return {
    chainId,
    from: isoDate(period.from),
    to: isoDate(period.to),
    opening,
    closing,
    complete: head.timestamp >= end,
    holdings,
    pools,
    total: sumLines(holdings),
    transactions: transactions.slice(0, STATEMENT_TRANSACTION_LIMIT),
    transactionsTruncated: transactions.length > STATEMENT_TRANSACTION_LIMIT,
  };
}

/**
 * Every transaction of the accounts in the period, oldest first: deposits and instant exits, revenue claims,
 * exit requests, fills, claims and cancels, and shares sent or received. One past the limit is read, to know.
 */
function periodTransactionsSql(chainId: number, accounts: Address[], after: bigint, upTo: bigint): SQL {
  const who = sqlList(accounts);
  return sql`select * from (
    select kind::text as kind, pool, owner as account, null as counterparty, assets as amount, shares,
        block_number, timestamp, tx_hash, log_index as log_order
      from pool_flow where chain_id = ${chainId} and owner in (${who})
    union all select 'claim', pool, account, receiver, amount, null, block_number, timestamp, tx_hash, 0
      from revenue_claim where chain_id = ${chainId} and account in (${who})
    union all select 'redemption_request', pool, owner, controller, null, requested_shares, requested_at_block,
        requested_at, tx_hash, 0
      from redemption_request where chain_id = ${chainId} and owner in (${who})
    union all select kind::text, pool, owner, controller, assets, shares, block_number, timestamp, tx_hash, log_index
      from redemption_event where chain_id = ${chainId} and (owner in (${who}) or controller in (${who}))
    union all select 'transfer_out', pool, account, counterparty, null, shares, block_number, timestamp, tx_hash,
        log_index
      from pool_ledger where chain_id = ${chainId} and kind = 'transfer' and account in (${who})
    union all select 'transfer_in', pool, counterparty, account, null, shares, block_number, timestamp, tx_hash,
        log_index
      from pool_ledger where chain_id = ${chainId} and kind = 'transfer' and counterparty in (${who})
  ) t where block_number > ${after} and block_number <= ${upTo}
    order by block_number, log_order limit ${STATEMENT_TRANSACTION_LIMIT + 1}`;
}
