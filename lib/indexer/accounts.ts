import 'server-only';
import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { HISTORY_KINDS, historyFilterQuery, type HistoryFilter } from '../portfolio/history-filter';
import { bigintString, getFromIndexer, hexAddress } from './client';
import { getPool, poolCategorySchema } from './pools';

// The indexer keeps addresses in lower case; the app shows and links them checksummed.
const address = hexAddress.transform((value) => getAddress(value));

const indexedSchema = z.object({ block: bigintString, timestamp: bigintString });
/** The block (and its time) an answer reflects. */
export type IndexedAt = z.infer<typeof indexedSchema>;

const positionSchema = z.object({
  pool: address,
  account: address,
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
  poolStatus: z.enum(['raising', 'active', 'closed']),
  /** What the shares redeem for at the indexed block (the vault's previewRedeem). */
  value: bigintString,
  /** The pool's claimableRevenue(account) at the indexed block's time. */
  claimableRevenue: bigintString,
  unrealisedPnl: bigintString,
  totalReturn: bigintString,
});
export type AccountPosition = z.infer<typeof positionSchema>;

const historyEntrySchema = z.object({
  kind: z.enum(HISTORY_KINDS),
  pool: address,
  account: address,
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

const redemptionSchema = z.object({
  pool: address,
  requestId: bigintString,
  owner: address,
  requestedShares: bigintString,
  pendingShares: bigintString,
  filledShares: bigintString,
  filledAssets: bigintString,
  claimedAssets: bigintString,
  cancelledShares: bigintString,
  status: z.enum(['pending', 'partially_filled', 'claimable', 'claimed', 'cancelled']),
  requestedAt: bigintString,
  requestedAtBlock: bigintString,
  updatedAt: bigintString,
  txHash: z.string(),
  /** Shares of older requests still waiting in the same pool (FinancingPool.sharesAheadOf). */
  sharesAhead: bigintString,
  /** 1 for the next request to be filled; null once nothing of this request waits. */
  queuePosition: z.coerce.number().int().nullable(),
});
export type RedemptionRequest = z.infer<typeof redemptionSchema>;

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

export async function getAccountRedemptions(
  account: Address,
): Promise<{ redemptions: RedemptionRequest[]; indexed: IndexedAt }> {
  const body = await getFromIndexer(
    `/api/accounts/${account}/redemptions`,
    z.object({ redemptions: z.array(redemptionSchema), indexed: indexedSchema }),
  );
  return body ?? { redemptions: [], indexed: { block: 0n, timestamp: 0n } };
}

export type PoolLabel = { name: string; symbol: string; category: z.infer<typeof poolCategorySchema> };

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

export type Portfolio = {
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
