// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetPendingTransaction,
  pendingTransactionsFor,
  rememberPendingTransaction,
  type PendingTransaction,
} from './pending-transactions';

const pool = '0x1111111111111111111111111111111111111111';
const account = '0x2222222222222222222222222222222222222222';
const tx = (n: number, over: Partial<PendingTransaction> = {}): PendingTransaction => ({
  hash: `0x${n.toString(16).padStart(64, '0')}`,
  label: 'Claim revenue',
  pool,
  account,
  chainId: 31337,
  sentAt: 1_000 + n,
  ...over,
});

describe('pending transactions', () => {
  beforeEach(() => localStorage.clear());

  it('survive a reload: what was remembered is found again, for its pool, account and chain only', () => {
    rememberPendingTransaction(tx(2));
    rememberPendingTransaction(tx(1));
    rememberPendingTransaction(tx(3, { pool: '0x3333333333333333333333333333333333333333' }));
    rememberPendingTransaction(tx(4, { chainId: 1 }));
    const found = pendingTransactionsFor(
      pool,
      account.toUpperCase().replace('0X', '0x') as never,
      31337,
      localStorage,
      2_000,
    );
    expect(found.map((t) => t.hash)).toEqual([tx(1).hash, tx(2).hash]);
  });

  it('remembers a hash once, and forgets it when the outcome is known', () => {
    rememberPendingTransaction(tx(1));
    rememberPendingTransaction(tx(1, { label: 'again' }));
    expect(pendingTransactionsFor(pool, account, 31337, localStorage, 2_000)).toHaveLength(1);
    forgetPendingTransaction(tx(1).hash);
    expect(pendingTransactionsFor(pool, account, 31337, localStorage, 2_000)).toEqual([]);
  });

  it('drops entries older than a day and ignores what it cannot read', () => {
    rememberPendingTransaction(tx(1));
    expect(pendingTransactionsFor(pool, account, 31337, localStorage, 1_001 + 25 * 3600 * 1000)).toEqual([]);
    localStorage.setItem('machine-yield:pending-transactions', '{not json');
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
    localStorage.setItem('machine-yield:pending-transactions', JSON.stringify([{ hash: 'nope' }]));
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
  });

  it('a transaction on several pools is found from each of them, and by its kind', () => {
    const other = '0x3333333333333333333333333333333333333333';
    rememberPendingTransaction(tx(1, { label: 'Claim revenue across pools', pools: [pool, other] }));
    rememberPendingTransaction(tx(2, { pool: other, label: 'Deposit' }));
    expect(pendingTransactionsFor(pool, account, 31337, localStorage, 2_000).map((t) => t.hash)).toEqual([tx(1).hash]);
    expect(pendingTransactionsFor(other, account, 31337, localStorage, 2_000)).toHaveLength(2);
    const claims = pendingTransactionsFor(
      [pool, other],
      account,
      31337,
      localStorage,
      2_000,
      'Claim revenue across pools',
    );
    expect(claims.map((t) => t.hash)).toEqual([tx(1).hash]);
    localStorage.setItem('machine-yield:pending-transactions', JSON.stringify([{ ...tx(3), pools: 'nope' }]));
    expect(pendingTransactionsFor(pool, account, 31337, localStorage, 2_000)).toEqual([]);
  });
});
