import type { Address, Hash } from 'viem';

/**
 * Transactions the user signed whose outcome the page has not seen yet, kept in localStorage so that a
 * reload (or a closed tab) does not lose track of them: the pool page picks them up again and waits for
 * the receipt and the indexer.
 */
export type PendingTransaction = {
  /**
   * The transaction's hash; for a batch of calls (EIP-5792), the wallet's id of the batch, which a Safe
   * keeps pending until its owners execute it.
   */
  hash: Hash;
  calls?: true;
  /** What the user did, in their words: "Deposit", "Claim revenue", … */
  label: string;
  /** The pool the transaction acts on; for one that acts on several (a claim across pools), the first. */
  pool: Address;
  /** Every pool of a transaction that acts on several, so each one's page picks it up after a reload. */
  pools?: Address[];
  account: Address;
  chainId: number;
  sentAt: number;
};

const KEY = 'machine-yield:pending-transactions';
/** After a day a transaction that never confirmed is dropped, not watched forever; a proposal gets a week. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_PROPOSAL_AGE_MS = 7 * MAX_AGE_MS;

function read(storage: Storage): PendingTransaction[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingTransaction[]).filter(isPending) : [];
  } catch {
    return [];
  }
}

function isPending(value: unknown): value is PendingTransaction {
  const v = value as Partial<PendingTransaction> | null;
  return (
    typeof v?.hash === 'string' &&
    /^0x[0-9a-fA-F]{64}$/.test(v.hash) &&
    typeof v.label === 'string' &&
    typeof v.pool === 'string' &&
    typeof v.account === 'string' &&
    typeof v.chainId === 'number' &&
    typeof v.sentAt === 'number' &&
    (v.calls === undefined || v.calls === true) &&
    (v.pools === undefined || (Array.isArray(v.pools) && v.pools.every((p) => typeof p === 'string')))
  );
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function rememberPendingTransaction(tx: PendingTransaction, storage: Storage = localStorage) {
  const others = read(storage).filter((t) => !same(t.hash, tx.hash));
  storage.setItem(KEY, JSON.stringify([...others, tx]));
}

export function forgetPendingTransaction(hash: Hash, storage: Storage = localStorage) {
  storage.setItem(KEY, JSON.stringify(read(storage).filter((t) => !same(t.hash, hash))));
}

const touches = (t: PendingTransaction, pool: Address) =>
  same(t.pool, pool) || (t.pools ?? []).some((p) => same(p, pool));

/**
 * The account's pending transactions on any of the pools, oldest first; stale entries are dropped on the way.
 * `label` keeps only one kind of action (the portfolio's claim across pools shows only those).
 */
export function pendingTransactionsFor(
  pools: Address | readonly Address[],
  account: Address,
  chainId: number,
  storage: Storage = localStorage,
  now = Date.now(),
  label?: string,
): PendingTransaction[] {
  const wanted = typeof pools === 'string' ? [pools] : pools;
  const all = read(storage);
  const fresh = all.filter((t) => now - t.sentAt < (t.calls ? MAX_PROPOSAL_AGE_MS : MAX_AGE_MS));
  if (fresh.length !== all.length) storage.setItem(KEY, JSON.stringify(fresh));
  return fresh
    .filter((t) => wanted.some((p) => touches(t, p)) && same(t.account, account) && t.chainId === chainId)
    .filter((t) => label === undefined || t.label === label)
    .sort((a, b) => a.sentAt - b.sentAt);
}
