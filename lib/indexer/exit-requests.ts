/**
 * Queued exits as the wallet panels read them from the indexer in the browser (a pool's Withdraw tab, a tranche's),
 * checked by hand rather than with zod: zod would be ~33 KiB more JavaScript in each panel (as ClaimPanel's claims).
 * The server's pages read the same answers through lib/indexer/wire.ts's schemas.
 */

/** A pool's request, as FinancingPool's ERC-7540 queue and the indexer's redemption_request name its states. */
export const REDEMPTION_STATUSES = ['pending', 'partially_filled', 'claimable', 'claimed', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** What every queued exit has, in a pool's queue or a tranche's. */
export type QueuedExit = {
  requestId: bigint;
  pendingShares: bigint;
  filledAssets: bigint;
  requestedAt: bigint;
  /** Shares of older requests still waiting in the same queue. */
  sharesAhead: bigint;
  /** 1 for the next request to be filled; null once nothing of this request waits. */
  queuePosition: number | null;
};

const QUEUED_EXIT_NUMBERS = ['requestId', 'pendingShares', 'filledAssets', 'requestedAt', 'sharesAhead'] as const;

export class UnexpectedAnswer extends Error {
  constructor() {
    super('The indexer’s answer has an unexpected shape.');
  }
}

type Row = Record<string, unknown>;

/** The answer's `redemptions`, each an object. */
export function exitRows(body: unknown): Row[] {
  const rows = (body as { redemptions?: unknown } | null)?.redemptions;
  if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null)) {
    throw new UnexpectedAnswer();
  }
  return rows as Row[];
}

/** `keys` of `row` as whole numbers: the indexer sends amounts and ids as decimal strings (uint256 overflow JSON). */
export function wholeNumbers<K extends string>(row: Row, keys: readonly K[]): Record<K, bigint> {
  const out = {} as Record<K, bigint>;
  for (const key of keys) {
    const raw = row[key];
    if (typeof raw !== 'string' || !/^\d{1,78}$/.test(raw)) throw new UnexpectedAnswer();
    out[key] = BigInt(raw);
  }
  return out;
}

/** The fields every queued exit has; its place is a whole number from 1 while it waits, and null after. */
export function queuedExit(row: Row): QueuedExit {
  const numbers = wholeNumbers(row, QUEUED_EXIT_NUMBERS);
  const raw = row.queuePosition;
  // A count from SQL: a number, or a numeric string from a driver that keeps it so.
  const position = raw === null ? null : Number(raw);
  const waiting = numbers.pendingShares > 0n;
  if (waiting ? position === null || !Number.isInteger(position) || position < 1 : position !== null) {
    throw new UnexpectedAnswer();
  }
  return { ...numbers, queuePosition: position };
}

/** A request in a pool's queue, as its Withdraw tab lists it. */
export type PoolExitRequest = QueuedExit & {
  filledShares: bigint;
  claimedAssets: bigint;
  status: RedemptionStatus;
};

/** A pool's queue as the indexer last saw it, and one controller's requests in it (`?controller=`). */
export type PoolExits = {
  /** USDC idle in the pool, and principal repaid over the last 90 days: what fills the queue. */
  idle: bigint;
  repaidLast90Days: bigint;
  requests: PoolExitRequest[];
};

/** The indexer's `/pools/:pool/redemptions` answer. */
export function parsePoolExits(body: unknown): PoolExits {
  const requests = exitRows(body).map((row): PoolExitRequest => {
    const { status } = row;
    if (!(REDEMPTION_STATUSES as readonly unknown[]).includes(status)) throw new UnexpectedAnswer();
    return {
      ...queuedExit(row),
      ...wholeNumbers(row, ['filledShares', 'claimedAssets'] as const),
      status: status as RedemptionStatus,
    };
  });
  const queue = (body as { queue?: unknown }).queue;
  if (typeof queue !== 'object' || queue === null) throw new UnexpectedAnswer();
  return { ...wholeNumbers(queue as Row, ['idle', 'repaidLast90Days'] as const), requests };
}
