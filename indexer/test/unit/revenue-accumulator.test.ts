import { describe, expect, it } from 'vitest';
import {
  accrue,
  claimableAt,
  mergeIntoStream,
  owed,
  receiveShares,
  sendShares,
  type StreamState,
} from '../../src/revenue-accumulator';

const DAY = 86_400n;
const WEEK = 604_800n;
const empty: StreamState = {
  accRevenuePerShare: 0n,
  streamRemaining: 0n,
  streamEnd: 0n,
  streamUpdatedAt: 0n,
};

/** A distribution as FinancingPool.distributeRevenue books it: accrue, then merge the net amount. */
const distribute = (s: StreamState, net: bigint, now: bigint, supply: bigint) =>
  mergeIntoStream(accrue(s, now, supply), net, now, WEEK);

describe('revenue accumulator replay', () => {
  it('releases a distribution linearly and splits it pro rata', () => {
    const supply = 300n * 10n ** 18n;
    let s = distribute(empty, 630_000_000n, 1_000n, supply);
    expect(s.streamEnd).toBe(1_000n + WEEK);
    const alice = { revenueDebt: 0n };
    // A day in: a seventh of 630 USDC released; alice holds two thirds.
    expect(claimableAt(s, alice, 200n * 10n ** 18n, supply, 1_000n + DAY)).toBe(60_000_000n);
    s = accrue(s, 1_000n + WEEK, supply);
    expect(s.streamRemaining).toBe(0n);
    expect(owed(alice, 200n * 10n ** 18n, s.accRevenuePerShare)).toBe(420_000_000n);
  });

  it('moves the end to the amount-weighted mean of the time left and a full window', () => {
    const supply = 10n ** 18n;
    const start = 10_000n;
    let s = distribute(empty, 700_000_000n, start, supply);
    // Half-way: 350 USDC left over 3.5 days; 350 more arrive. (350 × 3.5 d + 350 × 7 d) ÷ 700 = 5.25 days.
    const half = start + WEEK / 2n;
    s = distribute(s, 350_000_000n, half, supply);
    expect(s.streamRemaining).toBe(700_000_000n);
    expect(s.streamEnd).toBe(half + (WEEK * 3n) / 4n);
    expect(s.streamUpdatedAt).toBe(half);
  });

  it('lets one unit of dust barely move the release of what is already streaming', () => {
    const supply = 10n ** 18n;
    let s = distribute(empty, 700_000_000n, 0n, supply);
    const half = WEEK / 2n;
    s = distribute(s, 1_000_000n, half, supply);
    // (350e6 × 302,400 + 1e6 × 604,800) ÷ 351e6, floored: 863 seconds later than before, not a full week.
    expect(s.streamEnd).toBe(half + (350_000_000n * (WEEK / 2n) + 1_000_000n * WEEK) / 351_000_000n);
    expect(s.streamEnd - WEEK).toBe(861n);
  });

  it('lets the stream wait while there are no holders, keeping the time it had left', () => {
    // 700 streaming over a week from t = 0 with no holders: two days pass, nothing is released to nobody.
    let s = distribute(empty, 700n, 0n, 0n);
    s = accrue(s, 2n * DAY, 0n);
    expect(s.streamRemaining).toBe(700n);
    expect(s.accRevenuePerShare).toBe(0n);
    expect(s.streamEnd).toBe(WEEK + 2n * DAY);
    // The first holders receive it over the week it still had, from when they arrived.
    s = accrue(s, 2n * DAY + WEEK / 2n, 10n ** 18n);
    expect(s.streamRemaining).toBe(350n);
  });

  it('waits, too, for a dust supply (under one USDC of shares), as the contract does', () => {
    let s = distribute(empty, 700n, 0n, 10n ** 18n);
    s = accrue(s, DAY, 10n ** 18n - 1n);
    expect(s.accRevenuePerShare).toBe(0n);
    expect(s.streamRemaining).toBe(700n);
    expect(s.streamEnd).toBe(WEEK + DAY);
  });

  it('keeps what a holder was owed when shares move, rounding against the holder by at most one unit', () => {
    const acc = (10n ** 36n * 7n) / 3n; // 2.333… USDC base units per share unit
    let alice = receiveShares({ revenueDebt: 0n }, 3n, acc);
    expect(owed(alice, 3n, acc)).toBe(0n); // shares arriving bring no past revenue
    const later = acc * 2n;
    expect(owed(alice, 3n, later)).toBe(6n); // 3 × 2.333… = 7 earned, less the unit rounded off on arrival
    alice = sendShares(alice, 2n, later);
    expect(owed(alice, 1n, later)).toBeGreaterThanOrEqual(5n);
    expect(owed(alice, 1n, later)).toBeLessThanOrEqual(6n);
    alice = sendShares(alice, 1n, later);
    expect(owed(alice, 0n, later)).toBeLessThanOrEqual(6n); // nothing held, still owed: a negative debt
    expect(alice.revenueDebt).toBeLessThan(0n);
  });

  it('writes nothing, not even the update time, when nothing streams', () => {
    const s = { ...empty, accRevenuePerShare: 7n, streamUpdatedAt: 5n };
    expect(accrue(s, 1_000n, 10n ** 18n)).toBe(s);
  });

  it('does nothing when there is nothing to merge', () => {
    const s = { ...empty, streamUpdatedAt: 5n };
    expect(mergeIntoStream(s, 0n, 10n, WEEK)).toEqual(s);
  });
});
