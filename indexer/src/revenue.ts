/**
 * Real yield: revenue distributed per machine group (the protocol fee taken, the rest streamed to holders
 * through the pool's accumulator) and revenue claimed.
 */
import { ponder, type Context } from 'ponder:registry';
import { asset, position, revenueClaim, revenueDistribution, streamMerge } from 'ponder:schema';
import {
  dayOf,
  getPool,
  getPosition,
  recordAssetDay,
  recordPoolDay,
  streamOf,
  updatePool,
  type PoolEvent,
} from './records';
import { recordHolding, recordLedger } from './ledger';
import { accrue, mergeIntoStream } from './revenue-accumulator';

ponder.on('FinancingPool:RevenueDistributed', async ({ event, context }) => {
  const { assetId, grossAmount, protocolFee, netAmount, periodStart, periodEnd, streamEnd } = event.args;
  await context.db.insert(revenueDistribution).values({
    chainId: context.chain.id,
    id: event.id,
    pool: event.log.address,
    assetId,
    grossAmount,
    protocolFee,
    netAmount,
    periodStart,
    periodEnd,
    streamEnd,
    day: dayOf(event.block.timestamp),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set((row) => ({ revenueGross: row.revenueGross + grossAmount, revenueNet: row.revenueNet + netAmount }));
  const stream = await mergeRevenue(context, event, netAmount);
  const p = await updatePool(context, event, (row) => ({
    ...stream,
    revenueGross: row.revenueGross + grossAmount,
    revenueFees: row.revenueFees + protocolFee,
    revenueNet: row.revenueNet + netAmount,
  }));
  await recordLedger(context, event, p, { kind: 'revenue', assets: netAmount });
  await recordPoolDay(context, p, event.block, { revenueNet: netAmount, revenueGross: grossAmount });
  await recordAssetDay(context, assetId, event.block, { revenueNet: netAmount });
});

/**
 * The stream after a distribution: accrued, then merged with the net amount. A batch merges the sum of its
 * distributions once, from the state accrued before the first: replay that, not one merge per event.
 */
async function mergeRevenue(context: Context, event: PoolEvent, net: bigint) {
  const p = await getPool(context, event.log.address);
  const duration = BigInt(p.revenueStreamDuration);
  const now = event.block.timestamp;
  const batch = await context.db.find(streamMerge, { chainId: context.chain.id, pool: p.address });
  if (batch?.txHash === event.transaction.hash) {
    // Read before writing: rows from the store are live views that an update changes.
    const base = { ...streamOf(p), streamRemaining: batch.remaining, streamEnd: batch.streamEnd };
    const total = batch.net + net;
    await context.db.update(streamMerge, { chainId: context.chain.id, pool: p.address }).set({ net: total });
    return mergeIntoStream(base, total, now, duration);
  }
  const accrued = accrue(streamOf(p), now, p.totalSupply);
  const base = {
    txHash: event.transaction.hash,
    remaining: accrued.streamRemaining,
    streamEnd: accrued.streamEnd,
    net,
  };
  await context.db
    .insert(streamMerge)
    .values({ chainId: context.chain.id, pool: p.address, ...base })
    .onConflictDoUpdate(base);
  return mergeIntoStream(accrued, net, now, duration);
}

ponder.on('FinancingPool:RevenueClaimed', async ({ event, context }) => {
  const { account, receiver, amount } = event.args;
  await context.db.insert(revenueClaim).values({
    chainId: context.chain.id,
    id: event.id,
    pool: event.log.address,
    account,
    receiver,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  const p = await updatePool(context, event, (row) => ({
    ...accrue(streamOf(row), event.block.timestamp, row.totalSupply),
    revenueClaimed: row.revenueClaimed + amount,
  }));
  await recordLedger(context, event, p, { kind: 'claim', account, counterparty: receiver, assets: amount });
  const holder = await getPosition(context, p.address, account, event.block.number);
  const claimed = await context.db.update(position, { chainId: context.chain.id, pool: p.address, account }).set({
    revenueDebt: holder.revenueDebt + amount,
    revenueClaimed: holder.revenueClaimed + amount,
  });
  await recordHolding(context, event, claimed);
  await recordPoolDay(context, p, event.block, { revenueClaimed: amount });
});
