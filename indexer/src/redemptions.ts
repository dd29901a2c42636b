/**
 * Queued exits (ERC-7540, cancelled as ERC-7887): requests lock the owner's shares; fills burn them and
 * price them in USDC for the controller; a claim pays the controller's filled requests together; a
 * cancel unlocks what was still pending.
 */
import { ponder, type Context } from 'ponder:registry';
import { position, redemptionEvent, redemptionPayout, redemptionRequest } from 'ponder:schema';
import { and, asc, eq, gt } from 'ponder';
import type { Address } from 'viem';
import { realiseExit, recordPoolDay, updatePool, type PoolEvent } from './records';
import { recordLedger } from './ledger';

type RequestRow = typeof redemptionRequest.$inferSelect;

function statusOf(
  r: Pick<RequestRow, 'pendingShares' | 'filledShares' | 'filledAssets' | 'claimedAssets'>,
): RequestRow['status'] {
  if (r.pendingShares > 0n) return r.filledShares > 0n ? 'partially_filled' : 'pending';
  if (r.filledAssets > r.claimedAssets) return 'claimable';
  return r.filledShares > 0n ? 'claimed' : 'cancelled';
}

async function recordRedemptionEvent(
  context: Context,
  event: PoolEvent,
  row: Pick<typeof redemptionEvent.$inferInsert, 'requestId' | 'owner' | 'controller' | 'kind' | 'shares' | 'assets'>,
) {
  await context.db.insert(redemptionEvent).values({
    chainId: context.chain.id,
    id: event.id,
    pool: event.log.address,
    ...row,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

async function lock(context: Context, event: PoolEvent, owner: Address, shares: bigint) {
  await context.db
    .update(position, { chainId: context.chain.id, pool: event.log.address, account: owner })
    .set((row) => ({ lockedShares: row.lockedShares + shares }));
}

ponder.on('FinancingPool:RedeemRequest', async ({ event, context }) => {
  const { controller, owner, requestId, shares } = event.args;
  await context.db.insert(redemptionRequest).values({
    chainId: context.chain.id,
    pool: event.log.address,
    requestId,
    owner,
    controller,
    requestedShares: shares,
    pendingShares: shares,
    status: 'pending',
    requestedAt: event.block.timestamp,
    requestedAtBlock: event.block.number,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await lock(context, event, owner, shares);
  await updatePool(context, event, (row) => ({ pendingRedeemShares: row.pendingRedeemShares + shares }));
});

/** The owner's shares were burned by the Transfer just before: the exit is realised at the fill price. */
ponder.on('FinancingPool:RedeemRequestFilled', async ({ event, context }) => {
  const { requestId, controller, owner, shares, assets } = event.args;
  await recordRedemptionEvent(context, event, {
    requestId,
    owner,
    controller,
    kind: 'redemption_fill',
    shares,
    assets,
  });
  await context.db
    .update(redemptionRequest, { chainId: context.chain.id, pool: event.log.address, requestId })
    .set((row) => {
      const next = {
        pendingShares: row.pendingShares - shares,
        filledShares: row.filledShares + shares,
        filledAssets: row.filledAssets + assets,
        claimedAssets: row.claimedAssets,
      };
      return { ...next, status: statusOf(next), updatedAt: event.block.timestamp };
    });
  await lock(context, event, owner, -shares);
  await realiseExit(context, event.log.address, owner, shares, assets);
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle - assets,
    pendingRedeemShares: row.pendingRedeemShares - shares,
    reservedForRedemptions: row.reservedForRedemptions + assets,
  }));
  await recordLedger(context, event, p, { kind: 'fill', account: owner, counterparty: controller, assets, shares });
  await recordPoolDay(context, p, event.block, { withdrawals: assets });
});

/**
 * A controller's filled requests are fungible on chain (one claimable balance): the payout is booked
 * against its filled, unclaimed requests oldest first. The Withdraw that follows is the same payout: it is
 * marked here for the Withdraw handler (shares.ts) to pass over.
 */
ponder.on('FinancingPool:RedemptionClaimed', async ({ event, context }) => {
  const { controller, shares, assets } = event.args;
  const payout = { txHash: event.transaction.hash, logIndex: event.log.logIndex };
  await context.db
    .insert(redemptionPayout)
    .values({ chainId: context.chain.id, pool: event.log.address, ...payout })
    .onConflictDoUpdate(payout);
  await recordRedemptionEvent(context, event, {
    requestId: null,
    owner: controller,
    controller,
    kind: 'redemption_claim',
    shares,
    assets,
  });
  const open = await context.db.sql
    .select()
    .from(redemptionRequest)
    .where(
      and(
        eq(redemptionRequest.chainId, context.chain.id),
        eq(redemptionRequest.pool, event.log.address),
        eq(redemptionRequest.controller, controller),
        gt(redemptionRequest.filledAssets, redemptionRequest.claimedAssets),
      ),
    )
    .orderBy(asc(redemptionRequest.requestId));
  let left = assets;
  for (const r of open) {
    if (left === 0n) break;
    const paid = left < r.filledAssets - r.claimedAssets ? left : r.filledAssets - r.claimedAssets;
    left -= paid;
    const next = { ...r, claimedAssets: r.claimedAssets + paid };
    await context.db
      .update(redemptionRequest, { chainId: r.chainId, pool: r.pool, requestId: r.requestId })
      .set({ claimedAssets: next.claimedAssets, status: statusOf(next), updatedAt: event.block.timestamp });
  }
  await updatePool(context, event, (row) => ({ reservedForRedemptions: row.reservedForRedemptions - assets }));
});

/**
 * ERC-7887 cancellation is synchronous: CancelRedeemRequest and this CancelRedeemClaim come together, and
 * this one names the owner (`receiver`) and the shares unlocked, so the state changes here.
 */
ponder.on('FinancingPool:CancelRedeemClaim', async ({ event, context }) => {
  const { controller, receiver: owner, requestId, shares } = event.args;
  await recordRedemptionEvent(context, event, {
    requestId,
    owner,
    controller,
    kind: 'redemption_cancel',
    shares,
    assets: null,
  });
  await context.db
    .update(redemptionRequest, { chainId: context.chain.id, pool: event.log.address, requestId })
    .set((row) => ({
      pendingShares: 0n,
      cancelledShares: row.cancelledShares + shares,
      status: statusOf({ ...row, pendingShares: 0n }),
      updatedAt: event.block.timestamp,
    }));
  await lock(context, event, owner, -shares);
  await updatePool(context, event, (row) => ({ pendingRedeemShares: row.pendingRedeemShares - shares }));
});
