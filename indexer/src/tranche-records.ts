/**
 * Shared by the tranched pools' and tranche vaults' handlers (tranches.ts, tranche-vaults.ts): reading and
 * writing their rows. No handler lives here.
 */
import type { Context } from 'ponder:registry';
import { tranche, tranchedPool, tranchePosition } from 'ponder:schema';
import type { Address } from 'viem';
import type { ChainEvent } from './records';
import type { StreamState } from './revenue-accumulator';

export type TranchedPoolRow = typeof tranchedPool.$inferSelect;
export type TrancheRow = typeof tranche.$inferSelect;
export type TranchePositionRow = typeof tranchePosition.$inferSelect;

/**
 * Applies `change` to the pool of the event, or does nothing before its vaults are attached (its row is made
 * then, from the contract's state at that block, which includes any change made before).
 */
export async function updateTranchedPool(
  context: Context,
  event: ChainEvent,
  change: (row: TranchedPoolRow) => Partial<TranchedPoolRow>,
): Promise<TranchedPoolRow | null> {
  const key = { chainId: context.chain.id, address: event.log.address };
  if (!(await context.db.find(tranchedPool, key))) return null;
  return context.db.update(tranchedPool, key).set((row) => ({ ...change(row), updatedAtBlock: event.block.number }));
}

export async function getTranche(context: Context, address: Address): Promise<TrancheRow> {
  const row = await context.db.find(tranche, { chainId: context.chain.id, address });
  if (!row) throw new Error(`event from unknown tranche ${address}`);
  return row;
}

export function trancheStreamOf(row: TrancheRow): StreamState {
  return {
    accRevenuePerShare: row.accRevenuePerShare,
    streamRemaining: row.streamRemaining,
    streamEnd: row.streamEnd,
    streamUpdatedAt: row.streamUpdatedAt,
  };
}

/** The holder's row in the tranche, created empty if new. */
export async function getTranchePosition(
  context: Context,
  t: TrancheRow,
  account: Address,
  block: bigint,
): Promise<TranchePositionRow> {
  const key = { chainId: context.chain.id, tranche: t.address, account };
  const existing = await context.db.find(tranchePosition, key);
  if (existing) return existing;
  return context.db.insert(tranchePosition).values({ ...key, pool: t.pool, updatedAtBlock: block });
}

/** Applies `change` to the holder's row in the tranche (created empty if new). */
export async function updateTranchePosition(
  context: Context,
  t: TrancheRow,
  account: Address,
  block: bigint,
  change: (row: TranchePositionRow) => Partial<TranchePositionRow>,
): Promise<TranchePositionRow> {
  await getTranchePosition(context, t, account, block);
  return context.db
    .update(tranchePosition, { chainId: context.chain.id, tranche: t.address, account })
    .set((row) => ({ ...change(row), updatedAtBlock: block }));
}
