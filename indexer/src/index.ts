import { ponder, type Context } from 'ponder:registry';
import {
  allowlist,
  asset,
  assetStatusChange,
  pool,
  poolFlow,
  position,
  project,
  redemptionEvent,
  revenueClaim,
  revenueDistribution,
  streamMerge,
  utilizationReport,
} from 'ponder:schema';
import { zeroAddress, type Address } from 'viem';
import {
  dayOf,
  eventId,
  getPool,
  getPosition,
  realiseExit,
  recordAssetDay,
  recordCapital,
  recordPoolDay,
  streamOf,
  updatePool,
  type EventBase,
} from './records';
import { accrue, mergeIntoStream, receiveShares, sendShares } from './revenue-accumulator';

// Handlers by domain: pools, shares, capital and revenue here; provisions, write-downs and recoveries in
// losses.ts; queued exits in redemptions.ts; the protocol timelock in timelock.ts.

const CATEGORIES = ['compute', 'robotics'] as const;
const POOL_STATUSES = ['raising', 'active', 'closed'] as const;
const ASSET_KINDS = ['gpu_cluster', 'robot_fleet', 'other'] as const;
const ASSET_STATUSES = ['pending', 'active', 'maintenance', 'retired', 'impaired'] as const;

// ─── Projects and pools ──────────────────────────────────────────────────────────────────────────────

ponder.on('PoolFactory:ProjectRegistered', async ({ event, context }) => {
  await context.db.insert(project).values({
    id: event.args.projectId,
    operator: event.args.operator,
    category: CATEGORIES[event.args.category] ?? 'unknown',
    name: event.args.name,
    metadataUri: event.args.metadataURI,
    metadataHash: event.args.metadataHash,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
  });
});

ponder.on('PoolFactory:PoolCreated', async ({ event, context }) => {
  const { pool: address, projectId, asset: usdc, category, config, protocolFeeBps, revenueStreamDuration } = event.args;
  await context.db.insert(pool).values({
    address,
    projectId,
    asset: usdc,
    name: config.name,
    symbol: config.symbol,
    category: CATEGORIES[category] ?? 'unknown',
    status: 'raising',
    depositCap: config.depositCap,
    minDeposit: config.minDeposit,
    protocolFeeBps,
    revenueStreamDuration,
    metadataUri: config.metadataURI,
    metadataHash: config.metadataHash,
    permissioned: config.permissioned,
    paused: false,
    totalAssets: 0n,
    totalSupply: 0n,
    idle: 0n,
    outstandingPrincipal: 0n,
    totalProvisions: 0n,
    deployedTotal: 0n,
    repaidTotal: 0n,
    writtenDownTotal: 0n,
    recoveredTotal: 0n,
    revenueGross: 0n,
    revenueFees: 0n,
    revenueNet: 0n,
    revenueClaimed: 0n,
    accRevenuePerShare: 0n,
    streamRemaining: 0n,
    streamEnd: 0n,
    streamUpdatedAt: 0n,
    pendingRedeemShares: 0n,
    reservedForRedemptions: 0n,
    depositors: 0,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
  });
});

ponder.on('FinancingPool:PoolStatusChanged', async ({ event, context }) => {
  await context.db
    .update(pool, { address: event.log.address })
    .set({ status: POOL_STATUSES[event.args.status] ?? 'unknown', updatedAtBlock: event.block.number });
});

ponder.on('FinancingPool:DepositLimitsUpdated', async ({ event, context }) => {
  await context.db
    .update(pool, { address: event.log.address })
    .set({ depositCap: event.args.depositCap, minDeposit: event.args.minDeposit });
});

ponder.on('FinancingPool:ProtocolFeeUpdated', async ({ event, context }) => {
  await context.db.update(pool, { address: event.log.address }).set({ protocolFeeBps: event.args.protocolFeeBps });
});

ponder.on('FinancingPool:Paused', async ({ event, context }) => {
  await context.db.update(pool, { address: event.log.address }).set({ paused: true });
});

ponder.on('FinancingPool:Unpaused', async ({ event, context }) => {
  await context.db.update(pool, { address: event.log.address }).set({ paused: false });
});

ponder.on('FinancingPool:AllowlistUpdated', async ({ event, context }) => {
  const row = {
    allowed: event.args.allowed,
    updatedAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
    txHash: event.transaction.hash,
  };
  await context.db
    .insert(allowlist)
    .values({ pool: event.log.address, account: event.args.account, ...row })
    .onConflictDoUpdate(row);
});

// ─── Shares: balances, revenue settlement, cost basis ────────────────────────────────────────────────

/**
 * Every mint, burn and transfer. Like the contract's _update: accrue the revenue stream at the current
 * supply, then move the shares and their revenue debt. A transfer also moves cost basis, at the sender's
 * average cost; mints and burns leave cost basis to the Deposit, Withdraw and RedeemRequestFilled handlers
 * (a claim of filled redemptions burns nothing: its shares were burned when the request was filled).
 */
ponder.on('FinancingPool:Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const p = await getPool(context, event.log.address);
  const stream = accrue(streamOf(p), event.block.timestamp, p.totalSupply);
  let supply = p.totalSupply;
  let holders = p.depositors;
  let movedCost = 0n;

  if (from !== zeroAddress) {
    const sender = await getPosition(context, p.address, from, event.block.number);
    const settled = sendShares(sender, value, stream.accRevenuePerShare);
    const shares = sender.shares - value;
    if (to !== zeroAddress && sender.shares > 0n) movedCost = (sender.costBasis * value) / sender.shares;
    await context.db
      .update(position, { pool: p.address, account: from })
      .set({ ...settled, shares, costBasis: sender.costBasis - movedCost, updatedAtBlock: event.block.number });
    if (shares === 0n && value > 0n) holders -= 1;
  } else {
    supply += value;
  }

  if (to !== zeroAddress) {
    const receiver = await getPosition(context, p.address, to, event.block.number);
    // A transfer to oneself: the sender's row was just written.
    const current = to === from ? await getPosition(context, p.address, to, event.block.number) : receiver;
    // Read before writing: rows from the store are live views that an update changes.
    const before = { shares: current.shares, costBasis: current.costBasis };
    const settled = receiveShares(current, value, stream.accRevenuePerShare);
    await context.db.update(position, { pool: p.address, account: to }).set({
      ...settled,
      shares: before.shares + value,
      costBasis: before.costBasis + movedCost,
      updatedAtBlock: event.block.number,
    });
    if (before.shares === 0n && value > 0n) holders += 1;
  } else {
    supply -= value;
  }

  await context.db
    .update(pool, { address: p.address })
    .set({ ...stream, totalSupply: supply, depositors: holders, updatedAtBlock: event.block.number });
});

ponder.on('FinancingPool:Deposit', async ({ event, context }) => {
  const { sender, owner, assets, shares } = event.args;
  await context.db
    .insert(poolFlow)
    .values(flowRow(event, { kind: 'deposit', sender, owner, receiver: owner, assets, shares }));
  await context.db
    .update(position, { pool: event.log.address, account: owner })
    .set((row) => ({ depositedAssets: row.depositedAssets + assets, costBasis: row.costBasis + assets }));
  const p = await updatePool(context, event, (row) => ({ idle: row.idle + assets }));
  await recordPoolDay(context, p, event.block, { deposits: assets });
});

ponder.on('FinancingPool:Withdraw', async ({ event, context }) => {
  const { sender, receiver, owner, assets, shares } = event.args;
  // The Withdraw that follows a RedemptionClaimed pays out a filled request: its cash left idle, and its
  // P&L was realised, at the fill. Only an instant exit is a withdrawal.
  const previous = await context.db.find(redemptionEvent, {
    id: `${event.transaction.hash}-${event.log.logIndex - 1}`,
  });
  if (previous?.kind === 'redemption_claim') return;
  await context.db
    .insert(poolFlow)
    .values(flowRow(event, { kind: 'withdrawal', sender, owner, receiver, assets, shares }));
  await realiseExit(context, event.log.address, owner, shares, assets);
  const p = await updatePool(context, event, (row) => ({ idle: row.idle - assets }));
  await recordPoolDay(context, p, event.block, { withdrawals: assets });
});

// ─── Capital ─────────────────────────────────────────────────────────────────────────────────────────

ponder.on('FinancingPool:CapitalDeployed', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'deployment', amount);
  await context.db.update(asset, { id: assetId }).set((row) => ({ deployed: row.deployed + amount }));
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle - amount,
    outstandingPrincipal: row.outstandingPrincipal + amount,
    deployedTotal: row.deployedTotal + amount,
  }));
  await recordPoolDay(context, p, event.block, {});
  await recordAssetDay(context, assetId, event.block, {});
});

ponder.on('FinancingPool:PrincipalRepaid', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'repayment', amount);
  await context.db.update(asset, { id: assetId }).set((row) => ({ repaid: row.repaid + amount }));
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle + amount,
    outstandingPrincipal: row.outstandingPrincipal - amount,
    repaidTotal: row.repaidTotal + amount,
  }));
  await recordPoolDay(context, p, event.block, {});
  await recordAssetDay(context, assetId, event.block, {});
});

// ─── Real yield ──────────────────────────────────────────────────────────────────────────────────────

ponder.on('FinancingPool:RevenueDistributed', async ({ event, context }) => {
  const { assetId, grossAmount, protocolFee, netAmount, periodStart, periodEnd, streamEnd } = event.args;
  await context.db.insert(revenueDistribution).values({
    id: eventId(event),
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
    .update(asset, { id: assetId })
    .set((row) => ({ revenueGross: row.revenueGross + grossAmount, revenueNet: row.revenueNet + netAmount }));
  const stream = await mergeRevenue(context, event, netAmount);
  const p = await updatePool(context, event, (row) => ({
    ...stream,
    revenueGross: row.revenueGross + grossAmount,
    revenueFees: row.revenueFees + protocolFee,
    revenueNet: row.revenueNet + netAmount,
  }));
  await recordPoolDay(context, p, event.block, { revenueNet: netAmount, revenueGross: grossAmount });
  await recordAssetDay(context, assetId, event.block, { revenueNet: netAmount });
});

/**
 * The stream after a distribution: accrued, then merged with the net amount. A batch merges the sum of its
 * distributions once, from the state accrued before the first: replay that, not one merge per event.
 */
async function mergeRevenue(context: Context, event: EventBase, net: bigint) {
  const p = await getPool(context, event.log.address);
  const duration = BigInt(p.revenueStreamDuration);
  const now = event.block.timestamp;
  const batch = await context.db.find(streamMerge, { pool: p.address });
  if (batch?.txHash === event.transaction.hash) {
    // Read before writing: rows from the store are live views that an update changes.
    const base = { ...streamOf(p), streamRemaining: batch.remaining, streamEnd: batch.streamEnd };
    const total = batch.net + net;
    await context.db.update(streamMerge, { pool: p.address }).set({ net: total });
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
    .values({ pool: p.address, ...base })
    .onConflictDoUpdate(base);
  return mergeIntoStream(accrued, net, now, duration);
}

ponder.on('FinancingPool:RevenueClaimed', async ({ event, context }) => {
  const { account, receiver, amount } = event.args;
  await context.db.insert(revenueClaim).values({
    id: eventId(event),
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
  const holder = await getPosition(context, p.address, account, event.block.number);
  await context.db.update(position, { pool: p.address, account }).set({
    revenueDebt: holder.revenueDebt + amount,
    revenueClaimed: holder.revenueClaimed + amount,
  });
  await recordPoolDay(context, p, event.block, { revenueClaimed: amount });
});

// ─── Hardware ────────────────────────────────────────────────────────────────────────────────────────

ponder.on('HardwareAssetRegistry:AssetRegistered', async ({ event, context }) => {
  const { assetId, pool: poolAddress, operator, kind, model, units, location, metadataURI } = event.args;
  await context.db.insert(asset).values({
    id: assetId,
    pool: poolAddress.toLowerCase() as Address,
    operator,
    kind: ASSET_KINDS[kind] ?? 'other',
    model,
    units,
    location,
    metadataUri: metadataURI,
    status: 'pending',
    deployed: 0n,
    repaid: 0n,
    writtenDown: 0n,
    recovered: 0n,
    provision: 0n,
    limit: 0n,
    revenueGross: 0n,
    revenueNet: 0n,
    lastUtilizationBps: null,
    registeredAt: event.block.timestamp,
    registeredAtBlock: event.block.number,
  });
});

ponder.on('HardwareAssetRegistry:AssetStatusChanged', async ({ event, context }) => {
  const { assetId, previousStatus, status } = event.args;
  await context.db.insert(assetStatusChange).values({
    id: eventId(event),
    assetId,
    previousStatus: ASSET_STATUSES[previousStatus] ?? 'unknown',
    status: ASSET_STATUSES[status] ?? 'unknown',
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db.update(asset, { id: assetId }).set({ status: ASSET_STATUSES[status] ?? 'unknown' });
});

ponder.on('HardwareAssetRegistry:AssetMetadataUpdated', async ({ event, context }) => {
  await context.db.update(asset, { id: event.args.assetId }).set({ metadataUri: event.args.metadataURI });
});

ponder.on('HardwareAssetRegistry:UtilizationReported', async ({ event, context }) => {
  const { assetId, periodStart, periodEnd, utilizationBps, reporter } = event.args;
  const machine = await context.db.find(asset, { id: assetId });
  if (!machine) return;
  await context.db.insert(utilizationReport).values({
    id: eventId(event),
    assetId,
    pool: machine.pool,
    periodStart,
    periodEnd,
    utilizationBps,
    reporter,
    day: dayOf(event.block.timestamp),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
  await context.db.update(asset, { id: assetId }).set({ lastUtilizationBps: utilizationBps });
  await recordAssetDay(context, assetId, event.block, { utilizationBps });
});

function flowRow(
  event: EventBase,
  flow: {
    kind: 'deposit' | 'withdrawal';
    sender: Address;
    owner: Address;
    receiver: Address;
    assets: bigint;
    shares: bigint;
  },
) {
  return {
    id: eventId(event),
    pool: event.log.address,
    ...flow,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}
