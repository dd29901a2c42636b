import type { TranchedPool } from '../indexer/tranche-wire';
import type { TranchedPoolListParams } from '../indexer/tranches';
import type { PoolListParams } from '../pools/pool-list-params';

type ListTranchedPools = (params: TranchedPoolListParams, chainIds?: number[]) => Promise<TranchedPool[]>;

/**
 * The pools list's filters and sort applied to tranched pools: the indexer filters by category and sorts (a yield
 * sort is the chosen tranche's, junior's when none is chosen); the few tranched pools are then matched by status and
 * search text here.
 */
export async function tranchedPoolsFor(params: PoolListParams, list: ListTranchedPools): Promise<TranchedPool[]> {
  const sort: TranchedPoolListParams['sort'] =
    params.sort === 'yield'
      ? params.tranche === 'senior'
        ? 'seniorYield'
        : 'juniorYield'
      : params.sort === 'name'
        ? 'name'
        : 'tvl';
  const pools = await list(
    { category: params.category, sort, order: params.order },
    params.chain === undefined ? undefined : [params.chain],
  );
  const text = params.q?.toLowerCase();
  return pools.filter(
    (pool) =>
      (!params.status || pool.status === params.status) &&
      (!text ||
        pool.name.toLowerCase().includes(text) ||
        pool.senior.symbol.toLowerCase().includes(text) ||
        pool.junior.symbol.toLowerCase().includes(text)),
  );
}
