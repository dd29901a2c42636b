import 'server-only';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import { poolListQueryString, type PoolListParams } from '../pools/pool-list-params';
import { bigintString, getFromIndexer, hexAddress } from './client';

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
  totalAssets: bigintString,
  totalSupply: bigintString,
  depositors: z.number().int().nonnegative(),
  createdAt: bigintString,
  // Per the one definition of real yield (indexer/src/api/real-yield.ts), as fractions.
  yield7d: z.number().nullable(),
  yield30d: z.number().nullable(),
  yieldSinceInception: z.number().nullable(),
  utilization30d: z.number().nullable(),
  projectName: z.string().nullable(),
});
export type PoolSummary = z.infer<typeof poolSchema>;

const activitySchema = z.object({
  kind: z.enum([
    'deposit',
    'withdrawal',
    'claim',
    'revenue',
    'deployment',
    'repayment',
    'write_down',
    'redemption_request',
  ]),
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
    z.object({ activity: z.array(activitySchema) }),
  );
  return body?.activity ?? [];
}
