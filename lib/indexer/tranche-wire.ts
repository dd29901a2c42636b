import { z } from 'zod';
import { bigintString, checksummed, hexAddress, indexedSchema, poolCategorySchema, poolStatusSchema } from './wire';

/**
 * The indexer's JSON for tranched pools (contracts/src/tranche): a pool whose capital is held by a senior and a
 * junior tranche, each an ERC-4626 vault. Amounts are USDC base units as decimal strings; rates and shares of the
 * pool are basis points; yields are fractions a year (0.08 for 8 %).
 */

const chainId = z.number().int().positive().optional();

export const trancheSideSchema = z.enum(['senior', 'junior']);
export type TrancheSide = z.infer<typeof trancheSideSchema>;

/** One tranche (vault) of a pool, as of the indexed block. */
export const trancheSchema = z.object({
  address: hexAddress,
  side: trancheSideSchema,
  name: z.string(),
  symbol: z.string(),
  /** The tranche's value after losses (the vault's totalAssets), USDC. */
  value: bigintString,
  totalSupply: bigintString,
  /** Revenue the pool paid into the vault, in all (after the protocol fee). */
  revenueReceived: bigintString,
  revenueClaimed: bigintString,
  /** Losses this tranche took (LossAllocated) and had back (LossRestored), in all. */
  lossAllocated: bigintString,
  lossRestored: bigintString,
  /** Holders with shares now. */
  holders: z.number().int().nonnegative(),
  /** Shares waiting in the tranche's exit queue. */
  pendingRedeemShares: bigintString,
  /** Revenue received in the last 30 days ÷ the tranche's value, a year; null before 30 days or with no value. */
  yield30d: z.number().nullable(),
  yieldSinceInception: z.number().nullable(),
});
export type Tranche = z.infer<typeof trancheSchema>;

export const tranchedPoolSchema = z.object({
  chainId,
  address: hexAddress,
  name: z.string(),
  category: poolCategorySchema,
  status: poolStatusSchema,
  paused: z.boolean(),
  projectId: bigintString,
  projectName: z.string().nullable(),
  depositCap: bigintString,
  /** Idle cash + outstanding principal − provisions: senior.value + junior.value. */
  totalValue: bigintString,
  idle: bigintString,
  outstandingPrincipal: bigintString,
  totalProvisions: bigintString,
  protocolFeeBps: z.number().int().nonnegative(),
  seniorRateBps: z.number().int().nonnegative(),
  minSubordinationBps: z.number().int().nonnegative(),
  /** Junior's share of the pool's value now (10,000 when the pool is worth nothing). */
  subordinationBps: z.number().int().nonnegative(),
  /** Senior's losses not yet restored. */
  seniorLoss: bigintString,
  /** Senior interest the last distribution could not pay: paid first from the next one. */
  carriedInterest: bigintString,
  /** Revenue distributed (gross of the fee), the fees, and what each tranche got, in all. */
  revenueGross: bigintString,
  feesPaid: bigintString,
  createdAt: bigintString,
  createdAtBlock: bigintString,
  senior: trancheSchema,
  junior: trancheSchema,
});
export type TranchedPool = z.infer<typeof tranchedPoolSchema>;

/** One distribution's waterfall (RevenueSplit): fee + senior + junior = revenue. */
export const waterfallSplitSchema = z.object({
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  revenue: bigintString,
  fee: bigintString,
  senior: bigintString,
  junior: bigintString,
  /** Senior interest still owed after this distribution. */
  carried: bigintString,
});
export type WaterfallSplit = z.infer<typeof waterfallSplitSchema>;

/** A loss shared out (junior first) or a recovery shared back (senior first). */
export const trancheLossSchema = z.object({
  kind: z.enum(['allocated', 'restored']),
  blockNumber: bigintString,
  timestamp: bigintString,
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  toSenior: bigintString,
  toJunior: bigintString,
});
export type TrancheLoss = z.infer<typeof trancheLossSchema>;

export const tranchedPoolListSchema = z.object({
  indexed: indexedSchema,
  pools: z.array(tranchedPoolSchema),
});

export const tranchedPoolDetailSchema = z.object({
  indexed: indexedSchema,
  pool: tranchedPoolSchema,
  splits: z.array(waterfallSplitSchema),
  losses: z.array(trancheLossSchema),
});

/** An account's holding in one tranche. */
export const tranchePositionSchema = z.object({
  chainId,
  account: checksummed,
  pool: hexAddress,
  poolName: z.string(),
  category: poolCategorySchema,
  tranche: hexAddress,
  side: trancheSideSchema,
  symbol: z.string(),
  shares: bigintString,
  /** shares at the vault's price (ERC-4626 convertToAssets, rounding down), USDC. */
  value: bigintString,
  deposited: bigintString,
  withdrawn: bigintString,
  /** Average cost of the shares held, and P&L realised on exits: as a pool position's (AccountPosition). */
  costBasis: bigintString,
  unrealisedPnl: bigintString,
  realisedPnl: bigintString,
  revenueClaimed: bigintString,
  /** Revenue released to the account and not claimed yet, as the vault's claimableRevenue at the indexed block. */
  claimableRevenue: bigintString.default(0n),
  /** Shares of this account waiting in the tranche's exit queue. */
  pendingRedeemShares: bigintString,
  /** USDC of this account's filled exits, held by the vault until it collects them. */
  claimableRedeemAssets: bigintString.default(0n),
  /** Unrealised plus realised P&L plus revenue claimed and claimable. */
  totalReturn: bigintString,
});
export type TranchePosition = z.infer<typeof tranchePositionSchema>;

export const tranchePositionsSchema = z.object({
  indexed: indexedSchema,
  positions: z.array(tranchePositionSchema),
});

/** An exit waiting in one tranche's queue (its vault's ERC-7540 request), with its place in that tranche's queue. */
export const trancheRedemptionSchema = z.object({
  chainId,
  tranche: checksummed,
  pool: checksummed,
  side: trancheSideSchema,
  requestId: bigintString,
  owner: checksummed,
  /** Who cancels it and collects its USDC (ERC-7540); the owner unless it named another. */
  controller: checksummed,
  requestedShares: bigintString,
  pendingShares: bigintString,
  filledShares: bigintString,
  filledAssets: bigintString,
  cancelledShares: bigintString,
  requestedAt: bigintString,
  txHash: z.string(),
  /** Shares of older requests still waiting in the same tranche. */
  sharesAhead: bigintString,
  /** 1 for the next request to be filled. */
  queuePosition: z.coerce.number().int().positive(),
});
export type TrancheRedemption = z.infer<typeof trancheRedemptionSchema>;

export const trancheRedemptionsSchema = z.object({
  indexed: indexedSchema,
  redemptions: z.array(trancheRedemptionSchema),
});
