import 'server-only';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import { poolListQueryString, type PoolListParams } from '../pools/pool-list-params';
import { bigintString, getFromIndexer, hexAddress } from './client';
import { knownKinds } from './wire';

export const poolCategorySchema = z.enum(['compute', 'robotics']);
export type PoolCategory = z.infer<typeof poolCategorySchema>;

const poolSchema = z.object({
  address: hexAddress,
  asset: hexAddress,
  name: z.string(),
  symbol: z.string(),
  category: poolCategorySchema,
  status: z.enum(['raising', 'active', 'closed']),
  minDeposit: bigintString,
  depositCap: bigintString,
  metadataUri: z.string(),
  metadataHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/) as unknown as z.ZodType<`0x${string}`>,
  totalAssets: bigintString,
  idle: bigintString,
  outstandingPrincipal: bigintString,
  writtenDownTotal: bigintString,
  // Added with the loss-marking contracts; defaulted so that an indexer without them still serves the page.
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

export async function listPools(params: Partial<PoolListParams> = {}): Promise<PoolSummary[]> {
  const query = poolListQueryString({ ...params, limit: '200' });
  const body = await getFromIndexer(`/api/pools${query}`, z.object({ pools: z.array(poolSchema) }));
  return body?.pools ?? [];
}

/** null when the address is not an address or no pool lives there: the caller shows a 404. */
export async function getPool(address: string): Promise<PoolSummary | null> {
  if (!isAddress(address, { strict: false })) return null;
  const body = await getFromIndexer(`/api/pools/${getAddress(address)}`, z.object({ pool: poolSchema }));
  return body?.pool ?? null;
}

export async function getPoolActivity(address: Address, limit = 20): Promise<PoolActivity[]> {
  const body = await getFromIndexer(
    `/api/pools/${address}/activity?limit=${limit}`,
    z.object({ activity: knownKinds(activityKinds, activitySchema) }),
  );
  return body?.activity ?? [];
}

const redemptionSchema = z.object({
  requestId: bigintString,
  owner: hexAddress,
  /** Who claims the USDC (ERC-7540); the owner unless it named another. */
  controller: hexAddress.optional(),
  requestedShares: bigintString,
  pendingShares: bigintString,
  filledShares: bigintString,
  filledAssets: bigintString,
  claimedAssets: bigintString,
  cancelledShares: bigintString,
  status: z.enum(['pending', 'partially_filled', 'claimable', 'claimed', 'cancelled']),
  requestedAt: bigintString,
  sharesAhead: bigintString,
  queuePosition: z.number().int().positive().nullable(),
});
export type PoolRedemption = z.infer<typeof redemptionSchema>;

const redemptionQueueSchema = z.object({
  queue: z.object({ idle: bigintString, pendingShares: bigintString, repaidLast90Days: bigintString }),
  redemptions: z.array(redemptionSchema),
});
export type RedemptionQueue = z.infer<typeof redemptionQueueSchema>;

/** The pool's exit queue: every request with its place in line, and what the queue waits for. */
export async function getPoolRedemptions(address: Address): Promise<RedemptionQueue> {
  const body = await getFromIndexer(`/api/pools/${address}/redemptions`, redemptionQueueSchema);
  return body ?? { queue: { idle: 0n, pendingShares: 0n, repaidLast90Days: 0n }, redemptions: [] };
}

const nullableAmount = bigintString.nullable();
const seriesSchemas = {
  revenue: z.object({
    day: z.number(),
    revenueNet: bigintString,
    revenueGross: bigintString,
    revenueClaimed: bigintString,
  }),
  tvl: z.object({
    day: z.number(),
    totalAssets: nullableAmount,
    outstandingPrincipal: nullableAmount,
    idle: nullableAmount,
  }),
  yield: z.object({ day: z.number(), yield7d: z.number().nullable(), yield30d: z.number().nullable() }),
  utilization: z.object({ day: z.number(), utilization: z.number().nullable() }),
};
export type PoolSeriesMetric = keyof typeof seriesSchemas;
export type PoolSeriesPoint<M extends PoolSeriesMetric> = z.infer<(typeof seriesSchemas)[M]>;

/** One of a pool's time series, bucketed by day, week or month over the last `days` days (aggregated in SQL). */
export async function getPoolSeries<M extends PoolSeriesMetric>(
  address: Address,
  metric: M,
  interval: 'day' | 'week' | 'month',
  days: number,
): Promise<PoolSeriesPoint<M>[]> {
  const schema = z.object({ series: z.array(seriesSchemas[metric]) });
  const body = await getFromIndexer(
    `/api/pools/${address}/series?metric=${metric}&interval=${interval}&days=${days}`,
    schema,
  );
  return (body?.series ?? []) as PoolSeriesPoint<M>[];
}

const poolAssetSchema = z.object({
  id: bigintString,
  kind: z.enum(['gpu_cluster', 'robot_fleet', 'other']),
  model: z.string(),
  units: z.number(),
  location: z.string(),
  status: z.enum(['pending', 'active', 'maintenance', 'retired', 'impaired']),
  deployed: bigintString,
  repaid: bigintString,
  writtenDown: bigintString,
  outstanding: bigintString,
  provision: bigintString.default(0n),
  recovered: bigintString.default(0n),
  revenueNet30d: bigintString,
  yield30d: z.number().nullable(),
  utilization30d: z.number().nullable(),
});
export type PoolAsset = z.infer<typeof poolAssetSchema>;

/** The machine groups a pool finances, with each one's principal, 30-day revenue, yield and utilization. */
export async function getPoolAssets(address: Address): Promise<PoolAsset[]> {
  const body = await getFromIndexer(`/api/pools/${address}/assets`, z.object({ assets: z.array(poolAssetSchema) }));
  return body?.assets ?? [];
}

const delayedActionSchema = z.object({
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

const delayedActionsSchema = z.object({
  indexed: z.object({ block: bigintString, timestamp: bigintString }),
  actions: z.array(delayedActionSchema),
});
export type PoolDelayedActions = z.infer<typeof delayedActionsSchema>;

/**
 * Changes to the pool waiting out the timelock's delay, and the ones carried out or cancelled. null when the
 * indexer has no such endpoint (an older one): the page then says nothing rather than "none scheduled".
 */
export async function getPoolDelayedActions(address: Address): Promise<PoolDelayedActions | null> {
  return getFromIndexer(`/api/pools/${address}/delayed-actions`, delayedActionsSchema);
}
