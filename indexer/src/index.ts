import { ponder, type Context } from 'ponder:registry';
import {
  asset,
  assetDaily,
  assetStatusChange,
  capitalEvent,
  pool,
  poolDaily,
  poolFlow,
  position,
  project,
  redemptionEvent,
  redemptionRequest,
  revenueClaim,
  revenueDistribution,
  utilizationReport,
} from 'ponder:schema';
import { zeroAddress, type Address, type Hex } from 'viem';
import { accrue, settle, startStream, type StreamState } from './revenue-accumulator';

const CATEGORIES = ['compute', 'robotics'] as const;
const POOL_STATUSES = ['raising', 'active', 'closed'] as const;
const ASSET_KINDS = ['gpu_cluster', 'robot_fleet', 'other'] as const;
const ASSET_STATUSES = ['pending', 'active', 'maintenance', 'retired', 'impaired'] as const;

type PoolRow = typeof pool.$inferSelect;
type PositionRow = typeof position.$inferSelect;
type Block = { number: bigint; timestamp: bigint };
type EventBase = { block: Block; log: { address: Address; logIndex: number }; transaction: { hash: Hex } };

const dayOf = (timestamp: bigint) => Number(timestamp / 86_400n);
const eventId = (event: EventBase) => `${event.transaction.hash}-${event.log.logIndex}`;

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
    totalAssets: 0n,
    totalSupply: 0n,
    idle: 0n,
    outstandingPrincipal: 0n,
    deployedTotal: 0n,
    repaidTotal: 0n,
    writtenDownTotal: 0n,
    revenueGross: 0n,
    revenueFees: 0n,
    revenueNet: 0n,
    revenueClaimed: 0n,
    accRevenuePerShare: 0n,
    streamRemaining: 0n,
    streamEnd: 0n,
    streamUpdatedAt: event.block.timestamp,
    unallocatedRevenue: 0n,
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

// ─── Shares: balances, revenue settlement, cost basis ────────────────────────────────────────────────

/**
 * Every mint, burn and transfer. Like the contract's _update: accrue the revenue stream at the current
 * supply, settle both sides, then move the shares. A transfer also moves cost basis, at the sender's
 * average cost; mints and burns leave cost basis to the Deposit, Withdraw and RedeemRequestFilled handlers.
 */
ponder.on('FinancingPool:Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const p = await getPool(context, event.log.address);
  const stream = accrue(streamOf(p), event.block.timestamp, p.totalSupply, BigInt(p.revenueStreamDuration));
  let supply = p.totalSupply;
  let holders = p.depositors;
  let movedCost = 0n;

  if (from !== zeroAddress) {
    const sender = await getPosition(context, p.address, from, event.block.number);
    const settled = settle(sender, sender.shares, stream.accRevenuePerShare);
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
    const settled = settle(current, before.shares, stream.accRevenuePerShare);
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
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle + assets,
    totalAssets: row.totalAssets + assets,
  }));
  await recordPoolDay(context, p, event.block, { deposits: assets });
});

ponder.on('FinancingPool:Withdraw', async ({ event, context }) => {
  const { sender, receiver, owner, assets, shares } = event.args;
  await context.db
    .insert(poolFlow)
    .values(flowRow(event, { kind: 'withdrawal', sender, owner, receiver, assets, shares }));
  await realiseExit(context, event.log.address, owner, shares, assets);
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle - assets,
    totalAssets: row.totalAssets - assets,
  }));
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

ponder.on('FinancingPool:PrincipalWrittenDown', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'write_down', amount);
  await context.db.update(asset, { id: assetId }).set((row) => ({ writtenDown: row.writtenDown + amount }));
  const p = await updatePool(context, event, (row) => ({
    outstandingPrincipal: row.outstandingPrincipal - amount,
    totalAssets: row.totalAssets - amount,
    writtenDownTotal: row.writtenDownTotal + amount,
  }));
  await recordPoolDay(context, p, event.block, { writtenDown: amount });
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
  const p = await updatePool(context, event, (row) => {
    const duration = BigInt(row.revenueStreamDuration);
    const stream = startStream(
      accrue(streamOf(row), event.block.timestamp, row.totalSupply, duration),
      netAmount,
      event.block.timestamp,
      duration,
    );
    return {
      ...stream,
      revenueGross: row.revenueGross + grossAmount,
      revenueFees: row.revenueFees + protocolFee,
      revenueNet: row.revenueNet + netAmount,
    };
  });
  await recordPoolDay(context, p, event.block, { revenueNet: netAmount, revenueGross: grossAmount });
  await recordAssetDay(context, assetId, event.block, { revenueNet: netAmount });
});

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
    ...accrue(streamOf(row), event.block.timestamp, row.totalSupply, BigInt(row.revenueStreamDuration)),
    revenueClaimed: row.revenueClaimed + amount,
  }));
  const holder = await getPosition(context, p.address, account, event.block.number);
  const settled = settle(holder, holder.shares, p.accRevenuePerShare);
  await context.db.update(position, { pool: p.address, account }).set({
    revenueOwed: settled.revenueOwed - amount,
    revenuePaidPerShare: settled.revenuePaidPerShare,
    revenueClaimed: holder.revenueClaimed + amount,
  });
  await recordPoolDay(context, p, event.block, { revenueClaimed: amount });
});

// ─── Queued exits ────────────────────────────────────────────────────────────────────────────────────

async function recordRedemptionEvent(
  context: Context,
  event: {
    log: { address: Address; logIndex: number };
    block: { number: bigint; timestamp: bigint };
    transaction: { hash: Hex };
  },
  row: { requestId: bigint; owner: Address; kind: string; shares: bigint | null; assets: bigint | null },
) {
  await context.db.insert(redemptionEvent).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
    pool: event.log.address,
    ...row,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

ponder.on('FinancingPool:RedeemRequest', async ({ event, context }) => {
  const { owner, requestId, shares } = event.args;
  await context.db.insert(redemptionRequest).values({
    pool: event.log.address,
    requestId,
    owner,
    requestedShares: shares,
    pendingShares: shares,
    filledShares: 0n,
    filledAssets: 0n,
    claimedAssets: 0n,
    cancelledShares: 0n,
    status: 'pending',
    requestedAt: event.block.timestamp,
    requestedAtBlock: event.block.number,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db
    .update(position, { pool: event.log.address, account: owner })
    .set((row) => ({ lockedShares: row.lockedShares + shares }));
  await updatePool(context, event, (row) => ({ pendingRedeemShares: row.pendingRedeemShares + shares }));
});

ponder.on('FinancingPool:RedeemRequestCancelled', async ({ event, context }) => {
  const { requestId, owner, shares } = event.args;
  await recordRedemptionEvent(context, event, { requestId, owner, kind: 'redemption_cancel', shares, assets: null });
  await context.db.update(redemptionRequest, { pool: event.log.address, requestId }).set((row) => ({
    pendingShares: 0n,
    cancelledShares: row.cancelledShares + shares,
    status: row.filledAssets > row.claimedAssets ? 'claimable' : row.filledShares > 0n ? 'claimed' : 'cancelled',
    updatedAt: event.block.timestamp,
  }));
  await context.db
    .update(position, { pool: event.log.address, account: owner })
    .set((row) => ({ lockedShares: row.lockedShares - shares }));
  await updatePool(context, event, (row) => ({ pendingRedeemShares: row.pendingRedeemShares - shares }));
});

ponder.on('FinancingPool:RedeemRequestFilled', async ({ event, context }) => {
  const { requestId, owner, shares, assets } = event.args;
  await recordRedemptionEvent(context, event, { requestId, owner, kind: 'redemption_fill', shares, assets });
  await context.db.update(redemptionRequest, { pool: event.log.address, requestId }).set((row) => ({
    pendingShares: row.pendingShares - shares,
    filledShares: row.filledShares + shares,
    filledAssets: row.filledAssets + assets,
    status: row.pendingShares - shares > 0n ? 'partially_filled' : 'claimable',
    updatedAt: event.block.timestamp,
  }));
  await context.db
    .update(position, { pool: event.log.address, account: owner })
    .set((row) => ({ lockedShares: row.lockedShares - shares }));
  await realiseExit(context, event.log.address, owner, shares, assets);
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle - assets,
    totalAssets: row.totalAssets - assets,
    pendingRedeemShares: row.pendingRedeemShares - shares,
    reservedForRedemptions: row.reservedForRedemptions + assets,
  }));
  await recordPoolDay(context, p, event.block, { withdrawals: assets });
});

ponder.on('FinancingPool:RedemptionClaimed', async ({ event, context }) => {
  const { requestId, assets } = event.args;
  await recordRedemptionEvent(context, event, {
    requestId,
    owner: event.args.owner,
    kind: 'redemption_claim',
    shares: null,
    assets,
  });
  await context.db.update(redemptionRequest, { pool: event.log.address, requestId }).set((row) => ({
    claimedAssets: row.claimedAssets + assets,
    status: row.pendingShares > 0n ? 'partially_filled' : 'claimed',
    updatedAt: event.block.timestamp,
  }));
  await updatePool(context, event, (row) => ({ reservedForRedemptions: row.reservedForRedemptions - assets }));
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

// ─── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

async function getPool(context: Context, address: Address): Promise<PoolRow> {
  const row = await context.db.find(pool, { address });
  if (!row) throw new Error(`event from unknown pool ${address}`);
  return row;
}

async function updatePool(
  context: Context,
  event: EventBase,
  change: (row: PoolRow) => Partial<PoolRow>,
): Promise<PoolRow> {
  return context.db
    .update(pool, { address: event.log.address })
    .set((row) => ({ ...change(row), updatedAtBlock: event.block.number }));
}

function streamOf(row: PoolRow): StreamState {
  return {
    accRevenuePerShare: row.accRevenuePerShare,
    streamRemaining: row.streamRemaining,
    streamEnd: row.streamEnd,
    streamUpdatedAt: row.streamUpdatedAt,
    unallocatedRevenue: row.unallocatedRevenue,
  };
}

/** The holder's row, created empty (and already settled to the pool's accumulator at zero shares) if new. */
async function getPosition(
  context: Context,
  poolAddress: Address,
  account: Address,
  block: bigint,
): Promise<PositionRow> {
  const existing = await context.db.find(position, { pool: poolAddress, account });
  if (existing) return existing;
  return context.db.insert(position).values({
    pool: poolAddress,
    account,
    shares: 0n,
    lockedShares: 0n,
    costBasis: 0n,
    depositedAssets: 0n,
    withdrawnAssets: 0n,
    realisedPnl: 0n,
    revenueOwed: 0n,
    revenuePaidPerShare: 0n,
    revenueClaimed: 0n,
    updatedAtBlock: block,
  });
}

/** An exit burned `shares` (already gone from the balance) for `assets`: realise P&L at average cost. */
async function realiseExit(context: Context, poolAddress: Address, owner: Address, shares: bigint, assets: bigint) {
  await context.db.update(position, { pool: poolAddress, account: owner }).set((row) => {
    const before = row.shares + shares;
    const cost = before === 0n ? 0n : (row.costBasis * shares) / before;
    return {
      costBasis: row.costBasis - cost,
      realisedPnl: row.realisedPnl + assets - cost,
      withdrawnAssets: row.withdrawnAssets + assets,
    };
  });
}

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

async function recordCapital(context: Context, event: EventBase, assetId: bigint, kind: string, amount: bigint) {
  await context.db.insert(capitalEvent).values({
    id: eventId(event),
    pool: event.log.address,
    assetId,
    kind,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
}

type DayFlows = Partial<
  Record<'revenueNet' | 'revenueGross' | 'revenueClaimed' | 'deposits' | 'withdrawals' | 'writtenDown', bigint>
>;

/** Today's row of the pool: end-of-day state (the latest) plus the day's flows (summed). */
async function recordPoolDay(context: Context, p: PoolRow, block: Block, flows: DayFlows) {
  const state = {
    totalAssets: p.totalAssets,
    totalSupply: p.totalSupply,
    idle: p.idle,
    outstandingPrincipal: p.outstandingPrincipal,
    depositors: p.depositors,
  };
  const zero = { revenueNet: 0n, revenueGross: 0n, revenueClaimed: 0n, deposits: 0n, withdrawals: 0n, writtenDown: 0n };
  await context.db
    .insert(poolDaily)
    .values({ pool: p.address, day: dayOf(block.timestamp), ...state, ...zero, ...flows })
    .onConflictDoUpdate((row) => ({
      ...state,
      revenueNet: row.revenueNet + (flows.revenueNet ?? 0n),
      revenueGross: row.revenueGross + (flows.revenueGross ?? 0n),
      revenueClaimed: row.revenueClaimed + (flows.revenueClaimed ?? 0n),
      deposits: row.deposits + (flows.deposits ?? 0n),
      withdrawals: row.withdrawals + (flows.withdrawals ?? 0n),
      writtenDown: row.writtenDown + (flows.writtenDown ?? 0n),
    }));
}

async function recordAssetDay(
  context: Context,
  assetId: bigint,
  block: Block,
  change: { revenueNet?: bigint; utilizationBps?: number },
) {
  const machine = await context.db.find(asset, { id: assetId });
  if (!machine) return;
  const outstanding = machine.deployed - machine.repaid - machine.writtenDown;
  await context.db
    .insert(assetDaily)
    .values({
      assetId,
      day: dayOf(block.timestamp),
      pool: machine.pool,
      revenueNet: change.revenueNet ?? 0n,
      utilizationBps: change.utilizationBps ?? null,
      outstanding,
    })
    .onConflictDoUpdate((row) => ({
      revenueNet: row.revenueNet + (change.revenueNet ?? 0n),
      utilizationBps: change.utilizationBps ?? row.utilizationBps,
      outstanding,
    }));
}
