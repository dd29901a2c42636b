import 'server-only';
import { getAddress, isAddress } from 'viem';
import { accountsSegment, type Accounts } from './account-list';
import { getFromIndexer } from './client';
import {
  tranchedPoolDetailSchema,
  tranchedPoolListSchema,
  tranchePositionsSchema,
  type TranchePosition,
  type TranchedPool,
} from './tranche-wire';
import type { IndexedAt } from './wire';

/** How the pools list asks for tranched pools: by category, and sorted by a tranche's figure. */
export type TranchedPoolListParams = {
  category?: 'compute' | 'robotics';
  sort?: 'tvl' | 'seniorYield' | 'juniorYield' | 'subordination' | 'name';
  order?: 'asc' | 'desc';
};

/** Every served chain's tranched pools, or one chain's. */
export async function listTranchedPools(
  params: TranchedPoolListParams = {},
  chainIds?: number[],
): Promise<TranchedPool[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  const body = await getFromIndexer(
    `/api/tranched-pools${search ? `?${search}` : ''}`,
    tranchedPoolListSchema,
    chainIds,
  );
  return body?.pools ?? [];
}

/** The pool, its waterfall and its losses; null when the address is not an address or no tranched pool lives there. */
export async function getTranchedPool(chainId: number, address: string) {
  if (!isAddress(address, { strict: false })) return null;
  return getFromIndexer(`/api/tranched-pools/${getAddress(address)}`, tranchedPoolDetailSchema, [chainId]);
}

/**
 * An account's holdings in every tranche (or several accounts', each row naming its own), on every served chain
 * or one, and the block they reflect (null: an indexer without tranches, which holds none).
 */
export async function getTranchePositions(
  account: Accounts,
  chainIds?: number[],
): Promise<{ positions: TranchePosition[]; indexed: IndexedAt | null }> {
  const body = await getFromIndexer(
    `/api/accounts/${accountsSegment(account)}/tranches`,
    tranchePositionsSchema,
    chainIds,
  );
  return body ?? { positions: [], indexed: null };
}
