/**
 * Tranche vaults (contracts/src/tranche/TrancheVault.sol): each tranche's shares, holders and revenue stream
 * (replayed with the FinancingPool's accumulator, whose arithmetic the vault shares), deposits and exits per
 * holder, and its exit queue. Senior and junior vaults are two contracts of ponder.config.ts (a factory source
 * names one parameter of TranchedPoolCreated) with the same handlers.
 */
import { ponder, type Context, type Event } from 'ponder:registry';
import { redemptionPayout, tranche, trancheFlow, tranchedPool, tranchePosition, trancheRequest } from 'ponder:schema';
import { zeroAddress } from 'viem';
import { accrue, mergeIntoStream, receiveShares, sendShares } from './revenue-accumulator';
import { getTranche, getTranchePosition, trancheStreamOf, updateTranchePosition } from './tranche-records';
import type { TranchePositionRow, TrancheRow } from './tranche-records';

/** The vault contracts of ponder.config.ts: one per side, the same ABI and the same handlers. */
const VAULTS = ['SeniorTrancheVault', 'JuniorTrancheVault'] as const;
type VaultEventName =
  Extract<Parameters<typeof ponder.on>[0], `SeniorTrancheVault:${string}`> extends `SeniorTrancheVault:${infer E}`
    ? E
    : never;

/** Registers `handler` for `name` of both sides' vaults (whose events have the same shape). */
function onVaults<E extends VaultEventName>(
  name: E,
  handler: (args: { event: Event<`SeniorTrancheVault:${E}`>; context: Context }) => Promise<void>,
) {
  for (const vault of VAULTS) ponder.on(`${vault}:${name}`, handler as never);
}

/**
 * Every mint, burn and transfer, as the vault's _update: accrue the stream at the supply before, then move the
 * shares with their revenue debt. A transfer also moves cost basis, at the sender's average cost; mints and burns
 * leave it to the Deposit, Withdraw and RedeemRequestFilled handlers (as shares.ts does for a FinancingPool).
 */
onVaults('Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const chainId = context.chain.id;
  const t = await getTranche(context, event.log.address);
  const stream = accrue(trancheStreamOf(t), event.block.timestamp, t.totalSupply);
  const block = event.block.number;
  // Read before writing: rows from the store are live views that an update changes.
  const supplyBefore = t.totalSupply;
  let supply = supplyBefore;
  let holders = t.holders;

  let movedCost = 0n;

  if (from !== zeroAddress) {
    const sender = await getTranchePosition(context, t, from, block);
    const shares = sender.shares - value;
    if (to !== zeroAddress && sender.shares > 0n) movedCost = (sender.costBasis * value) / sender.shares;
    await context.db.update(tranchePosition, { chainId, tranche: t.address, account: from }).set({
      ...sendShares(sender, value, stream.accRevenuePerShare),
      shares,
      costBasis: sender.costBasis - movedCost,
      updatedAtBlock: block,
    });
    if (shares === 0n && value > 0n) holders -= 1;
  } else {
    supply += value;
  }

  if (to !== zeroAddress) {
    // Read after the sender's write: a transfer to oneself moves nothing.
    const receiver = await getTranchePosition(context, t, to, block);
    const before = receiver.shares;
    const costBefore = receiver.costBasis;
    await context.db.update(tranchePosition, { chainId, tranche: t.address, account: to }).set({
      ...receiveShares(receiver, value, stream.accRevenuePerShare),
      shares: before + value,
      costBasis: costBefore + movedCost,
      updatedAtBlock: block,
    });
    if (before === 0n && value > 0n) holders += 1;
  } else {
    supply -= value;
  }

  await context.db
    .update(tranche, { chainId, address: t.address })
    .set({ ...stream, totalSupply: supply, holders, updatedAtBlock: block });

  // Shares burn only to exit, right before the pool pays them (TrancheWithdrawal): senior's unrecovered loss
  // leaves with them in proportion, rounded down (TrancheWaterfall.removeSenior). Here the burn's shares and the
  // supply before it are known; nothing between the two logs moves the loss.
  if (to === zeroAddress && t.side === 'senior' && supplyBefore > 0n) {
    await context.db
      .update(tranchedPool, { chainId, address: t.pool })
      .set((p) => ({ seniorLoss: p.seniorLoss - (p.seniorLoss * value) / supplyBefore }));
  }
});

onVaults('Deposit', async ({ event, context }) => {
  const { owner, assets, shares } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, { kind: 'deposit', account: owner, amount: assets, shares });
  await updateTranchePosition(context, t, owner, event.block.number, (row) => ({
    deposited: row.deposited + assets,
    costBasis: row.costBasis + assets,
  }));
  await context.db
    .update(tranche, { chainId: context.chain.id, address: t.address })
    .set((row) => ({ depositedTotal: row.depositedTotal + assets }));
});

/**
 * An instant exit. The Withdraw logged right after a RedemptionClaimed pays out filled requests, booked at
 * their fill: it is passed over (as shares.ts does for a FinancingPool).
 */
onVaults('Withdraw', async ({ event, context }) => {
  const { owner, assets, shares } = event.args;
  const claim = await context.db.find(redemptionPayout, { chainId: context.chain.id, pool: event.log.address });
  if (claim?.txHash === event.transaction.hash && claim.logIndex === event.log.logIndex - 1) return;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, { kind: 'withdrawal', account: owner, amount: assets, shares });
  await updateTranchePosition(context, t, owner, event.block.number, (row) => ({
    ...realisedExit(row, shares, assets),
    withdrawn: row.withdrawn + assets,
  }));
  await context.db
    .update(tranche, { chainId: context.chain.id, address: t.address })
    .set((row) => ({ withdrawnTotal: row.withdrawnTotal + assets }));
});

type FlowEvent = { id: string; block: Event['block']; transaction: Event['transaction']; log: Event['log'] };

/** One step of a holder's history in the tranche (trancheFlow). */
async function recordFlow(
  context: Context,
  event: FlowEvent,
  t: TrancheRow,
  row: Pick<typeof trancheFlow.$inferInsert, 'kind' | 'account' | 'controller' | 'requestId' | 'amount' | 'shares'>,
) {
  await context.db.insert(trancheFlow).values({
    chainId: context.chain.id,
    id: event.id,
    pool: t.pool,
    tranche: t.address,
    side: t.side,
    ...row,
    // Kept only when another than the account: a controller's history then has the row too.
    controller: row.controller === row.account ? null : (row.controller ?? null),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

/**
 * An exit burned `shares` (already gone from the balance) for `assets`: P&L realised at average cost, as
 * records.ts realiseExit does for a FinancingPool holder.
 */
function realisedExit(row: TranchePositionRow, shares: bigint, assets: bigint) {
  const before = row.shares + shares;
  const cost = before === 0n ? 0n : (row.costBasis * shares) / before;
  return { costBasis: row.costBasis - cost, realisedPnl: row.realisedPnl + assets - cost };
}

// ─── Exit queue ───────────────────────────────────────────────────────────────────────────────────────────

onVaults('RedeemRequest', async ({ event, context }) => {
  const { owner, controller, shares, requestId } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, {
    kind: 'redemption_request',
    account: owner,
    controller,
    requestId,
    shares,
  });
  await context.db.insert(trancheRequest).values({
    chainId: context.chain.id,
    tranche: t.address,
    pool: t.pool,
    side: t.side,
    requestId,
    owner,
    controller,
    requestedShares: shares,
    pendingShares: shares,
    requestedAt: event.block.timestamp,
    requestedAtBlock: event.block.number,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await updateTranchePosition(context, t, owner, event.block.number, (row) => ({
    pendingRedeemShares: row.pendingRedeemShares + shares,
  }));
  await context.db
    .update(tranche, { chainId: context.chain.id, address: t.address })
    .set((row) => ({ pendingRedeemShares: row.pendingRedeemShares + shares }));
});

/** The owner's shares were burned just before: their exit is booked now, at the fill's price. */
onVaults('RedeemRequestFilled', async ({ event, context }) => {
  const { owner, controller, shares, assets, requestId } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, {
    kind: 'redemption_fill',
    account: owner,
    controller,
    requestId,
    amount: assets,
    shares,
  });
  await updateTranchePosition(context, t, owner, event.block.number, (row) => ({
    ...realisedExit(row, shares, assets),
    pendingRedeemShares: row.pendingRedeemShares - shares,
    withdrawn: row.withdrawn + assets,
  }));
  // The USDC waits in the vault for the request's controller to collect it.
  await updateTranchePosition(context, t, controller, event.block.number, (row) => ({
    claimableRedeemAssets: row.claimableRedeemAssets + assets,
  }));
  await context.db.update(trancheRequest, { chainId: context.chain.id, tranche: t.address, requestId }).set((row) => ({
    pendingShares: row.pendingShares - shares,
    filledShares: row.filledShares + shares,
    filledAssets: row.filledAssets + assets,
    updatedAt: event.block.timestamp,
  }));
  await context.db.update(tranche, { chainId: context.chain.id, address: t.address }).set((row) => ({
    pendingRedeemShares: row.pendingRedeemShares - shares,
    reservedForRedemptions: row.reservedForRedemptions + assets,
    withdrawnTotal: row.withdrawnTotal + assets,
  }));
});

/** Marked for the Withdraw that follows (the same payout). The vault's address keys it, as a pool's does. */
onVaults('RedemptionClaimed', async ({ event, context }) => {
  const { controller, assets, shares } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, { kind: 'redemption_claim', account: controller, amount: assets, shares });
  await updateTranchePosition(context, t, controller, event.block.number, (row) => ({
    claimableRedeemAssets: row.claimableRedeemAssets - assets,
  }));
  const payout = { txHash: event.transaction.hash, logIndex: event.log.logIndex };
  await context.db
    .insert(redemptionPayout)
    .values({ chainId: context.chain.id, pool: event.log.address, ...payout })
    .onConflictDoUpdate(payout);
  await context.db
    .update(tranche, { chainId: context.chain.id, address: event.log.address })
    .set((row) => ({ reservedForRedemptions: row.reservedForRedemptions - event.args.assets }));
});

/** ERC-7887: what was still pending is unlocked at once; this log names the owner (`receiver`) and the shares. */
onVaults('CancelRedeemClaim', async ({ event, context }) => {
  const { receiver: owner, controller, shares, requestId } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, {
    kind: 'redemption_cancel',
    account: owner,
    controller,
    requestId,
    shares,
  });
  await context.db.update(trancheRequest, { chainId: context.chain.id, tranche: t.address, requestId }).set((row) => ({
    pendingShares: 0n,
    cancelledShares: row.cancelledShares + shares,
    updatedAt: event.block.timestamp,
  }));
  await updateTranchePosition(context, t, owner, event.block.number, (row) => ({
    pendingRedeemShares: row.pendingRedeemShares - shares,
  }));
  await context.db
    .update(tranche, { chainId: context.chain.id, address: t.address })
    .set((row) => ({ pendingRedeemShares: row.pendingRedeemShares - shares }));
});

// ─── Revenue ──────────────────────────────────────────────────────────────────────────────────────────────

/** The pool paid the tranche its part of a distribution: it joins the stream (TrancheVault.notifyRevenue). */
onVaults('RevenueReceived', async ({ event, context }) => {
  const { amount, streamEnd } = event.args;
  const t = await getTranche(context, event.log.address);
  const now = event.block.timestamp;
  const merged = mergeIntoStream(
    accrue(trancheStreamOf(t), now, t.totalSupply),
    amount,
    now,
    BigInt(t.revenueStreamDuration),
  );
  await context.db.update(tranche, { chainId: context.chain.id, address: t.address }).set({
    ...merged,
    // The chain's own figure (the replay computes the same).
    streamEnd,
    revenueReceived: t.revenueReceived + amount,
    updatedAtBlock: event.block.number,
  });
});

onVaults('RevenueClaimed', async ({ event, context }) => {
  const { account, amount } = event.args;
  const t = await getTranche(context, event.log.address);
  await recordFlow(context, event, t, { kind: 'claim', account, amount });
  const stream = accrue(trancheStreamOf(t), event.block.timestamp, t.totalSupply);
  await context.db
    .update(tranche, { chainId: context.chain.id, address: t.address })
    .set({ ...stream, revenueClaimed: t.revenueClaimed + amount, updatedAtBlock: event.block.number });
  await updateTranchePosition(context, t, account, event.block.number, (row) => ({
    revenueDebt: row.revenueDebt + amount,
    revenueClaimed: row.revenueClaimed + amount,
  }));
});
