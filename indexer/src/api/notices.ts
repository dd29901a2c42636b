/**
 * Notices: what an investor in a pool must be told, newest first, for its feeds (Atom, JSON Feed). Revenue
 * distributed, a queued exit filled, an impairment's provision set, a write-down, a recovery, a change of status, of
 * the deposit limits or a pause, and a change scheduled on the timelock. One shape for all of them.
 */
import { sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import type { SQL } from './series';
import { NOTICE_KINDS } from '../../../lib/feeds/notice-kinds';
import { limit } from './validation';
import { sqlList } from './sql-list';

/** `?limit=` (50, at most 200) and, to read one kind only (a pool's last recovery), `?kind=`. */
export const noticesQuery = z.object({ limit: limit(200, 50), kind: z.enum(NOTICE_KINDS).optional() });
type NoticesQuery = z.infer<typeof noticesQuery>;

// Kinds are enums of different tables: as text, so that they unite with each other and with the literals.
const NOTICES = sql`
  select chain_id, 'revenue_distributed' as kind, pool, id as source_id, null as account, net_amount as amount,
      gross_amount as gross, null::numeric as shares, asset_id, null as detail, block_number, timestamp, tx_hash, log_index as log_order
    from revenue_distribution
  union all select chain_id, 'redemption_filled', pool, id, owner, assets, null, shares, null, null, block_number, timestamp, tx_hash, log_index
    from redemption_event where kind = 'redemption_fill'
  union all select chain_id, kind::text, pool, id, null, amount, null, null, asset_id, null,
      block_number, timestamp, tx_hash, log_index
    from capital_event where kind in ('provision', 'write_down', 'recovery')
  union all select chain_id, 'pool_' || kind::text, pool, id, null, deposit_cap, null, null, null,
      json_build_object('previousStatus', previous_status, 'status', status,
        'previousDepositCap', previous_deposit_cap::text, 'minDeposit', min_deposit::text)::text,
      block_number, timestamp, tx_hash, log_index
    from pool_change
  union all select chain_id, 'change_scheduled', pool, id, null, null, null, null, null,
      json_build_object('functionName', function_name, 'args', args, 'readyAt', ready_at::text)::text,
      scheduled_at_block, scheduled_at, tx_hash, index
    from delayed_action where pool is not null`;

/** A pool's notices, newest first. */
export function poolNoticesSql(chainId: number, pool: Address, q: NoticesQuery): SQL {
  const kind = q.kind ? sql` and kind = ${q.kind}` : sql``;
  return sql`select * from (${NOTICES}) n where chain_id = ${chainId} and pool = ${pool}${kind}
    order by block_number desc, log_order desc, source_id desc limit ${q.limit}`;
}

/**
 * The notices of every pool the accounts hold or have held, newest first across the chains: the pools' own
 * news, and of the queued exits filled only their own (another holder's fill is not theirs to be told of).
 */
export function accountNoticesSql(chainIds: readonly number[], accounts: readonly Address[], q: NoticesQuery): SQL {
  const list = sqlList(accounts);
  const chains = sqlList(chainIds);
  return sql`select * from (${NOTICES}) n
    where n.chain_id in (${chains})
      and exists (select 1 from position p where p.chain_id = n.chain_id and p.pool = n.pool and p.account in (${list}))
      and (n.kind <> 'redemption_filled' or n.account in (${list}))${q.kind ? sql` and n.kind = ${q.kind}` : sql``}
    order by timestamp desc, chain_id, block_number desc, log_order desc, source_id desc limit ${q.limit}`;
}
