/**
 * The history a period statement values holdings from (ponder.schema.ts: poolLedger, holdingLedger): the
 * pool's state after every event that moves its share price or revenue stream, and a holder's shares and
 * revenue debt after every event that moves them. No handler lives here.
 */
import type { Context } from 'ponder:registry';
import { holdingLedger, poolLedger } from 'ponder:schema';
import type { Address } from 'viem';
import type { PoolEvent, PoolRow, PositionRow } from './records';

type LedgerEntry = {
  kind: (typeof poolLedger.$inferInsert)['kind'];
  account?: Address;
  counterparty?: Address;
  assets?: bigint;
  shares?: bigint;
};

/** `p` is the pool row as this event left it. */
export async function recordLedger(context: Context, event: PoolEvent, p: PoolRow, entry: LedgerEntry) {
  await context.db.insert(poolLedger).values({
    chainId: context.chain.id,
    pool: p.address,
    id: event.id,
    kind: entry.kind,
    account: entry.account ?? null,
    counterparty: entry.counterparty ?? null,
    assets: entry.assets ?? 0n,
    shares: entry.shares ?? 0n,
    totalAssets: p.totalAssets,
    totalSupply: p.totalSupply,
    accRevenuePerShare: p.accRevenuePerShare,
    streamRemaining: p.streamRemaining,
    streamEnd: p.streamEnd,
    streamUpdatedAt: p.streamUpdatedAt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

/**
 * `holder` is the position row as this event left it. A transfer to oneself writes the same holder twice
 * under one event id: the second write wins, and both carry the same state.
 */
export async function recordHolding(context: Context, event: PoolEvent, holder: PositionRow) {
  const state = { shares: holder.shares, revenueDebt: holder.revenueDebt, blockNumber: event.block.number };
  await context.db
    .insert(holdingLedger)
    .values({ chainId: context.chain.id, pool: holder.pool, account: holder.account, id: event.id, ...state })
    .onConflictDoUpdate(state);
}
