import { describe, expect, it } from 'vitest';
import { accrue, claimableAt, mergeIntoStream, settle, type StreamState } from '../../src/revenue-accumulator';

const DAY = 86_400n;
const WEEK = 604_800n;
const empty: StreamState = {
  accRevenuePerShare: 0n,
  streamRemaining: 0n,
  streamEnd: 0n,
  streamUpdatedAt: 0n,
  unallocatedRevenue: 0n,
};

/** A distribution as FinancingPool.distributeRevenue books it: accrue, then merge the net amount. */
const distribute = (s: StreamState, net: bigint, now: bigint, supply: bigint) =>
  mergeIntoStream(accrue(s, now, supply, WEEK), net, now, WEEK);

describe('revenue accumulator replay', () => {
  it('releases a distribution linearly and splits it pro rata', () => {
    const supply = 300n * 10n ** 18n;
    let s = distribute(empty, 630_000_000n, 1_000n, supply);
    expect(s.streamEnd).toBe(1_000n + WEEK);
    const alice = { revenueOwed: 0n, revenuePaidPerShare: 0n };
    // A day in: a seventh of 630 USDC released; alice holds two thirds.
    expect(claimableAt(s, alice, 200n * 10n ** 18n, supply, 1_000n + DAY)).toBe(60_000_000n);
    s = accrue(s, 1_000n + WEEK, supply, WEEK);
    expect(s.streamRemaining).toBe(0n);
    expect(settle(alice, 200n * 10n ** 18n, s.accRevenuePerShare).revenueOwed).toBe(420_000_000n);
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

  it('holds revenue released at zero supply and streams it to the first holders', () => {
    let s = distribute(empty, 100n, 0n, 0n);
    s = accrue(s, WEEK * 2n, 0n, WEEK);
    expect(s.unallocatedRevenue).toBe(100n);
    s = accrue(s, WEEK * 2n + 10n, 10n ** 18n, WEEK);
    expect(s.unallocatedRevenue).toBe(0n);
    expect(s.streamRemaining).toBe(100n);
    expect(s.streamEnd).toBe(WEEK * 3n + 10n);
  });

  it('merges revenue released at zero supply into a running stream instead of restarting it', () => {
    // 700 streaming over a week from t = 0 with no holders: by day 1, 100 is released to nobody.
    let s = distribute(empty, 700n, 0n, 0n);
    s = accrue(s, DAY, 0n, WEEK);
    expect(s.unallocatedRevenue).toBe(100n);
    expect(s.streamRemaining).toBe(600n);
    // A first deposit at day 2 accrues before minting (at zero supply): another 100 released to nobody.
    s = accrue(s, 2n * DAY, 0n, WEEK);
    expect(s.unallocatedRevenue).toBe(200n);
    // The next accrual with holders merges the 200 into the 500 that still has 5 days to run.
    s = accrue(s, 2n * DAY, 10n ** 18n, WEEK);
    expect(s.unallocatedRevenue).toBe(0n);
    expect(s.accRevenuePerShare).toBe(0n);
    expect(s.streamRemaining).toBe(700n);
    // (500 × 5 d + 200 × 7 d) ÷ 700 = 5.571… days, not the full week the old rule gave.
    expect(s.streamEnd).toBe(2n * DAY + (500n * 5n * DAY + 200n * WEEK) / 700n);
  });

  it('holds revenue released to a dust supply (under 1e12 shares) as unallocated, as the contract does', () => {
    let s = distribute(empty, 700n, 0n, 10n ** 18n);
    s = accrue(s, DAY, 10n ** 12n - 1n, WEEK);
    expect(s.accRevenuePerShare).toBe(0n);
    expect(s.unallocatedRevenue).toBe(100n);
  });

  it('writes nothing, not even the update time, when nothing streams or waits', () => {
    const s = { ...empty, accRevenuePerShare: 7n, streamUpdatedAt: 5n };
    expect(accrue(s, 1_000n, 10n ** 18n, WEEK)).toBe(s);
  });

  it('does nothing when there is nothing to merge', () => {
    const s = { ...empty, streamUpdatedAt: 5n };
    expect(mergeIntoStream(s, 0n, 10n, WEEK)).toEqual(s);
  });
});
