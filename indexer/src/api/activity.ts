/** Activity feeds: every kind of event a pool or an account has, in one shape, newest first. */
import { sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import type { SQL } from './series';
import { address, limit } from './validation';
import { sqlList } from './sql-list';
import { HISTORY_KINDS } from '../../../lib/portfolio/history-kinds';

// Kinds are enums of different tables: as text, so that they unite with each other and with the literals.

/** A pool's deposits, exits, claims, revenue, capital movements and redemption requests. */
export function poolActivitySql(chainId: number, pool: Address, rowLimit: number): SQL {
  return sql`select * from (
    select chain_id, kind::text as kind, pool, owner as account, assets as amount, shares, null::numeric as asset_id, block_number, timestamp, tx_hash, log_index as log_order from pool_flow
    union all select chain_id, 'claim', pool, account, amount, null, null, block_number, timestamp, tx_hash, 0 from revenue_claim
    union all select chain_id, 'revenue', pool, null, net_amount, null, asset_id, block_number, timestamp, tx_hash, log_index from revenue_distribution
    union all select chain_id, kind::text as kind, pool, null, amount, null, asset_id, block_number, timestamp, tx_hash, log_index from capital_event
    union all select chain_id, 'redemption_request', pool, owner, null, requested_shares, null, requested_at_block, requested_at, tx_hash, 0 from redemption_request
  ) a where chain_id = ${chainId} and pool = ${pool} order by block_number desc, log_order desc limit ${rowLimit}`;
}

export const historyQuery = z.object({
  kind: z.enum(HISTORY_KINDS).optional(),
  pool: address('a pool').optional(),
  limit: limit(1000, 100),
});

/**
 * What the accounts did on the chains, as owners or as controllers of queued exits, filtered by `q`: newest
 * first by block time, which orders events across chains (block numbers of two chains do not compare); on
 * one chain that is block order, and within a block the log's.
 */
export function accountHistorySql(
  chainIds: readonly number[],
  accounts: Address[],
  q: z.infer<typeof historyQuery>,
): SQL {
  const list = sqlList(accounts);
  const chains = sqlList(chainIds);
  const poolFilter = q.pool ? sql` and pool = ${q.pool}` : sql``;
  const kindFilter = q.kind ? sql` and kind = ${q.kind}` : sql``;
  // A tranche's rows name their tranched pool as `pool` and their side as `tranche`; a pool's have no tranche.
  return sql`select * from (
    select chain_id, kind::text as kind, pool, null::text as tranche, owner as account, assets as amount, shares, block_number, timestamp, tx_hash, log_index as log_order
      from pool_flow where owner in (${list})
    union all select chain_id, 'claim', pool, null, account, amount, null, block_number, timestamp, tx_hash, 0 from revenue_claim where account in (${list})
    union all select chain_id, 'redemption_request', pool, null, owner, null, requested_shares, requested_at_block, requested_at, tx_hash, 0
      from redemption_request where owner in (${list})
    union all select chain_id, kind::text as kind, pool, null, owner, assets, shares, block_number, timestamp, tx_hash, log_index
      from redemption_event where owner in (${list}) or controller in (${list})
    union all select chain_id, kind::text as kind, pool, side::text, account, amount, shares, block_number, timestamp, tx_hash, log_index
      from tranche_flow where account in (${list}) or controller in (${list})
  ) h where chain_id in (${chains}) ${poolFilter} ${kindFilter}
    order by timestamp desc, chain_id, block_number desc, log_order desc limit ${q.limit}`;
}
