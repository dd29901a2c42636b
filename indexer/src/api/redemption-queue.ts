/** Queued exits with their place in the queue (FinancingPool.sharesAheadOf). */
import { sql } from 'ponder';
import { camelRow } from './reply';
import type { SQL } from './series';

/**
 * Redemption requests with the shares of older requests still pending ahead of them and their position
 * among waiting requests.
 */
export function redemptionsSql(where: SQL, orderBy: SQL): SQL {
  return sql`select r.*,
      (select coalesce(sum(r2.pending_shares), 0) from redemption_request r2
        where r2.chain_id = r.chain_id and r2.pool = r.pool and r2.request_id < r.request_id and r2.pending_shares > 0) as shares_ahead,
      (select count(*) from redemption_request r2
        where r2.chain_id = r.chain_id and r2.pool = r.pool and r2.request_id < r.request_id and r2.pending_shares > 0)::int + 1 as queue_position
    from redemption_request r where ${where} order by ${orderBy}`;
}

/** A request no longer waiting has nothing ahead of it and no place in the queue. */
export function toRedemption(row: Record<string, unknown>) {
  const r = camelRow(row) as Record<string, unknown> & { pendingShares: bigint };
  const waiting = r.pendingShares > 0n;
  return { ...r, sharesAhead: waiting ? r.sharesAhead : 0n, queuePosition: waiting ? r.queuePosition : null };
}
