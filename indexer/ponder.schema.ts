import { index, onchainTable, primaryKey } from 'ponder';

// Amounts are bigint base units (USDC: 6 decimals; shares: 18). Times are unix seconds; `day` is
// floor(timestamp / 86400), the UTC day.

export const project = onchainTable('project', (t) => ({
  id: t.bigint().primaryKey(),
  operator: t.hex().notNull(),
  category: t.text().notNull(), // 'compute' | 'robotics'
  name: t.text().notNull(),
  metadataUri: t.text().notNull(),
  metadataHash: t.hex().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
}));

export const pool = onchainTable(
  'pool',
  (t) => ({
    address: t.hex().primaryKey(),
    projectId: t.bigint().notNull(),
    asset: t.hex().notNull(),
    name: t.text().notNull(),
    symbol: t.text().notNull(),
    category: t.text().notNull(), // 'compute' | 'robotics'
    status: t.text().notNull(), // 'raising' | 'active' | 'closed'
    depositCap: t.bigint().notNull(),
    minDeposit: t.bigint().notNull(),
    protocolFeeBps: t.integer().notNull(),
    revenueStreamDuration: t.integer().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    // Created with an allowlist for deposits and share transfers (immutable).
    permissioned: t.boolean().notNull(),
    paused: t.boolean().notNull(),
    // Principal, as the contract keeps it: totalAssets = idle + outstandingPrincipal - totalProvisions.
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    idle: t.bigint().notNull(),
    outstandingPrincipal: t.bigint().notNull(),
    totalProvisions: t.bigint().notNull(),
    deployedTotal: t.bigint().notNull(),
    repaidTotal: t.bigint().notNull(),
    writtenDownTotal: t.bigint().notNull(),
    recoveredTotal: t.bigint().notNull(),
    // Real yield.
    revenueGross: t.bigint().notNull(),
    revenueFees: t.bigint().notNull(),
    revenueNet: t.bigint().notNull(),
    revenueClaimed: t.bigint().notNull(),
    // The contract's revenue accumulator, replayed event by event (claimable needs no contract call).
    accRevenuePerShare: t.bigint().notNull(),
    streamRemaining: t.bigint().notNull(),
    streamEnd: t.bigint().notNull(),
    streamUpdatedAt: t.bigint().notNull(),
    // Queued exits.
    pendingRedeemShares: t.bigint().notNull(),
    reservedForRedemptions: t.bigint().notNull(),
    depositors: t.integer().notNull(),
    createdAtBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ projectIdx: index().on(table.projectId) }),
);

export const asset = onchainTable(
  'asset',
  (t) => ({
    id: t.bigint().primaryKey(),
    pool: t.hex().notNull(),
    operator: t.hex().notNull(),
    kind: t.text().notNull(), // 'gpu_cluster' | 'robot_fleet' | 'other'
    model: t.text().notNull(),
    units: t.integer().notNull(),
    location: t.text().notNull(),
    metadataUri: t.text().notNull(),
    status: t.text().notNull(), // 'pending' | 'active' | 'maintenance' | 'retired' | 'impaired'
    deployed: t.bigint().notNull(),
    repaid: t.bigint().notNull(),
    writtenDown: t.bigint().notNull(),
    recovered: t.bigint().notNull(),
    // Expected loss marked on the outstanding principal (FinancingPool.markImpairment).
    provision: t.bigint().notNull(),
    // Most principal that may be outstanding in it (FinancingPool.setAssetLimit, through the timelock).
    limit: t.bigint().notNull(),
    revenueGross: t.bigint().notNull(),
    revenueNet: t.bigint().notNull(),
    lastUtilizationBps: t.integer(),
    registeredAt: t.bigint().notNull(),
    registeredAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool) }),
);

export const assetStatusChange = onchainTable(
  'asset_status_change',
  (t) => ({
    id: t.text().primaryKey(),
    assetId: t.bigint().notNull(),
    previousStatus: t.text().notNull(),
    status: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ assetIdx: index().on(table.assetId, table.timestamp) }),
);

export const revenueDistribution = onchainTable(
  'revenue_distribution',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    assetId: t.bigint().notNull(),
    grossAmount: t.bigint().notNull(),
    protocolFee: t.bigint().notNull(),
    netAmount: t.bigint().notNull(),
    periodStart: t.bigint().notNull(),
    periodEnd: t.bigint().notNull(),
    streamEnd: t.bigint().notNull(),
    day: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    poolTimeIdx: index().on(table.pool, table.timestamp),
    assetTimeIdx: index().on(table.assetId, table.timestamp),
  }),
);

export const utilizationReport = onchainTable(
  'utilization_report',
  (t) => ({
    id: t.text().primaryKey(),
    assetId: t.bigint().notNull(),
    pool: t.hex().notNull(),
    periodStart: t.bigint().notNull(),
    periodEnd: t.bigint().notNull(),
    utilizationBps: t.integer().notNull(),
    reporter: t.hex().notNull(),
    day: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({
    assetTimeIdx: index().on(table.assetId, table.timestamp),
    poolTimeIdx: index().on(table.pool, table.timestamp),
    // The API's windows are whole days: a pool's utilization over the last 30 days reads only those.
    poolDayIdx: index().on(table.pool, table.day),
  }),
);

/**
 * Capital movements of a pool, each naming its asset: 'deployment' | 'repayment' | 'write_down' | 'recovery',
 * and 'provision' (amount: the asset's provision after the change).
 */
export const capitalEvent = onchainTable(
  'capital_event',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    assetId: t.bigint().notNull(),
    kind: t.text().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    // A write-down's ProvisionUpdated and PrincipalWrittenDown share a transaction: this orders them.
    logIndex: t.integer().notNull(),
  }),
  (table) => ({ poolTimeIdx: index().on(table.pool, table.timestamp), assetIdx: index().on(table.assetId) }),
);

/** Deposits and instant withdrawals, as the ERC-4626 events report them. */
export const poolFlow = onchainTable(
  'pool_flow',
  (t) => ({
    id: t.text().primaryKey(), // `${txHash}-${logIndex}`
    pool: t.hex().notNull(),
    kind: t.text().notNull(), // 'deposit' | 'withdrawal'
    sender: t.hex().notNull(),
    owner: t.hex().notNull(),
    receiver: t.hex().notNull(),
    assets: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    poolTimeIdx: index().on(table.pool, table.blockNumber, table.logIndex),
    ownerIdx: index().on(table.owner, table.blockNumber),
  }),
);

export const redemptionRequest = onchainTable(
  'redemption_request',
  (t) => ({
    pool: t.hex().notNull(),
    requestId: t.bigint().notNull(),
    // Whose shares are locked, and who claims the USDC (ERC-7540): usually the same account.
    owner: t.hex().notNull(),
    controller: t.hex().notNull(),
    requestedShares: t.bigint().notNull(),
    pendingShares: t.bigint().notNull(),
    filledShares: t.bigint().notNull(),
    filledAssets: t.bigint().notNull(),
    claimedAssets: t.bigint().notNull(),
    cancelledShares: t.bigint().notNull(),
    // 'pending' | 'partially_filled' | 'claimable' | 'claimed' | 'cancelled'
    status: t.text().notNull(),
    requestedAt: t.bigint().notNull(),
    requestedAtBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.pool, table.requestId] }),
    ownerIdx: index().on(table.owner),
    controllerIdx: index().on(table.pool, table.controller),
  }),
);

/** What happened to queued exits after the request: fills (shares priced into USDC), claims, cancels. */
export const redemptionEvent = onchainTable(
  'redemption_event',
  (t) => ({
    id: t.text().primaryKey(), // `${txHash}-${logIndex}`
    pool: t.hex().notNull(),
    // null for a claim: a controller claims its filled requests together (ERC-7540).
    requestId: t.bigint(),
    // The shares' owner; for a claim, the controller whose filled redemptions are paid.
    owner: t.hex().notNull(),
    controller: t.hex().notNull(),
    kind: t.text().notNull(), // 'redemption_fill' | 'redemption_claim' | 'redemption_cancel'
    shares: t.bigint(),
    assets: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({ ownerIdx: index().on(table.owner), poolIdx: index().on(table.pool) }),
);

export const revenueClaim = onchainTable(
  'revenue_claim',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    receiver: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account, table.timestamp), poolIdx: index().on(table.pool) }),
);

/** One row per pool share holder: shares follow every mint, burn and transfer; cost basis is average cost. */
export const position = onchainTable(
  'position',
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull(),
    lockedShares: t.bigint().notNull(),
    costBasis: t.bigint().notNull(),
    depositedAssets: t.bigint().notNull(),
    withdrawnAssets: t.bigint().notNull(),
    realisedPnl: t.bigint().notNull(),
    // Revenue owed = shares × pool.accRevenuePerShare ÷ 1e36 − revenueDebt (the contract's form; negative once
    // the shares are gone and revenue is still owed).
    revenueDebt: t.bigint().notNull(),
    revenueClaimed: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.pool, table.account] }),
    accountIdx: index().on(table.account),
  }),
);

/** End-of-day state and the day's flows of one pool; days with no event have no row (forward-filled in SQL). */
export const poolDaily = onchainTable(
  'pool_daily',
  (t) => ({
    pool: t.hex().notNull(),
    day: t.integer().notNull(),
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    idle: t.bigint().notNull(),
    outstandingPrincipal: t.bigint().notNull(),
    totalProvisions: t.bigint().notNull(),
    depositors: t.integer().notNull(),
    revenueNet: t.bigint().notNull(),
    revenueGross: t.bigint().notNull(),
    revenueClaimed: t.bigint().notNull(),
    deposits: t.bigint().notNull(),
    withdrawals: t.bigint().notNull(),
    writtenDown: t.bigint().notNull(),
    recovered: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.pool, table.day] }),
    // Protocol-wide sums over the last days (all pools at once).
    dayIdx: index().on(table.day),
  }),
);

export const assetDaily = onchainTable(
  'asset_daily',
  (t) => ({
    assetId: t.bigint().notNull(),
    day: t.integer().notNull(),
    pool: t.hex().notNull(),
    revenueNet: t.bigint().notNull(),
    utilizationBps: t.integer(),
    outstanding: t.bigint().notNull(),
    provision: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.assetId, table.day] }),
    poolDayIdx: index().on(table.pool, table.day),
  }),
);

/** Who may hold a permissioned pool's shares: the last AllowlistUpdated per account. */
export const allowlist = onchainTable(
  'allowlist',
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    allowed: t.boolean().notNull(),
    updatedAt: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.account] }) }),
);

/**
 * Calls scheduled on the ProtocolTimelock, one row per call of an operation (a batch has several): what
 * will change, and from when it can.
 */
export const delayedAction = onchainTable(
  'delayed_action',
  (t) => ({
    id: t.text().primaryKey(), // `${operationHash}-${index}`: the timelock's operation id and the call's index in it
    operationHash: t.hex().notNull(),
    index: t.integer().notNull(),
    target: t.hex().notNull(),
    // The target when it is one of the pools, else null.
    pool: t.hex(),
    value: t.bigint().notNull(),
    data: t.hex().notNull(),
    predecessor: t.hex().notNull(),
    delay: t.bigint().notNull(),
    // Decoded with the pool's or the factory's ABI; null when the call data is not one of theirs.
    functionName: t.text(),
    args: t.text(), // JSON array, bigints as decimal strings
    status: t.text().notNull(), // 'pending' | 'executed' | 'cancelled'
    scheduledAt: t.bigint().notNull(),
    scheduledAtBlock: t.bigint().notNull(),
    readyAt: t.bigint().notNull(),
    executedAt: t.bigint(),
    cancelledAt: t.bigint(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    operationHashx: index().on(table.operationHash),
    poolIdx: index().on(table.pool, table.scheduledAtBlock),
  }),
);

/**
 * The stream state a transaction's revenue merges into. distributeRevenueBatch emits one RevenueDistributed
 * per asset but merges their sum into the stream once; merging each in turn would round differently.
 */
export const streamMerge = onchainTable('stream_merge', (t) => ({
  pool: t.hex().primaryKey(),
  txHash: t.hex().notNull(),
  remaining: t.bigint().notNull(),
  streamEnd: t.bigint().notNull(),
  net: t.bigint().notNull(),
}));
