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
  pool: Address;
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
    (v.calls === undefined || v.calls === true)
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

/** The account's pending transactions on one pool, oldest first; stale entries are dropped on the way. */
export function pendingTransactionsFor(
  pool: Address,
  account: Address,
  chainId: number,
  storage: Storage = localStorage,
  now = Date.now(),
): PendingTransaction[] {
  const all = read(storage);
  const fresh = all.filter((t) => now - t.sentAt < (t.calls ? MAX_PROPOSAL_AGE_MS : MAX_AGE_MS));
  if (fresh.length !== all.length) storage.setItem(KEY, JSON.stringify(fresh));
  return fresh
    .filter((t) => same(t.pool, pool) && same(t.account, account) && t.chainId === chainId)
    .sort((a, b) => a.sentAt - b.sentAt);
}
