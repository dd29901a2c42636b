/** Queued exits with their place in the queue (FinancingPool.sharesAheadOf). */
import { sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { camelRow } from './reply';
import type { SQL } from './series';
import { address } from './validation';

/** A queue's `?controller=`: one account's requests only (a Withdraw tab lists the visitor's own). */
export const redemptionsQuery = z.object({ controller: address('an account').optional() });

/** Where a queue's requests are kept: a pool's in its own table, a tranche vault's in another, keyed by the vault. */
const QUEUES = {
  pool: { table: sql.raw('redemption_request'), key: sql.raw('pool') },
  tranche: { table: sql.raw('tranche_request'), key: sql.raw('tranche') },
} as const;

/**
 * Redemption requests with the shares of older requests still pending ahead of them in the same queue and their
 * position among waiting requests; `controller` keeps one account's.
 */
export function redemptionsSql(
  where: SQL,
  orderBy: SQL,
  { queue = 'pool', controller }: { queue?: keyof typeof QUEUES; controller?: Address } = {},
): SQL {
  const { table, key } = QUEUES[queue];
  return sql`select r.*,
      (select coalesce(sum(r2.pending_shares), 0) from ${table} r2
        where r2.chain_id = r.chain_id and r2.${key} = r.${key} and r2.request_id < r.request_id and r2.pending_shares > 0) as shares_ahead,
      (select count(*) from ${table} r2
        where r2.chain_id = r.chain_id and r2.${key} = r.${key} and r2.request_id < r.request_id and r2.pending_shares > 0)::int + 1 as queue_position
    from ${table} r where ${where}${controller ? sql` and r.controller = ${controller}` : sql``} order by ${orderBy}`;
}

/** A request no longer waiting has nothing ahead of it and no place in the queue. */
export function toRedemption(row: Record<string, unknown>) {
  const r = camelRow(row) as Record<string, unknown> & { pendingShares: bigint };
  const waiting = r.pendingShares > 0n;
  return { ...r, sharesAhead: waiting ? r.sharesAhead : 0n, queuePosition: waiting ? r.queuePosition : null };
}
