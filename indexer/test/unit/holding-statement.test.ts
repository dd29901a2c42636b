import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { sharesToAssets } from '../../../lib/pools/share-value';
import {
  EMPTY_HOLDING,
  EMPTY_POOL,
  holdingStatement,
  StatementMismatch,
  sumLines,
  type LedgerRow,
  type PoolState,
} from '../../src/holding-statement';
import { ACC_PRECISION } from '../../src/revenue-accumulator';
import { reconciliationGap } from '../../../lib/statements/statement-lines';

const A: Address = '0x00000000000000000000000000000000000000aa';
const B: Address = '0x00000000000000000000000000000000000000bb';
const USDC = 10n ** 6n;
const opening = { block: 10n, timestamp: 1_000n };
const closing = { block: 20n, timestamp: 2_000n };

/** A pool that replays what the vault does, writing a ledger row per event like the indexer. */
function pool() {
  let state: PoolState = { ...EMPTY_POOL };
  const rows: LedgerRow[] = [];
  const push = (change: Partial<PoolState>, row: Omit<LedgerRow, keyof PoolState>) => {
    state = { ...state, ...change };
    rows.push({ ...state, ...row });
  };
  const base = { account: null, counterparty: null, assets: 0n, shares: 0n };
  return {
    rows,
    state: () => state,
    deposit(owner: Address, assets: bigint) {
      const shares = (assets * (state.totalSupply + 10n ** 12n)) / (state.totalAssets + 1n);
      push({ totalSupply: state.totalSupply + shares }, { ...base, kind: 'mint', account: owner, shares });
      push({ totalAssets: state.totalAssets + assets }, { ...base, kind: 'deposit', account: owner, assets, shares });
      return shares;
    },
    exit(owner: Address, shares: bigint, kind: 'withdrawal' | 'fill') {
      const assets = sharesToAssets(shares, state.totalAssets, state.totalSupply);
      push({ totalSupply: state.totalSupply - shares }, { ...base, kind: 'burn', account: owner, shares });
      push({ totalAssets: state.totalAssets - assets }, { ...base, kind, account: owner, assets, shares });
      return assets;
    },
    transfer(from: Address, to: Address, shares: bigint) {
      push({}, { ...base, kind: 'transfer', account: from, counterparty: to, shares });
    },
    loss(kind: 'provision' | 'write_down' | 'recovery', delta: bigint) {
      push({ totalAssets: state.totalAssets + delta }, { ...base, kind, assets: delta < 0n ? -delta : delta });
    },
    /** Revenue released at once to holders (an accumulator step), then a claim of `amount` by `who`. */
    revenue(perShare: bigint) {
      push({ accRevenuePerShare: state.accRevenuePerShare + perShare }, { ...base, kind: 'revenue' });
    },
    claim(who: Address, amount: bigint) {
      push({}, { ...base, kind: 'claim', account: who, assets: amount });
    },
  };
}

describe('a holding statement over a period', () => {
  it('puts every change on its line, and the lines tie opening to closing to the base unit', () => {
    const p = pool();
    const before = p.deposit(A, 1_000n * USDC);
    p.deposit(B, 3_333_333_333n);
    const openingPool = p.state();
    p.rows.length = 0;

    const more = p.deposit(A, 250n * USDC + 7n);
    p.loss('provision', -400n * USDC); // a provision: everyone's share price falls
    p.deposit(B, 77n * USDC + 3n); // another holder's deposit: rounding only
    const out = p.exit(A, before / 3n, 'withdrawal');
    const filled = p.exit(A, before / 5n, 'fill');
    p.loss('provision', 400n * USDC - 100n * USDC); // partly released...
    p.loss('write_down', -50n * USDC); // ...and written down beyond the provision
    p.loss('recovery', 20n * USDC);
    p.transfer(A, B, before / 10n);
    const sharesA = before + more - before / 3n - before / 5n - before / 10n;

    const lines = holdingStatement({
      account: A,
      opening,
      closing,
      openingPool,
      openingHolding: { shares: before, revenueDebt: 0n },
      rows: p.rows,
      closingPool: p.state(),
      closingHolding: { shares: sharesA, revenueDebt: 0n },
    });
    expect(lines.deposits).toBe(250n * USDC + 7n);
    expect(lines.instantWithdrawals).toBe(out);
    expect(lines.queuedWithdrawals).toBe(filled);
    expect(lines.provisions).toBeLessThan(0n);
    expect(lines.writeDowns).toBeLessThan(0n);
    expect(lines.recoveries).toBeGreaterThan(0n);
    expect(lines.transfersOut).toBeGreaterThan(0n);
    expect(lines.transfersIn).toBe(0n);
    // Rounding is a few base units, never a figure a reader would notice.
    expect(lines.rounding < 10n && lines.rounding > -10n).toBe(true);
    const end = p.state();
    expect(lines.closing.value).toBe(sharesToAssets(sharesA, end.totalAssets, end.totalSupply));
    expect(reconciliationGap(lines)).toBe(0n);
  });

  it("gives a holder's share of a loss as the fall of their own holding, not the pool's", () => {
    const p = pool();
    const a = p.deposit(A, 1_000n * USDC);
    p.deposit(B, 3_000n * USDC);
    const openingPool = p.state();
    p.rows.length = 0;
    p.loss('write_down', -400n * USDC);
    const lines = holdingStatement({
      account: A,
      opening,
      closing,
      openingPool,
      openingHolding: { shares: a, revenueDebt: 0n },
      rows: p.rows,
      closingPool: p.state(),
      closingHolding: { shares: a, revenueDebt: 0n },
    });
    // A quarter of the pool bears a quarter of the loss (to a base unit of the vault's rounding).
    expect(lines.writeDowns >= -100n * USDC - 1n && lines.writeDowns <= -100n * USDC + 1n).toBe(true);
    expect(lines.deposits + lines.rounding).toBe(0n);
  });

  it('counts revenue earned whether or not it was claimed in the period', () => {
    const p = pool();
    const a = p.deposit(A, 1_000n * USDC);
    const openingPool = p.state();
    p.rows.length = 0;
    const perShare = (5n * USDC * ACC_PRECISION) / a; // 5 USDC to the only holder
    p.revenue(perShare);
    p.claim(A, 3n * USDC);
    const lines = holdingStatement({
      account: A,
      opening,
      closing,
      openingPool,
      openingHolding: { shares: a, revenueDebt: 0n },
      rows: p.rows,
      closingPool: p.state(),
      closingHolding: { shares: a, revenueDebt: 3n * USDC },
    });
    expect(lines.revenueClaimed).toBe(3n * USDC);
    const accrued = (a * perShare) / ACC_PRECISION; // 5 USDC, or a base unit less where the division rounds
    expect(accrued >= 5n * USDC - 1n && accrued <= 5n * USDC).toBe(true);
    expect(lines.closing.unclaimedRevenue).toBe(accrued - 3n * USDC);
    expect(lines.revenueEarned).toBe(accrued);
    expect(reconciliationGap(lines)).toBe(0n);
    // As the API walks it: without the rows of revenue, which move no share price; the closing state has them.
    const walked = holdingStatement({
      account: A,
      opening,
      closing,
      openingPool,
      openingHolding: { shares: a, revenueDebt: 0n },
      rows: p.rows.filter((r) => r.kind !== 'revenue'),
      closingPool: p.state(),
      closingHolding: { shares: a, revenueDebt: 3n * USDC },
    });
    expect(walked).toEqual(lines);
  });

  it('refuses a statement whose ledgers disagree on the closing shares', () => {
    const p = pool();
    p.deposit(A, 1_000n * USDC);
    expect(() =>
      holdingStatement({
        account: A,
        opening,
        closing,
        openingPool: EMPTY_POOL,
        openingHolding: EMPTY_HOLDING,
        rows: p.rows,
        closingPool: p.state(),
        closingHolding: { shares: 1n, revenueDebt: 0n },
      }),
    ).toThrow(StatementMismatch);
  });

  it('adds wallets up line by line', () => {
    const p = pool();
    const a = p.deposit(A, 1_000n * USDC);
    const b = p.deposit(B, 500n * USDC);
    const each = ([A, B] as const).map((account, i) =>
      holdingStatement({
        account,
        opening,
        closing,
        openingPool: EMPTY_POOL,
        openingHolding: EMPTY_HOLDING,
        rows: p.rows,
        closingPool: p.state(),
        closingHolding: { shares: i === 0 ? a : b, revenueDebt: 0n },
      }),
    );
    const total = sumLines(each);
    expect(total.deposits).toBe(1_500n * USDC);
    expect(reconciliationGap(total)).toBe(0n);
  });
});
