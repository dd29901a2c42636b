import 'server-only';
import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { poolKey, type PoolKey } from '../chain/pool-key';
import { serverEnv } from '../config/server-env';
import { historyFilterQuery, type HistoryFilter } from '../portfolio/history-filter';
import { accountsSegment, type Accounts } from './account-list';
import { getFromIndexer } from './client';
import { getPool } from './pools';
import type { TranchePosition } from './tranche-wire';
import { getTranchedPool } from './tranches';
import {
  historyEntrySchema,
  indexedSchema,
  noticeListSchema,
  positionSchema,
  redemptionSchema,
  type AccountPosition,
  type HistoryEntry,
  type IndexedAt,
  type PoolCategory,
  type RedemptionRequest,
} from './wire';

/** One account, or several read as one (an entity, lib/portfolio/entity.ts): the indexer's path segment. */

/** The indexer's history answer is capped; the page says so when an account reaches the cap. */
export const HISTORY_LIMIT = 1000;

export async function getAccountPositions(
  account: Accounts,
): Promise<{ positions: AccountPosition[]; indexed: IndexedAt }> {
  // Exited pools too (no shares left): their realised P&L and claimed yield belong in the totals.
  const body = await getFromIndexer(
    `/api/accounts/${accountsSegment(account)}/positions`,
    z.object({ positions: z.array(positionSchema), indexed: indexedSchema }),
  );
  return { positions: body?.positions ?? [], indexed: body?.indexed ?? { block: 0n, timestamp: 0n } };
}

/** Every served chain's history of the account, newest first; filtered to one pool on one chain if asked. */
export async function getAccountHistory(
  account: Accounts,
  filter: HistoryFilter = {},
): Promise<{ history: HistoryEntry[]; indexed: IndexedAt }> {
  const none = { history: [], indexed: { block: 0n, timestamp: 0n } };
  // A shared link may name a chain this app does not serve: nothing of it to show, and nothing to ask.
  if (filter.chainId !== undefined && !serverEnv().chains.some((chain) => chain.id === filter.chainId)) return none;
  const query = historyFilterQuery(filter, { forIndexer: true });
  const body = await getFromIndexer(
    `/api/accounts/${accountsSegment(account)}/history${query ? `${query}&` : '?'}limit=${HISTORY_LIMIT}`,
    z.object({ history: z.array(historyEntrySchema), indexed: indexedSchema }),
    filter.chainId === undefined ? undefined : [filter.chainId],
  );
  return body ?? none;
}

async function getAccountRedemptions(
  account: Accounts,
): Promise<{ redemptions: RedemptionRequest[]; indexed: IndexedAt }> {
  const body = await getFromIndexer(
    `/api/accounts/${accountsSegment(account)}/redemptions`,
    z.object({ redemptions: z.array(redemptionSchema), indexed: indexedSchema }),
  );
  return body ?? { redemptions: [], indexed: { block: 0n, timestamp: 0n } };
}

export type PoolLabel = { chainId?: number; address: Address; name: string; symbol: string; category: PoolCategory };

/** A pool an account's row mentions: its address on its chain. */
type PoolOnChain = { chainId?: number; pool: Address };

/**
 * Names of the pools an account's rows mention, by poolKey (chain and address). Positions carry theirs;
 * history and redemption rows only the address, so pools the account has left are looked up one by one (an
 * account touches few pools).
 */
export async function poolLabels(
  positions: AccountPosition[],
  mentioned: Iterable<PoolOnChain>,
  known: readonly PoolLabel[] = [],
): Promise<Map<PoolKey, PoolLabel>> {
  const labels = new Map<PoolKey, PoolLabel>([
    ...known.map((label) => [poolKey(label.chainId, label.address), label] as const),
    ...positions.map(
      (p) =>
        [
          poolKey(p.chainId, p.pool),
          { chainId: p.chainId, address: p.pool, name: p.poolName, symbol: p.poolSymbol, category: p.category },
        ] as const,
    ),
  ]);
  const missing = new Map<PoolKey, PoolOnChain>();
  for (const row of mentioned) {
    const key = poolKey(row.chainId, row.pool);
    if (!labels.has(key)) missing.set(key, row);
  }
  const defaultChain = serverEnv().CHAIN_ID;
  const found = await Promise.all(
    [...missing].map(async ([key, row]) => {
      const chainId = row.chainId ?? defaultChain;
      // A pool, else a tranched pool the account holds no position in (a controller's queued exit, say).
      const pool = await getPool(chainId, row.pool);
      if (pool) return [key, pool] as const;
      const tranched = await getTranchedPool(chainId, row.pool);
      return [key, tranched && { ...tranched.pool, symbol: tranched.pool.senior.symbol }] as const;
    }),
  );
  for (const [key, pool] of found) {
    if (pool) {
      const { chainId, address, name, symbol, category } = pool;
      labels.set(key, { chainId, address: getAddress(address), name, symbol, category });
    }
  }
  return labels;
}

/**
 * Expected losses provisioned in each pool the account holds shares of (only the non-zero ones). A
 * position's value already has them deducted; the page says so beside it.
 */
export async function poolProvisions(positions: AccountPosition[]): Promise<Map<PoolKey, bigint>> {
  const defaultChain = serverEnv().CHAIN_ID;
  const held = positions.filter((p) => p.shares > 0n);
  const pools = await Promise.all(
    held.map(async (p) => [poolKey(p.chainId, p.pool), await getPool(p.chainId ?? defaultChain, p.pool)] as const),
  );
  return new Map(
    pools.flatMap(([key, pool]) => (pool && pool.totalProvisions > 0n ? [[key, pool.totalProvisions] as const] : [])),
  );
}

/** A pool's realised losses, for the positions held in it (now or before): written down, recovered, and when last. */
export type PoolLosses = { writtenDown: bigint; recovered: bigint; lastRecoveryAt: bigint | null };

/**
 * The realised losses of every pool the account holds or held, where there are any: a past position keeps
 * what was written down and what came back, and when.
 */
export async function poolLosses(positions: AccountPosition[]): Promise<Map<PoolKey, PoolLosses>> {
  const defaultChain = serverEnv().CHAIN_ID;
  const found = await Promise.all(
    positions.map(async (p) => {
      const chainId = p.chainId ?? defaultChain;
      const pool = await getPool(chainId, p.pool);
      if (!pool || (pool.writtenDownTotal === 0n && pool.recoveredTotal === 0n)) return null;
      const last =
        pool.recoveredTotal > 0n
          ? await getFromIndexer(
              `/api/pools/${p.pool}/notices?kind=recovery&limit=1`,
              z.object({ notices: noticeListSchema }),
              [chainId],
            )
          : null;
      const losses: PoolLosses = {
        writtenDown: pool.writtenDownTotal,
        recovered: pool.recoveredTotal,
        lastRecoveryAt: last?.notices[0]?.timestamp ?? null,
      };
      return [poolKey(p.chainId, p.pool), losses] as const;
    }),
  );
  return new Map(found.filter((entry) => entry !== null));
}

type Portfolio = {
  positions: AccountPosition[];
  redemptions: RedemptionRequest[];
  history: HistoryEntry[];
  /** The block the positions' figures (value, claimable) reflect. */
  indexed: IndexedAt;
  pools: Map<PoolKey, PoolLabel>;
};

/**
 * Everything the portfolio page shows for one account (or an entity's several), the history filtered as asked.
 *
 * `tranches`: the account's tranche positions (null when they could not be read), only to name the tranched pools
 * it was ever in (the history's filter offers them even when the rows shown are another pool's). The caller reads
 * them, as it shows them too: the indexer is asked once.
 */
export async function getPortfolio(
  account: Accounts,
  filter: HistoryFilter,
  tranches: Promise<{ positions: TranchePosition[] } | null>,
): Promise<Portfolio> {
  const [{ positions, indexed }, { redemptions }, { history }, held] = await Promise.all([
    getAccountPositions(account),
    getAccountRedemptions(account),
    getAccountHistory(account, filter),
    tranches,
  ]);
  const mentioned: PoolOnChain[] = [
    ...redemptions,
    ...history,
    ...(filter.pool && filter.chainId !== undefined ? [{ chainId: filter.chainId, pool: filter.pool }] : []),
  ];
  const tranched = (held?.positions ?? []).map((p) => ({
    chainId: p.chainId,
    address: getAddress(p.pool),
    name: p.poolName,
    symbol: p.symbol,
    category: p.category,
  }));
  return { positions, redemptions, history, indexed, pools: await poolLabels(positions, mentioned, tranched) };
}
