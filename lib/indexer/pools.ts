import 'server-only';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import { POOLS_PER_PAGE, poolListQueryString, type PoolListParams } from '../pools/pool-list-params';
import { getFromIndexer } from './client';
import {
  activityFeedSchema,
  delayedActionsSchema,
  poolAssetSchema,
  poolSchema,
  poolSeriesSchemas,
  type PoolActivity,
  type PoolAsset,
  type PoolDelayedActions,
  type PoolSeriesMetric,
  type PoolSeriesPoint,
  type PoolSummary,
} from './wire';

// The pool page's client panels still import these from here (their files belong to the wallet work).

/** Every served chain's pools, or one chain's (`chain`), filtered and sorted as asked. */
/**
 * One page of the pools list, filtered and sorted by the indexer, and how many pools match in all. `limit`:
 * pools per page (POOLS_PER_PAGE unless given).
 */
export async function listPools(
  { chain, page = 1, ...params }: Partial<PoolListParams> = {},
  limit = POOLS_PER_PAGE,
): Promise<{ pools: PoolSummary[]; total: number }> {
  const query = poolListQueryString({ ...params, limit: String(limit), offset: String((page - 1) * limit) });
  const body = await getFromIndexer(
    `/api/pools${query}`,
    z.object({ pools: z.array(poolSchema), total: z.number().int().nonnegative() }),
    chain === undefined ? undefined : [chain],
  );
  return body ?? { pools: [], total: 0 };
}

/** null when the address is not an address or no pool lives there: the caller shows a 404. */
export async function getPool(chainId: number, address: string): Promise<PoolSummary | null> {
  if (!isAddress(address, { strict: false })) return null;
  const body = await getFromIndexer(`/api/pools/${getAddress(address)}`, z.object({ pool: poolSchema }), [chainId]);
  return body?.pool ?? null;
}

export async function getPoolActivity(chainId: number, address: Address, limit = 20): Promise<PoolActivity[]> {
  const body = await getFromIndexer(
    `/api/pools/${address}/activity?limit=${limit}`,
    z.object({ activity: activityFeedSchema }),
    [chainId],
  );
  return body?.activity ?? [];
}

/** One of a pool's time series, bucketed by day, week or month over the last `days` days (aggregated in SQL). */
export async function getPoolSeries<M extends PoolSeriesMetric>(
  chainId: number,
  address: Address,
  metric: M,
  interval: 'day' | 'week' | 'month',
  days: number,
): Promise<PoolSeriesPoint<M>[]> {
  const schema = z.object({ series: z.array(poolSeriesSchemas[metric]) });
  const body = await getFromIndexer(
    `/api/pools/${address}/series?metric=${metric}&interval=${interval}&days=${days}`,
    schema,
    [chainId],
  );
  return (body?.series ?? []) as PoolSeriesPoint<M>[];
}

/** The machine groups a pool finances, with each one's principal, 30-day revenue, yield and utilization. */
export async function getPoolAssets(chainId: number, address: Address): Promise<PoolAsset[]> {
  const body = await getFromIndexer(`/api/pools/${address}/assets`, z.object({ assets: z.array(poolAssetSchema) }), [
    chainId,
  ]);
  return body?.assets ?? [];
}

/**
 * Changes to the pool waiting out the timelock's delay, and the ones carried out or cancelled. null when the
 * indexer has no such endpoint (an older one): the page then says nothing rather than "none scheduled".
 */
export async function getPoolDelayedActions(chainId: number, address: Address): Promise<PoolDelayedActions | null> {
  return getFromIndexer(`/api/pools/${address}/delayed-actions`, delayedActionsSchema, [chainId]);
}
