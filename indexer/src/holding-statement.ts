/**
 * One holder's statement of one pool over a period, from the ledgers (ledger.ts): the position at the last
 * block before the period and at its last block, valued as the vault's previewRedeem and claimableRevenue
 * value it there, and every change between, each put under what caused it. No handler lives here.
 *
 * Every event of the pool in the period moves the holder's value by `after − before` at constant arithmetic,
 * and each such move lands on exactly one line, so the lines add up to closing − opening by construction of
 * the walk; what they say is *why*:
 *
 * - the holder's own deposits and exits at the USDC that moved, the vault's rounding on them under `rounding`;
 * - shares sent or received, at their value in that event;
 * - the holder's share of a provision, a write-down or a recovery: their value's move at that event;
 * - other holders' deposits and exits move everyone's value by a base unit or so of rounding: `rounding`.
 *
 * Revenue never moves the share price: earned = unclaimed at the close − unclaimed at the opening + claimed.
 */
import type { Address } from 'viem';
import { sharesToAssets } from '../../lib/pools/share-value';
import {
  FLOW_LINES,
  positionTotal,
  reconciliationGap,
  type PositionAt,
  type StatementLines,
} from '../../lib/statements/statement-lines';
import { claimableAt, type StreamState } from './revenue-accumulator';

export type PoolState = StreamState & { totalAssets: bigint; totalSupply: bigint };
export type Holding = { shares: bigint; revenueDebt: bigint };

export type LedgerKind =
  | 'mint'
  | 'burn'
  | 'transfer'
  | 'deposit'
  | 'withdrawal'
  | 'fill'
  | 'provision'
  | 'write_down'
  | 'recovery'
  | 'revenue'
  | 'claim';

/** A pool ledger row: the event, and the pool's state after it. */
export type LedgerRow = PoolState & {
  kind: LedgerKind;
  account: Address | null;
  counterparty: Address | null;
  assets: bigint;
  shares: bigint;
};

/** A block at one end of the period. */
export type Boundary = { block: bigint; timestamp: bigint };

/** Provisions, write-downs and recoveries are signed changes in the holder's value (a loss is negative). */
export type HoldingLines = StatementLines;

export const EMPTY_POOL: PoolState = {
  totalAssets: 0n,
  totalSupply: 0n,
  accRevenuePerShare: 0n,
  streamRemaining: 0n,
  streamEnd: 0n,
  streamUpdatedAt: 0n,
};
export const EMPTY_HOLDING: Holding = { shares: 0n, revenueDebt: 0n };

export function positionAt(pool: PoolState, holding: Holding, at: Boundary): PositionAt {
  return {
    shares: holding.shares,
    value: sharesToAssets(holding.shares, pool.totalAssets, pool.totalSupply),
    unclaimedRevenue: claimableAt(pool, holding, holding.shares, pool.totalSupply, at.timestamp),
  };
}

export class StatementMismatch extends Error {}

/**
 * Walks the pool's ledger rows of the period (after the opening block, up to the closing block, in order)
 * for `account`: every row that moves a share's price or the holder's shares, and the holder's claims (rows
 * of revenue may be left out). `openingPool` and `openingHolding` are the states after the last rows at or
 * before the opening block, `closingPool` and `closingHolding` at or before the closing block; the walk must
 * agree with them.
 */
export function holdingStatement(input: {
  account: Address;
  opening: Boundary;
  closing: Boundary;
  openingPool: PoolState;
  openingHolding: Holding;
  rows: readonly LedgerRow[];
  closingPool: PoolState;
  closingHolding: Holding;
}): HoldingLines {
  const { account } = input;
  const lines: HoldingLines = {
    opening: positionAt(input.openingPool, input.openingHolding, input.opening),
    deposits: 0n,
    instantWithdrawals: 0n,
    queuedWithdrawals: 0n,
    transfersIn: 0n,
    transfersOut: 0n,
    revenueEarned: 0n,
    revenueClaimed: 0n,
    provisions: 0n,
    writeDowns: 0n,
    recoveries: 0n,
    rounding: 0n,
    closing: { shares: 0n, value: 0n, unclaimedRevenue: 0n },
  };
  let state: PoolState = input.openingPool;
  let shares = input.openingHolding.shares;
  for (const row of input.rows) {
    const before = sharesToAssets(shares, state.totalAssets, state.totalSupply);
    const own = row.account === account;
    const received = row.counterparty === account;
    if (row.kind === 'mint' && own) shares += row.shares;
    if (row.kind === 'burn' && own) shares -= row.shares;
    if (row.kind === 'transfer' && own) shares -= row.shares;
    if (row.kind === 'transfer' && received) shares += row.shares;
    state = row;
    const moved = sharesToAssets(shares, state.totalAssets, state.totalSupply) - before;

    if (row.kind === 'transfer' && (own || received)) {
      // A transfer to oneself moves nothing; otherwise the shares' value in this event.
      if (moved > 0n) lines.transfersIn += moved;
      else lines.transfersOut -= moved;
    } else if (row.kind === 'provision') lines.provisions += moved;
    else if (row.kind === 'write_down') lines.writeDowns += moved;
    else if (row.kind === 'recovery') lines.recoveries += moved;
    else {
      // Mints, burns, deposits and exits: the holder's own at the USDC that moved, the rest rounding.
      lines.rounding += moved;
      if (own && row.kind === 'deposit') {
        lines.deposits += row.assets;
        lines.rounding -= row.assets;
      } else if (own && row.kind === 'withdrawal') {
        lines.instantWithdrawals += row.assets;
        lines.rounding += row.assets;
      } else if (own && row.kind === 'fill') {
        lines.queuedWithdrawals += row.assets;
        lines.rounding += row.assets;
      } else if (own && row.kind === 'claim') lines.revenueClaimed += row.assets;
    }
  }
  if (shares !== input.closingHolding.shares)
    throw new StatementMismatch(
      `${account}: the pool ledger leaves ${shares} shares, the holding ledger ${input.closingHolding.shares}`,
    );
  // The walk may leave out rows that move no share price (revenue): the closing state is read whole, and
  // must agree with the walk on what prices a share.
  const end = input.closingPool;
  if (end.totalAssets !== state.totalAssets || end.totalSupply !== state.totalSupply)
    throw new StatementMismatch(`${account}: the pool's closing state disagrees with its ledger's last price`);
  lines.closing = positionAt(end, input.closingHolding, input.closing);
  lines.revenueEarned = lines.closing.unclaimedRevenue - lines.opening.unclaimedRevenue + lines.revenueClaimed;
  const gap = reconciliationGap(lines);
  if (gap !== 0n) throw new StatementMismatch(`${account}: the statement is off by ${gap} base units`);
  return lines;
}

/** Lines of several holdings added up: a pool's total across an entity's wallets, or a statement's total. */
export function sumLines(all: readonly HoldingLines[]): HoldingLines {
  const zero = (): PositionAt => ({ shares: 0n, value: 0n, unclaimedRevenue: 0n });
  const add = (a: PositionAt, b: PositionAt): PositionAt => ({
    shares: a.shares + b.shares,
    value: a.value + b.value,
    unclaimedRevenue: a.unclaimedRevenue + b.unclaimedRevenue,
  });
  const total = {
    opening: zero(),
    closing: zero(),
    ...Object.fromEntries(FLOW_LINES.map((line) => [line, 0n])),
  } as HoldingLines;
  for (const lines of all) {
    total.opening = add(total.opening, lines.opening);
    total.closing = add(total.closing, lines.closing);
    for (const line of FLOW_LINES) total[line] += lines[line];
  }
  return total;
}

/** True when nothing was held at either end and nothing happened: such a pool is left off the statement. */
export function isEmpty(lines: HoldingLines): boolean {
  return (
    positionTotal(lines.opening) === 0n &&
    lines.opening.shares === 0n &&
    positionTotal(lines.closing) === 0n &&
    lines.closing.shares === 0n &&
    FLOW_LINES.every((line) => lines[line] === 0n)
  );
}
