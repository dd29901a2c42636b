import { index, onchainEnum, onchainTable, primaryKey, type PgColumnsBuilders } from 'ponder';
import { HISTORY_KINDS } from '../lib/portfolio/history-kinds';

// Amounts are bigint base units (USDC: 6 decimals; shares: 18). Times are unix seconds; `day` is
// floor(timestamp / 86400), the UTC day. Running totals start at zero (column defaults).

// The contracts' enums (FinancingPool's Category and Status, HardwareAssetRegistry's Kind and Status), in their
// Solidity order: a handler maps the event's index through `enumValues`.
export const category = onchainEnum('category', ['compute', 'robotics']);
export const poolStatus = onchainEnum('pool_status', ['raising', 'active', 'closed']);
export const assetKind = onchainEnum('asset_kind', ['gpu_cluster', 'robot_fleet', 'other']);
export const assetStatus = onchainEnum('asset_status', ['pending', 'active', 'maintenance', 'retired', 'impaired']);

// The indexer's own kinds and states.
const CAPITAL_KINDS = ['deployment', 'repayment', 'write_down', 'recovery', 'provision'] as const;
export const capitalKind = onchainEnum('capital_kind', CAPITAL_KINDS);
export const flowKind = onchainEnum('flow_kind', ['deposit', 'withdrawal']);
const REDEMPTION_EVENT_KINDS = ['redemption_fill', 'redemption_claim', 'redemption_cancel'] as const;
export const redemptionEventKind = onchainEnum('redemption_event_kind', REDEMPTION_EVENT_KINDS);
const REDEMPTION_STATUSES = ['pending', 'partially_filled', 'claimable', 'claimed', 'cancelled'] as const;
export const redemptionStatus = onchainEnum('redemption_status', REDEMPTION_STATUSES);
export const delayedActionStatus = onchainEnum('delayed_action_status', ['pending', 'executed', 'cancelled']);
export const poolChangeKind = onchainEnum('pool_change_kind', ['status', 'deposit_limits', 'paused', 'unpaused']);

/**
 * The chain a row belongs to (Ponder's context.chain.id). One indexer serves several chains, where the same
 * addresses (a deployer's first contracts) and the same ids (assets and projects count from 1) recur: every
 * primary key starts with it.
 */
const onChain = (t: PgColumnsBuilders) => ({ chainId: t.integer().notNull() });

/** Where an event's row comes from on chain. */
const fromTransaction = (t: PgColumnsBuilders) => ({
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
});
/** ...and its place among the transaction's logs (a write-down's provision and loss events share one). */
const fromLog = (t: PgColumnsBuilders) => ({ ...fromTransaction(t), logIndex: t.integer().notNull() });

/**
 * A queued exit (an ERC-7540 request) as its vault keeps it: whose shares are locked and who claims the USDC (usually
 * the same account), and what of it still waits, was filled, or was cancelled (ERC-7887).
 */
const queuedExit = (t: PgColumnsBuilders) => ({
  requestId: t.bigint().notNull(),
  owner: t.hex().notNull(),
  controller: t.hex().notNull(),
  requestedShares: t.bigint().notNull(),
  pendingShares: t.bigint().notNull(),
  filledShares: t.bigint().notNull().default(0n),
  filledAssets: t.bigint().notNull().default(0n),
  cancelledShares: t.bigint().notNull().default(0n),
  requestedAt: t.bigint().notNull(),
  requestedAtBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
  txHash: t.hex().notNull(),
});

export const project = onchainTable(
  'project',
  (t) => ({
    ...onChain(t),
    id: t.bigint().notNull(),
    operator: t.hex().notNull(),
    category: category('category').notNull(),
    name: t.text().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    createdAtBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.id] }) }),
);

export const pool = onchainTable(
  'pool',
  (t) => ({
    ...onChain(t),
    address: t.hex().notNull(),
    projectId: t.bigint().notNull(),
    asset: t.hex().notNull(),
    name: t.text().notNull(),
    symbol: t.text().notNull(),
    category: category('category').notNull(),
    status: poolStatus('status').notNull(),
    depositCap: t.bigint().notNull(),
    minDeposit: t.bigint().notNull(),
    protocolFeeBps: t.integer().notNull(),
    revenueStreamDuration: t.integer().notNull(),
    metadataUri: t.text().notNull(),
    metadataHash: t.hex().notNull(),
    // Created with an allowlist for deposits and share transfers (immutable).
    permissioned: t.boolean().notNull(),
    paused: t.boolean().notNull().default(false),
    // Principal, as the contract keeps it: totalAssets = idle + outstandingPrincipal - totalProvisions.
    totalAssets: t.bigint().notNull().default(0n),
    totalSupply: t.bigint().notNull().default(0n),
    idle: t.bigint().notNull().default(0n),
    outstandingPrincipal: t.bigint().notNull().default(0n),
    totalProvisions: t.bigint().notNull().default(0n),
    deployedTotal: t.bigint().notNull().default(0n),
    repaidTotal: t.bigint().notNull().default(0n),
    writtenDownTotal: t.bigint().notNull().default(0n),
    recoveredTotal: t.bigint().notNull().default(0n),
    // Real yield.
    revenueGross: t.bigint().notNull().default(0n),
    revenueFees: t.bigint().notNull().default(0n),
    revenueNet: t.bigint().notNull().default(0n),
    revenueClaimed: t.bigint().notNull().default(0n),
    // The contract's revenue accumulator, replayed event by event (claimable needs no contract call).
    accRevenuePerShare: t.bigint().notNull().default(0n),
    streamRemaining: t.bigint().notNull().default(0n),
    streamEnd: t.bigint().notNull().default(0n),
    streamUpdatedAt: t.bigint().notNull().default(0n),
    // Queued exits.
    pendingRedeemShares: t.bigint().notNull().default(0n),
    reservedForRedemptions: t.bigint().notNull().default(0n),
    depositors: t.integer().notNull().default(0),
    createdAtBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.address] }), projectIdx: index().on(table.projectId) }),
);

export const asset = onchainTable(
  'asset',
  (t) => ({
    ...onChain(t),
    id: t.bigint().notNull(),
    pool: t.hex().notNull(),
    operator: t.hex().notNull(),
    kind: assetKind('kind').notNull(),
    model: t.text().notNull(),
    units: t.integer().notNull(),
    location: t.text().notNull(),
    metadataUri: t.text().notNull(),
    status: assetStatus('status').notNull(),
    deployed: t.bigint().notNull().default(0n),
    repaid: t.bigint().notNull().default(0n),
    writtenDown: t.bigint().notNull().default(0n),
    recovered: t.bigint().notNull().default(0n),
    // Expected loss marked on the outstanding principal (FinancingPool.markImpairment).
    provision: t.bigint().notNull().default(0n),
    // Most principal that may be outstanding in it (FinancingPool.setAssetLimit, through the timelock).
    limit: t.bigint().notNull().default(0n),
    revenueGross: t.bigint().notNull().default(0n),
    revenueNet: t.bigint().notNull().default(0n),
    lastUtilizationBps: t.integer(),
    registeredAt: t.bigint().notNull(),
    registeredAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.id] }), poolIdx: index().on(table.pool) }),
);

export const assetStatusChange = onchainTable(
  'asset_status_change',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(),
    assetId: t.bigint().notNull(),
    previousStatus: assetStatus('previous_status').notNull(),
    status: assetStatus('status').notNull(),
    ...fromTransaction(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    assetIdx: index().on(table.assetId, table.timestamp),
  }),
);

/**
 * A pool's changes of terms an investor is told of (its feed): status, deposit cap and minimum, pauses. Each
 * row keeps the value before the change, so a feed can say "cap raised from A to B".
 */
export const poolChange = onchainTable(
  'pool_change',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    kind: poolChangeKind('kind').notNull(),
    previousStatus: poolStatus('previous_status'),
    status: poolStatus('status'),
    previousDepositCap: t.bigint(),
    depositCap: t.bigint(),
    minDeposit: t.bigint(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolIdx: index().on(table.pool, table.blockNumber),
  }),
);

export const revenueDistribution = onchainTable(
  'revenue_distribution',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(),
    pool: t.hex().notNull(),
    assetId: t.bigint().notNull(),
    grossAmount: t.bigint().notNull(),
    protocolFee: t.bigint().notNull(),
    netAmount: t.bigint().notNull(),
    periodStart: t.bigint().notNull(),
    periodEnd: t.bigint().notNull(),
    streamEnd: t.bigint().notNull(),
    day: t.integer().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolTimeIdx: index().on(table.pool, table.timestamp),
    assetTimeIdx: index().on(table.assetId, table.timestamp),
  }),
);

export const utilizationReport = onchainTable(
  'utilization_report',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(),
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
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    assetTimeIdx: index().on(table.assetId, table.timestamp),
    poolTimeIdx: index().on(table.pool, table.timestamp),
    // The API's windows are whole days: a pool's utilization over the last 30 days reads only those.
    poolDayIdx: index().on(table.pool, table.day),
  }),
);

/** Capital movements of a pool, each naming its asset; a provision's amount is the asset's provision after it. */
export const capitalEvent = onchainTable(
  'capital_event',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(),
    pool: t.hex().notNull(),
    assetId: t.bigint().notNull(),
    kind: capitalKind('kind').notNull(),
    amount: t.bigint().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolTimeIdx: index().on(table.pool, table.timestamp),
    assetIdx: index().on(table.assetId),
  }),
);

/** Deposits and instant withdrawals, as the ERC-4626 events report them. */
export const poolFlow = onchainTable(
  'pool_flow',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    kind: flowKind('kind').notNull(),
    sender: t.hex().notNull(),
    owner: t.hex().notNull(),
    receiver: t.hex().notNull(),
    assets: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolTimeIdx: index().on(table.pool, table.blockNumber, table.logIndex),
    ownerIdx: index().on(table.owner, table.blockNumber),
  }),
);

export const redemptionRequest = onchainTable(
  'redemption_request',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    ...queuedExit(t),
    claimedAssets: t.bigint().notNull().default(0n),
    status: redemptionStatus('status').notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.pool, table.requestId] }),
    ownerIdx: index().on(table.owner),
    controllerIdx: index().on(table.pool, table.controller),
  }),
);

/** What happened to queued exits after the request: fills (shares priced into USDC), claims, cancels. */
export const redemptionEvent = onchainTable(
  'redemption_event',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    // null for a claim: a controller claims its filled requests together (ERC-7540).
    requestId: t.bigint(),
    // The shares' owner; for a claim, the controller whose filled redemptions are paid.
    owner: t.hex().notNull(),
    controller: t.hex().notNull(),
    kind: redemptionEventKind('kind').notNull(),
    shares: t.bigint(),
    assets: t.bigint(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    ownerIdx: index().on(table.owner),
    poolIdx: index().on(table.pool),
  }),
);

export const revenueClaim = onchainTable(
  'revenue_claim',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    receiver: t.hex().notNull(),
    amount: t.bigint().notNull(),
    ...fromTransaction(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    accountIdx: index().on(table.account, table.timestamp),
    poolIdx: index().on(table.pool),
  }),
);

/** One row per pool share holder: shares follow every mint, burn and transfer; cost basis is average cost. */
export const position = onchainTable(
  'position',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull().default(0n),
    lockedShares: t.bigint().notNull().default(0n),
    costBasis: t.bigint().notNull().default(0n),
    depositedAssets: t.bigint().notNull().default(0n),
    withdrawnAssets: t.bigint().notNull().default(0n),
    realisedPnl: t.bigint().notNull().default(0n),
    // Revenue owed = shares × pool.accRevenuePerShare ÷ 1e36 − revenueDebt (the contract's form; negative once
    // the shares are gone and revenue is still owed).
    revenueDebt: t.bigint().notNull().default(0n),
    revenueClaimed: t.bigint().notNull().default(0n),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.pool, table.account] }),
    accountIdx: index().on(table.account),
  }),
);

/** End-of-day state and the day's flows of one pool; days with no event have no row (forward-filled in SQL). */
export const poolDaily = onchainTable(
  'pool_daily',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    day: t.integer().notNull(),
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    idle: t.bigint().notNull(),
    outstandingPrincipal: t.bigint().notNull(),
    totalProvisions: t.bigint().notNull(),
    depositors: t.integer().notNull(),
    revenueNet: t.bigint().notNull().default(0n),
    revenueGross: t.bigint().notNull().default(0n),
    revenueClaimed: t.bigint().notNull().default(0n),
    deposits: t.bigint().notNull().default(0n),
    withdrawals: t.bigint().notNull().default(0n),
    writtenDown: t.bigint().notNull().default(0n),
    recovered: t.bigint().notNull().default(0n),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.pool, table.day] }),
    // Protocol-wide sums over the last days (all pools at once).
    dayIdx: index().on(table.day),
  }),
);

export const assetDaily = onchainTable(
  'asset_daily',
  (t) => ({
    ...onChain(t),
    assetId: t.bigint().notNull(),
    day: t.integer().notNull(),
    pool: t.hex().notNull(),
    revenueNet: t.bigint().notNull().default(0n),
    utilizationBps: t.integer(),
    outstanding: t.bigint().notNull(),
    provision: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.assetId, table.day] }),
    poolDayIdx: index().on(table.pool, table.day),
  }),
);

/** Who may hold a permissioned pool's shares: the last AllowlistUpdated per account. */
export const allowlist = onchainTable(
  'allowlist',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    allowed: t.boolean().notNull(),
    updatedAt: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.pool, table.account] }) }),
);

/** Calls scheduled on the ProtocolTimelock, one row per call of an operation (a batch has several): what
 * will change, and from when it can. */
export const delayedAction = onchainTable(
  'delayed_action',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // `${operationHash}-${index}`: the timelock's operation id and the call's index in it
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
    status: delayedActionStatus('status').notNull(),
    scheduledAt: t.bigint().notNull(),
    scheduledAtBlock: t.bigint().notNull(),
    readyAt: t.bigint().notNull(),
    executedAt: t.bigint(),
    cancelledAt: t.bigint(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    operationHashx: index().on(table.operationHash),
    poolIdx: index().on(table.pool, table.scheduledAtBlock),
  }),
);

/** The stream state a transaction's revenue merges into. distributeRevenueBatch emits one RevenueDistributed
 * per asset but merges their sum into the stream once; merging each in turn would round differently. */
export const streamMerge = onchainTable(
  'stream_merge',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    txHash: t.hex().notNull(),
    remaining: t.bigint().notNull(),
    streamEnd: t.bigint().notNull(),
    net: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.pool] }) }),
);

/** A pool's (or a tranche vault's) latest RedemptionClaimed. The Withdraw logged right after it in the same
 * transaction pays that claim out (its P&L was realised at the fill): it is not an instant withdrawal. */
export const redemptionPayout = onchainTable(
  'redemption_payout',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.pool] }) }),
);

// What a period statement needs to value a holding at any block without an archive node: the pool's
// share price and revenue stream after every event that moves them, and each holder's shares and revenue
// debt after every event that moves those.
const LEDGER_KINDS = [
  'mint',
  'burn',
  'transfer',
  'deposit',
  'withdrawal',
  'fill',
  'provision',
  'write_down',
  'recovery',
  'revenue',
  'claim',
] as const;
export const ledgerKind = onchainEnum('ledger_kind', LEDGER_KINDS);

/**
 * One row per event that changes a pool's totalAssets, totalSupply or revenue stream, with the state after
 * it. `account` is whom the event is about (a transfer's sender, a deposit's or exit's owner, a claimer);
 * `counterparty` a transfer's receiver. Ordered by `id` (Ponder's checkpoint: block, then log).
 */
export const poolLedger = onchainTable(
  'pool_ledger',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    id: t.text().notNull(),
    kind: ledgerKind('kind').notNull(),
    account: t.hex(),
    counterparty: t.hex(),
    assets: t.bigint().notNull().default(0n),
    shares: t.bigint().notNull().default(0n),
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    accRevenuePerShare: t.bigint().notNull(),
    streamRemaining: t.bigint().notNull(),
    streamEnd: t.bigint().notNull(),
    streamUpdatedAt: t.bigint().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.pool, table.id] }),
    blockIdx: index().on(table.chainId, table.pool, table.blockNumber),
  }),
);

/** A holder's shares and revenue debt after each transfer, mint, burn or revenue claim of theirs. */
export const holdingLedger = onchainTable(
  'holding_ledger',
  (t) => ({
    ...onChain(t),
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    id: t.text().notNull(),
    shares: t.bigint().notNull(),
    revenueDebt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.pool, table.account, table.id] }),
    accountIdx: index().on(table.chainId, table.account, table.blockNumber),
  }),
);

// ─── Tranched pools (contracts/src/tranche) ──────────────────────────────────────────────────────────────
// One TranchedPool holds the principal; its senior and junior TrancheVaults (ERC-4626 each) hold the shares.
// The pool's machines are ordinary `asset` rows (the registry names the pool); their capital and revenue
// follow the pool's events as a FinancingPool's do.

export const trancheSide = onchainEnum('tranche_side', ['senior', 'junior']);
export const trancheLossKind = onchainEnum('tranche_loss_kind', ['allocated', 'restored']);

/**
 * A tranched pool as the contract keeps it, replayed from its events: totalValue = idle + outstandingPrincipal −
 * totalProvisions; senior's value is kept here, junior's is the rest (TrancheWaterfall).
 */
export const tranchedPool = onchainTable(
  'tranched_pool',
  (t) => ({
    ...onChain(t),
    address: t.hex().notNull(),
    projectId: t.bigint().notNull(),
    name: t.text().notNull(),
    category: category('category').notNull(),
    status: poolStatus('status').notNull(),
    paused: t.boolean().notNull(),
    depositCap: t.bigint().notNull(),
    protocolFeeBps: t.integer().notNull(),
    seniorRateBps: t.integer().notNull(),
    minSubordinationBps: t.integer().notNull(),
    senior: t.hex().notNull(),
    junior: t.hex().notNull(),
    idle: t.bigint().notNull().default(0n),
    outstandingPrincipal: t.bigint().notNull().default(0n),
    totalProvisions: t.bigint().notNull().default(0n),
    seniorValue: t.bigint().notNull().default(0n),
    // Senior's losses not yet restored (TrancheWaterfall.seniorLoss).
    seniorLoss: t.bigint().notNull().default(0n),
    // The last RevenueSplit's `carried`: senior interest owed after it.
    carriedInterest: t.bigint().notNull().default(0n),
    deployedTotal: t.bigint().notNull().default(0n),
    repaidTotal: t.bigint().notNull().default(0n),
    writtenDownTotal: t.bigint().notNull().default(0n),
    recoveredTotal: t.bigint().notNull().default(0n),
    revenueGross: t.bigint().notNull().default(0n),
    feesPaid: t.bigint().notNull().default(0n),
    revenueSenior: t.bigint().notNull().default(0n),
    revenueJunior: t.bigint().notNull().default(0n),
    // When the vaults were attached: the pool takes deposits from then.
    createdAtBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.address] }), projectIdx: index().on(table.projectId) }),
);

/** One tranche (vault) of a tranched pool: its shares, revenue stream, losses and exit queue. */
export const tranche = onchainTable(
  'tranche',
  (t) => ({
    ...onChain(t),
    address: t.hex().notNull(),
    pool: t.hex().notNull(),
    side: trancheSide('side').notNull(),
    name: t.text().notNull(),
    symbol: t.text().notNull(),
    revenueStreamDuration: t.integer().notNull(),
    totalSupply: t.bigint().notNull().default(0n),
    holders: t.integer().notNull().default(0),
    depositedTotal: t.bigint().notNull().default(0n),
    withdrawnTotal: t.bigint().notNull().default(0n),
    revenueReceived: t.bigint().notNull().default(0n),
    revenueClaimed: t.bigint().notNull().default(0n),
    lossAllocated: t.bigint().notNull().default(0n),
    lossRestored: t.bigint().notNull().default(0n),
    pendingRedeemShares: t.bigint().notNull().default(0n),
    reservedForRedemptions: t.bigint().notNull().default(0n),
    // The vault's revenue accumulator, replayed as a FinancingPool's (revenue-accumulator.ts).
    accRevenuePerShare: t.bigint().notNull().default(0n),
    streamRemaining: t.bigint().notNull().default(0n),
    streamEnd: t.bigint().notNull().default(0n),
    streamUpdatedAt: t.bigint().notNull().default(0n),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.chainId, table.address] }), poolIdx: index().on(table.pool) }),
);

/** One distribution's waterfall (RevenueSplit): fee + senior + junior = revenue. */
export const waterfallSplit = onchainTable(
  'waterfall_split',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    revenue: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    senior: t.bigint().notNull(),
    junior: t.bigint().notNull(),
    carried: t.bigint().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolTimeIdx: index().on(table.chainId, table.pool, table.timestamp),
  }),
);

/** A fall of the pool's value shared out (junior first) or a rise shared back (senior's loss first). */
export const trancheLoss = onchainTable(
  'tranche_loss',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    kind: trancheLossKind('kind').notNull(),
    toSenior: t.bigint().notNull(),
    toJunior: t.bigint().notNull(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    poolIdx: index().on(table.chainId, table.pool, table.blockNumber),
  }),
);

// Every kind a holder's history has: a pool's come from several tables, a tranche's from this one.
export const trancheFlowKind = onchainEnum('tranche_flow_kind', HISTORY_KINDS);

/**
 * A holder's own event in a tranche, for their history: deposits, instant exits, revenue claims and each step of
 * a queued exit. `account` is whose history it is (the shares' owner; a claim's claimer; a payout's controller).
 */
export const trancheFlow = onchainTable(
  'tranche_flow',
  (t) => ({
    ...onChain(t),
    id: t.text().notNull(), // event.id
    pool: t.hex().notNull(),
    tranche: t.hex().notNull(),
    side: trancheSide('side').notNull(),
    kind: trancheFlowKind('kind').notNull(),
    account: t.hex().notNull(),
    // A queued exit's controller, when another than the owner: its history has the request's steps too.
    controller: t.hex(),
    // null for a redemption payout, which pays a controller's filled requests together (ERC-7540).
    requestId: t.bigint(),
    // USDC in or out; null for a request and a cancel, which move no cash.
    amount: t.bigint(),
    // Shares minted, burned or queued; null for a claim.
    shares: t.bigint(),
    ...fromLog(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.id] }),
    accountIdx: index().on(table.account),
    controllerIdx: index().on(table.controller),
  }),
);

/**
 * One queued exit of a tranche (its vault's ERC-7540 requestRedeem), as the vault keeps it: what still waits, what
 * was filled, what was cancelled (ERC-7887). The tranche's page lists a controller's waiting requests from here, to
 * cancel them; the USDC of fills is collected per controller (claimableRedemption), not per request.
 */
export const trancheRequest = onchainTable(
  'tranche_request',
  (t) => ({
    ...onChain(t),
    // The vault whose queue it is, and its tranched pool.
    tranche: t.hex().notNull(),
    pool: t.hex().notNull(),
    side: trancheSide('side').notNull(),
    ...queuedExit(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.tranche, table.requestId] }),
    poolIdx: index().on(table.chainId, table.pool),
  }),
);

/** One holder of one tranche: shares follow every mint, burn and transfer; exits are booked to the shares' owner. */
export const tranchePosition = onchainTable(
  'tranche_position',
  (t) => ({
    ...onChain(t),
    tranche: t.hex().notNull(),
    account: t.hex().notNull(),
    pool: t.hex().notNull(),
    shares: t.bigint().notNull().default(0n),
    deposited: t.bigint().notNull().default(0n),
    // Instant exits when paid, queued ones when filled (the owner's shares are gone then).
    withdrawn: t.bigint().notNull().default(0n),
    // Average cost of the shares held, and P&L realised on exits, as a FinancingPool holder's (position).
    costBasis: t.bigint().notNull().default(0n),
    realisedPnl: t.bigint().notNull().default(0n),
    revenueClaimed: t.bigint().notNull().default(0n),
    // As a FinancingPool holder's: owed = shares × accRevenuePerShare ÷ 1e36 − revenueDebt.
    revenueDebt: t.bigint().notNull().default(0n),
    pendingRedeemShares: t.bigint().notNull().default(0n),
    // USDC of this controller's filled exits, held by the vault until it collects them (claimableRedemption).
    claimableRedeemAssets: t.bigint().notNull().default(0n),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.chainId, table.tranche, table.account] }),
    accountIdx: index().on(table.account),
  }),
);
