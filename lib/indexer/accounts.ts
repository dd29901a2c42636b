import 'server-only';
import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { historyFilterQuery, type HistoryFilter } from '../portfolio/history-filter';
import { getFromIndexer } from './client';
import { getPool } from './pools';
import {
  historyEntrySchema,
  indexedSchema,
  positionSchema,
  redemptionSchema,
  type AccountPosition,
  type HistoryEntry,
  type IndexedAt,
  type PoolCategory,
  type RedemptionRequest,
} from './wire';

/** The indexer's history answer is capped; the page says so when an account reaches the cap. */
export const HISTORY_LIMIT = 1000;

export async function getAccountPositions(
  account: Address,
): Promise<{ positions: AccountPosition[]; indexed: IndexedAt }> {
  // Exited pools too (no shares left): their realised P&L and claimed yield belong in the totals.
  const body = await getFromIndexer(
    `/api/accounts/${account}/positions`,
    z.object({ positions: z.array(positionSchema), indexed: indexedSchema }),
  );
  return { positions: body?.positions ?? [], indexed: body?.indexed ?? { block: 0n, timestamp: 0n } };
}

export async function getAccountHistory(
  account: Address,
  filter: HistoryFilter = {},
): Promise<{ history: HistoryEntry[]; indexed: IndexedAt }> {
  const query = historyFilterQuery(filter);
  const body = await getFromIndexer(
    `/api/accounts/${account}/history${query ? `${query}&` : '?'}limit=${HISTORY_LIMIT}`,
    z.object({ history: z.array(historyEntrySchema), indexed: indexedSchema }),
  );
  return body ?? { history: [], indexed: { block: 0n, timestamp: 0n } };
}

async function getAccountRedemptions(
  account: Address,
): Promise<{ redemptions: RedemptionRequest[]; indexed: IndexedAt }> {
  const body = await getFromIndexer(
    `/api/accounts/${account}/redemptions`,
    z.object({ redemptions: z.array(redemptionSchema), indexed: indexedSchema }),
  );
  return body ?? { redemptions: [], indexed: { block: 0n, timestamp: 0n } };
}

export type PoolLabel = { name: string; symbol: string; category: PoolCategory };

/**
 * Names of the pools an account's rows mention. Positions carry theirs; history and redemption rows only
 * the address, so pools the account has left are looked up one by one (an account touches few pools).
 */
export async function poolLabels(
  positions: AccountPosition[],
  pools: Iterable<Address>,
): Promise<Map<Address, PoolLabel>> {
  const labels = new Map<Address, PoolLabel>(
    positions.map((p) => [p.pool, { name: p.poolName, symbol: p.poolSymbol, category: p.category }]),
  );
  const missing = [...new Set(pools)].filter((pool) => !labels.has(pool));
  const found = await Promise.all(missing.map((pool) => getPool(pool)));
  for (const pool of found) {
    if (pool) labels.set(getAddress(pool.address), { name: pool.name, symbol: pool.symbol, category: pool.category });
  }
  return labels;
}

/**
 * Expected losses provisioned in each pool the account holds shares of (only the non-zero ones). A
 * position's value already has them deducted; the page says so beside it.
 */
export async function poolProvisions(positions: AccountPosition[]): Promise<Map<Address, bigint>> {
  const held = positions.filter((p) => p.shares > 0n).map((p) => p.pool);
  const pools = await Promise.all(held.map((pool) => getPool(pool)));
  return new Map(
    pools.flatMap((pool) =>
      pool && pool.totalProvisions > 0n ? [[getAddress(pool.address), pool.totalProvisions]] : [],
    ),
  );
}

type Portfolio = {
  positions: AccountPosition[];
  redemptions: RedemptionRequest[];
  history: HistoryEntry[];
  /** The block the positions' figures (value, claimable) reflect. */
  indexed: IndexedAt;
  pools: Map<Address, PoolLabel>;
};

/** Everything the portfolio page shows for one account, the history filtered as asked. */
export async function getPortfolio(account: Address, filter: HistoryFilter = {}): Promise<Portfolio> {
  const [{ positions, indexed }, { redemptions }, { history }] = await Promise.all([
    getAccountPositions(account),
    getAccountRedemptions(account),
    getAccountHistory(account, filter),
  ]);
  const mentioned = [
    ...redemptions.map((r) => r.pool),
    ...history.map((h) => h.pool),
    ...(filter.pool ? [filter.pool] : []),
  ];
  return { positions, redemptions, history, indexed, pools: await poolLabels(positions, mentioned) };
}
