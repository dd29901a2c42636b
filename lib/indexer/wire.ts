import { getAddress } from 'viem';
import { z } from 'zod';
import { NOTICE_KINDS } from '../feeds/notice-kinds';
import { HISTORY_KINDS } from '../portfolio/history-kinds';
import { REDEMPTION_STATUSES, type RedemptionStatus } from './exit-requests';

/**
 * The indexer's JSON, as the app reads it: every shape its API answers with, declared once and shared by
 * the readers beside this file. Fields added to the indexer later are defaulted, so that an older indexer
 * still serves the pages.
 */

// ─── Values ─────────────────────────────────────────────────────────────────────────────────────────
/** Decimal strings from the API (exact token amounts) to bigint. */
export const bigintString = z
  .string()
  .regex(/^-?\d+$/, 'an integer as a decimal string')
  .transform((value) => BigInt(value));

export const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<`0x${string}`>;

// The indexer keeps addresses in lower case; the app shows, links and keys maps by the checksummed ones.
export const checksummed = hexAddress.transform((value) => getAddress(value));

const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/) as unknown as z.ZodType<`0x${string}`>;

/**
 * An asset or project id from a URL (the registry's and the factory's counters, from 1); anything else is
 * a 404, not a question for the indexer.
 */
export function parsePositiveId(raw: string): bigint | null {
  return /^[1-9]\d{0,30}$/.test(raw) ? BigInt(raw) : null;
}

/**
 * A list of events keyed by `kind`, where rows of a kind this app does not know yet (a newer indexer) are
 * left out instead of failing the whole answer. Rows of a known kind are still checked in full.
 */
export function knownKinds<const K extends readonly [string, ...string[]], T extends z.ZodType>(kinds: K, row: T) {
  const known = new Set<string>(kinds);
  return z
    .array(z.unknown())
    .transform((rows) =>
      rows.filter((r) => typeof r === 'object' && r !== null && known.has((r as { kind?: unknown }).kind as string)),
    )
    .pipe(z.array(row));
}

/**
 * The chain a row is on: one indexer can serve several chains, where the same pool address or asset id
 * recurs. Optional: an older indexer serves one chain and leaves it out.
 */
const chainId = z.number().int().positive().optional();

/**
 * The block (and its time) an answer reflects; `chains` has each chain's own when the indexer serves
 * several (an older indexer leaves it out).
 */
export const indexedSchema = z.object({
  block: bigintString,
  timestamp: bigintString,
  chains: z
    .array(z.object({ chainId: z.number().int().positive(), block: bigintString, timestamp: bigintString }))
    .optional(),
});
export type IndexedAt = z.infer<typeof indexedSchema>;

// ─── Enumerations ───────────────────────────────────────────────────────────────────────────────────
export const poolCategorySchema = z.enum(['compute', 'robotics']);
export type PoolCategory = z.infer<typeof poolCategorySchema>;

export const poolStatusSchema = z.enum(['raising', 'active', 'closed']);
export type PoolStatus = z.infer<typeof poolStatusSchema>;

const assetKindSchema = z.enum(['gpu_cluster', 'robot_fleet', 'other']);
export type AssetKind = z.infer<typeof assetKindSchema>;

const assetStatusSchema = z.enum(['pending', 'active', 'maintenance', 'retired', 'impaired']);
export type AssetStatus = z.infer<typeof assetStatusSchema>;

const redemptionStatusSchema = z.enum(REDEMPTION_STATUSES);
export type { RedemptionStatus };

// ─── Pools ──────────────────────────────────────────────────────────────────────────────────────────
export const poolSchema = z.object({
  chainId,
  address: hexAddress,
  asset: hexAddress,
  name: z.string(),
  symbol: z.string(),
  category: poolCategorySchema,
  status: poolStatusSchema,
  minDeposit: bigintString,
  depositCap: bigintString,
  metadataUri: z.string(),
  metadataHash: bytes32,
  totalAssets: bigintString,
  idle: bigintString,
  outstandingPrincipal: bigintString,
  writtenDownTotal: bigintString,
  /** Expected losses marked on impaired machines, already out of totalAssets (and the share price). */
  totalProvisions: bigintString.default(0n),
  /** Principal that came back after a write-down (back into idle cash, without the protocol fee). */
  recoveredTotal: bigintString.default(0n),
  /** Deposits and share transfers only to the pool's allowlist. */
  permissioned: z.boolean().default(false),
  paused: z.boolean().default(false),
  revenueNet: bigintString,
  revenueClaimed: bigintString,
  totalSupply: bigintString,
  depositors: z.number().int().nonnegative(),
  createdAt: bigintString,
  // Per the one definition of real yield (indexer/src/api/real-yield.ts), as fractions.
  yield7d: z.number().nullable(),
  yield30d: z.number().nullable(),
  yieldSinceInception: z.number().nullable(),
  utilization30d: z.number().nullable(),
  projectName: z.string().nullable(),
  projectId: bigintString,
});
export type PoolSummary = z.infer<typeof poolSchema>;

/** Only the part of /api/pools/:address beside the pool that the asset page shows (zod drops the rest). */
export const poolProjectSchema = z.object({
  project: z.object({ id: bigintString, name: z.string() }).nullable(),
});

const activityKinds = [
  'deposit',
  'withdrawal',
  'claim',
  'revenue',
  'deployment',
  'repayment',
  'write_down',
  'provision',
  'recovery',
  'redemption_request',
] as const;
const activitySchema = z.object({
  chainId,
  kind: z.enum(activityKinds),
  account: hexAddress.nullable(),
  amount: bigintString.nullable(),
  shares: bigintString.nullable(),
  assetId: bigintString.nullable(),
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
  logOrder: z.coerce.number(),
});
export type PoolActivity = z.infer<typeof activitySchema>;
/** A pool's activity feed, newest first; kinds a newer indexer adds are left out. */
export const activityFeedSchema = knownKinds(activityKinds, activitySchema);

const noticeSchema = z.object({
  chainId: z.number().int().positive(),
  kind: z.enum(NOTICE_KINDS),
  pool: checksummed,
  /** The row's id in its table: unique with the kind. */
  sourceId: z.string(),
  account: checksummed.nullable(),
  /** Net revenue, USDC filled, the provision after, the write-down, the recovery, or the new deposit cap. */
  amount: bigintString.nullable(),
  /** A distribution's gross revenue. */
  gross: bigintString.nullable(),
  shares: bigintString.nullable(),
  assetId: bigintString.nullable(),
  /** JSON: a status change's, deposit limits' or scheduled call's particulars. */
  detail: z.string().nullable(),
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: bytes32,
  logOrder: z.coerce.number(),
});
export type Notice = z.infer<typeof noticeSchema>;
/** Notices, newest first; kinds a newer indexer adds are left out. */
export const noticeListSchema = knownKinds(NOTICE_KINDS, noticeSchema);

/** An ERC-7540 redemption request, as both a pool's exit queue and an account's requests list it. */
export const redemptionSchema = z.object({
  chainId,
  pool: checksummed,
  requestId: bigintString,
  owner: checksummed,
  /** Who claims the USDC (ERC-7540); the owner unless it named another. Older indexers leave it out. */
  controller: checksummed.optional(),
  requestedShares: bigintString,
  pendingShares: bigintString,
  filledShares: bigintString,
  filledAssets: bigintString,
  claimedAssets: bigintString,
  cancelledShares: bigintString,
  status: redemptionStatusSchema,
  requestedAt: bigintString,
  requestedAtBlock: bigintString,
  updatedAt: bigintString,
  txHash: z.string(),
  /** Shares of older requests still waiting in the same pool (FinancingPool.sharesAheadOf). */
  sharesAhead: bigintString,
  /** 1 for the next request to be filled; null once nothing of this request waits. */
  queuePosition: z.coerce.number().int().positive().nullable(),
});
export type RedemptionRequest = z.infer<typeof redemptionSchema>;

const nullableAmount = bigintString.nullable();
/** A series bucket's first day, and whether the indexed block is past its end (the current one is not). */
const bucket = { day: z.number().int(), complete: z.boolean().default(true) };
export const poolSeriesSchemas = {
  revenue: z.object({
    ...bucket,
    revenueNet: bigintString,
    revenueGross: bigintString,
    revenueClaimed: bigintString,
  }),
  tvl: z.object({
    ...bucket,
    totalAssets: nullableAmount,
    outstandingPrincipal: nullableAmount,
    idle: nullableAmount,
  }),
  yield: z.object({ ...bucket, yield7d: z.number().nullable(), yield30d: z.number().nullable() }),
  utilization: z.object({ ...bucket, utilization: z.number().nullable() }),
};
export type PoolSeriesMetric = keyof typeof poolSeriesSchemas;
export type PoolSeriesPoint<M extends PoolSeriesMetric> = z.infer<(typeof poolSeriesSchemas)[M]>;

const delayedActionSchema = z.object({
  chainId,
  /** The timelock's operation id. */
  id: z.string(),
  target: hexAddress,
  pool: hexAddress.nullable().default(null),
  /** Decoded from the call data; null when the call is not one of the pool's or factory's functions. */
  functionName: z.string().nullable().default(null),
  args: z.array(z.unknown()).nullable().default(null),
  scheduledAt: bigintString,
  readyAt: bigintString,
  executedAt: bigintString.nullable().default(null),
  cancelledAt: bigintString.nullable().default(null),
  status: z.enum(['pending', 'executed', 'cancelled']),
  txHash: z.string(),
});
export type DelayedAction = z.infer<typeof delayedActionSchema>;

export const delayedActionsSchema = z.object({ indexed: indexedSchema, actions: z.array(delayedActionSchema) });
export type PoolDelayedActions = z.infer<typeof delayedActionsSchema>;

// ─── Machines ───────────────────────────────────────────────────────────────────────────────────────
/** A machine group as the asset table keeps it (HardwareAssetRegistry plus the pool's capital ledger). */
const assetRowSchema = z.object({
  chainId,
  id: bigintString,
  pool: hexAddress,
  operator: hexAddress,
  kind: assetKindSchema,
  model: z.string(),
  units: z.number().int().nonnegative(),
  location: z.string(),
  status: assetStatusSchema,
  deployed: bigintString,
  repaid: bigintString,
  writtenDown: bigintString,
  /** deployed − repaid − written down. */
  outstanding: bigintString,
  /** Expected loss marked while the machine is impaired: out of the pool's value before any write-down. */
  provision: bigintString.default(0n),
  /** Principal paid back after a write-down. */
  recovered: bigintString.default(0n),
  /** Most the pool may have outstanding in this machine (set by the admin, behind the timelock). */
  limit: bigintString.default(0n),
  revenueNet: bigintString,
  lastUtilizationBps: z.number().int().nullable(),
  registeredAt: bigintString,
});
export type AssetRow = z.infer<typeof assetRowSchema>;

/** A pool's machine group with its trailing-30-day figures (/api/pools/:address/assets). */
export const poolAssetSchema = assetRowSchema.extend({
  revenueNet30d: bigintString,
  yield30d: z.number().nullable(),
  utilization30d: z.number().nullable(),
});
export type PoolAsset = z.infer<typeof poolAssetSchema>;

const statusChangeSchema = z.object({
  chainId,
  id: z.string(),
  previousStatus: assetStatusSchema,
  status: assetStatusSchema,
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
});
export type AssetStatusChange = z.infer<typeof statusChangeSchema>;

const capitalKinds = ['deployment', 'repayment', 'write_down', 'provision', 'recovery'] as const;
const capitalEventSchema = z.object({
  chainId,
  id: z.string(),
  kind: z.enum(capitalKinds),
  amount: bigintString,
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
});
export type CapitalEvent = z.infer<typeof capitalEventSchema>;

/**
 * The tranched pool a machine belongs to, if any (then `pool` is null): a tranched pool is no single pool, and its
 * page is the same route. An older indexer leaves it out; one before `projectName` leaves that out.
 */
const assetTranchedPoolSchema = z.object({
  chainId,
  address: hexAddress,
  name: z.string(),
  category: poolCategorySchema,
  projectId: bigintString,
  projectName: z.string().nullable().default(null),
});
export type AssetTranchedPool = z.infer<typeof assetTranchedPoolSchema>;

export const assetBodySchema = z.object({
  asset: assetRowSchema.extend({ yield30d: z.number().nullable() }),
  pool: poolSchema.pick({ chainId: true, address: true, name: true, symbol: true, category: true }).nullable(),
  tranchedPool: assetTranchedPoolSchema.nullable().default(null),
  statusHistory: z.array(statusChangeSchema),
  capital: knownKinds(capitalKinds, capitalEventSchema),
});

export const assetSeriesSchema = z.object({
  series: z.array(z.object({ ...bucket, revenueNet: bigintString, utilization: z.number().nullable() })),
});
export type AssetSeriesPoint = z.infer<typeof assetSeriesSchema>['series'][number];

// ─── Projects ───────────────────────────────────────────────────────────────────────────────────────
const projectSchema = z.object({
  chainId,
  id: bigintString,
  operator: hexAddress,
  category: poolCategorySchema,
  name: z.string(),
  metadataUri: z.string(),
  createdAt: bigintString,
});

/** A project (operator) with its pools' figures summed by the indexer, single and tranched pools alike. */
export const projectSummarySchema = projectSchema.extend({
  /** Every pool of the project, tranched ones included. */
  poolCount: z.number().int().nonnegative(),
  /** How many of `poolCount` have a senior and a junior tranche (an older indexer counts none). */
  tranchedPoolCount: z.number().int().nonnegative().default(0),
  assetCount: z.number().int().nonnegative(),
  tvl: bigintString,
  /** Net revenue distributed to the pools' holders, to date. */
  revenueNet: bigintString,
  writtenDown: bigintString,
  repaid: bigintString,
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

const projectPoolSchema = poolSchema
  .pick({
    chainId: true,
    address: true,
    name: true,
    symbol: true,
    category: true,
    status: true,
    totalAssets: true,
    outstandingPrincipal: true,
    writtenDownTotal: true,
    revenueNet: true,
    depositors: true,
    yield30d: true,
    utilization30d: true,
    createdAt: true,
  })
  .extend({
    deployedTotal: bigintString,
    repaidTotal: bigintString,
    /** How many machine groups the pool finances. */
    assets: z.number().int().nonnegative(),
  });
export type ProjectPool = z.infer<typeof projectPoolSchema>;

/** A project's tranched pool in brief (/api/projects/:id); its page has the rest. */
const projectTranchedPoolSchema = z.object({
  chainId,
  address: hexAddress,
  name: z.string(),
  category: poolCategorySchema,
  status: poolStatusSchema,
  paused: z.boolean(),
  /** Idle cash + outstanding principal − provisions: seniorValue + juniorValue. */
  totalValue: bigintString,
  seniorValue: bigintString,
  juniorValue: bigintString,
  /** Junior's share of the pool's value now, and the least it may be, in basis points. */
  subordinationBps: z.number().int().nonnegative(),
  minSubordinationBps: z.number().int().nonnegative(),
  /** Senior's target rate, a year, in basis points. */
  seniorRateBps: z.number().int().nonnegative(),
  /** Revenue each tranche received in the last 30 days ÷ its value, a year; null before 30 days or with no value. */
  seniorYield30d: z.number().nullable(),
  juniorYield30d: z.number().nullable(),
  seniorHolders: z.number().int().nonnegative(),
  juniorHolders: z.number().int().nonnegative(),
  outstandingPrincipal: bigintString,
  deployedTotal: bigintString,
  repaidTotal: bigintString,
  writtenDownTotal: bigintString,
  /** Revenue distributed after the protocol fee: what the tranches received. */
  revenueNet: bigintString,
  /** How many machine groups the pool finances. */
  assets: z.number().int().nonnegative(),
  createdAt: bigintString,
});
export type ProjectTranchedPool = z.infer<typeof projectTranchedPoolSchema>;

export const projectDetailSchema = z.object({
  project: projectSchema,
  pools: z.array(projectPoolSchema),
  /** An older indexer has none. */
  tranchedPools: z.array(projectTranchedPoolSchema).default([]),
  /** The machines of every pool of the project, tranched ones included. */
  assets: z.array(assetRowSchema),
});

// ─── Accounts ───────────────────────────────────────────────────────────────────────────────────────
export const positionSchema = z.object({
  chainId,
  pool: checksummed,
  account: checksummed,
  shares: bigintString,
  /** Shares in pending redemption requests: still held (and earning), no longer transferable. */
  lockedShares: bigintString,
  costBasis: bigintString,
  depositedAssets: bigintString,
  withdrawnAssets: bigintString,
  realisedPnl: bigintString,
  revenueClaimed: bigintString,
  poolName: z.string(),
  poolSymbol: z.string(),
  category: poolCategorySchema,
  poolStatus: poolStatusSchema,
  /** What the shares redeem for at the indexed block (the vault's previewRedeem). */
  value: bigintString,
  /** The pool's claimableRevenue(account) at the indexed block's time. */
  claimableRevenue: bigintString,
  unrealisedPnl: bigintString,
  totalReturn: bigintString,
});
export type AccountPosition = z.infer<typeof positionSchema>;

export const historyEntrySchema = z.object({
  chainId,
  kind: z.enum(HISTORY_KINDS),
  pool: checksummed,
  /** For a tranched pool's entry, which tranche; null for a pool's. */
  tranche: z.enum(['senior', 'junior']).nullable().default(null),
  account: checksummed,
  /** USDC paid in or out; null for a redemption request, which moves no cash yet. */
  amount: bigintString.nullable(),
  /** Shares minted, burned or put in the exit queue; null for a claim. */
  shares: bigintString.nullable(),
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string(),
  logOrder: z.coerce.number(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

// ─── Protocol ───────────────────────────────────────────────────────────────────────────────────────
export const protocolSchema = z.object({
  tvl: bigintString,
  outstandingPrincipal: bigintString,
  revenueNet: bigintString,
  revenueNet30d: bigintString,
  revenueClaimed: bigintString,
  writtenDown: bigintString,
  realYield30d: z.number().nullable(),
  /** Every pool, single or tranched. */
  pools: z.number(),
  /** How many of `pools` are tranched (an older indexer counts none, and leaves them out of every total). */
  tranchedPools: z.number().int().nonnegative().default(0),
  machinesFinanced: z.number(),
  unitsFinanced: z.number(),
  investors: z.number(),
});
export type ProtocolTotals = z.infer<typeof protocolSchema>;

export const protocolSeriesSchema = z.object({
  series: z.array(z.object({ ...bucket, revenueNet: bigintString, revenueGross: bigintString })),
});
export type ProtocolSeriesPoint = z.infer<typeof protocolSeriesSchema>['series'][number];

/** Ponder's /status: per chain, the block the indexer has reached. */
export const indexerStatusSchema = z.record(
  z.string(),
  z.object({ id: z.number(), block: z.object({ number: z.number(), timestamp: z.number() }) }),
);
