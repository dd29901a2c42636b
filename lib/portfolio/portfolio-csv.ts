import { formatUnits, type Address } from 'viem';
import { poolKey, type PoolKey } from '../chain/pool-key';
import { SHARE_DECIMALS, USDC_DECIMALS } from '../format/usdc';
import type { PoolLabel } from '../indexer/accounts';
import type { AccountPosition, HistoryEntry, IndexedAt } from '../indexer/wire';
import { toCsv } from './csv';
import type { HistoryFilter } from './history-filter';

// Statements for spreadsheets and accounting tools: amounts as exact decimal text (never rounded),
// times in ISO-8601 UTC, and on every row the block the figures reflect.

const usdc = (amount: bigint | null) => (amount === null ? null : formatUnits(amount, USDC_DECIMALS));
const shares = (amount: bigint | null) => (amount === null ? null : formatUnits(amount, SHARE_DECIMALS));

/** "2026-11-26T12:51:14Z" from unix seconds. */
export function isoUtc(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Where the indexer stood on a row's chain: an answer spanning several chains has each chain's block, and a
 * row's figures reflect its own chain's.
 */
export function indexedOn(indexed: IndexedAt, chainId: number | undefined): { block: bigint; timestamp: bigint } {
  return indexed.chains?.find((chain) => chain.chainId === chainId) ?? indexed;
}

export const POSITIONS_CSV_HEADER = [
  'account',
  'chain_id',
  'pool',
  'pool_name',
  'pool_symbol',
  'category',
  'pool_status',
  'shares',
  'locked_shares',
  'value_usdc',
  'cost_basis_usdc',
  'unrealised_pnl_usdc',
  'realised_pnl_usdc',
  'deposited_usdc',
  'withdrawn_usdc',
  'yield_claimed_usdc',
  'yield_claimable_usdc',
  'total_return_usdc',
  'indexed_block',
  'indexed_at_utc',
] as const;

export function positionsCsv(positions: readonly AccountPosition[], indexed: IndexedAt): string {
  return toCsv(
    POSITIONS_CSV_HEADER,
    positions.map((p) => [
      p.account,
      p.chainId ?? null,
      p.pool,
      p.poolName,
      p.poolSymbol,
      p.category,
      p.poolStatus,
      shares(p.shares),
      shares(p.lockedShares),
      usdc(p.value),
      usdc(p.costBasis),
      usdc(p.unrealisedPnl),
      usdc(p.realisedPnl),
      usdc(p.depositedAssets),
      usdc(p.withdrawnAssets),
      usdc(p.revenueClaimed),
      usdc(p.claimableRevenue),
      usdc(p.totalReturn),
      indexedOn(indexed, p.chainId).block,
      isoUtc(indexedOn(indexed, p.chainId).timestamp),
    ]),
  );
}

const HISTORY_CSV_HEADER = [
  'date_utc',
  'kind',
  'chain_id',
  'pool',
  'pool_name',
  'amount_usdc',
  'shares',
  'account',
  'block_number',
  'tx_hash',
  'indexed_block',
  // Last, so that a sheet reading the columns before it by position still finds them.
  'tranche',
] as const;

export function historyCsv(
  history: readonly HistoryEntry[],
  labels: ReadonlyMap<PoolKey, PoolLabel>,
  indexed: IndexedAt,
): string {
  return toCsv(
    HISTORY_CSV_HEADER,
    history.map((h) => [
      isoUtc(h.timestamp),
      h.kind,
      h.chainId ?? null,
      h.pool,
      labels.get(poolKey(h.chainId, h.pool))?.name ?? null,
      usdc(h.amount),
      shares(h.shares),
      h.account,
      h.blockNumber,
      h.txHash,
      indexedOn(indexed, h.chainId).block,
      h.tranche,
    ]),
  );
}

/** "machine-yield-0x…-positions.csv"; a filtered history says its filters in the name; the statement is a PDF. */
export function statementFilename(
  account: Address,
  what: 'positions' | 'tranches' | 'history' | 'statement',
  filter: HistoryFilter = {},
) {
  const parts = ['machine-yield', account, what];
  if (what === 'history') {
    if (filter.kind) parts.push(filter.kind);
    if (filter.chainId !== undefined) parts.push(String(filter.chainId));
    if (filter.pool) parts.push(filter.pool);
  }
  return `${parts.join('-')}.${what === 'statement' ? 'pdf' : 'csv'}`;
}
