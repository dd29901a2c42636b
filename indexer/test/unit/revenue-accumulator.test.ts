import { describe, expect, it } from 'vitest';
import { accrue, claimableAt, settle, startStream, type StreamState } from '../../src/revenue-accumulator';

const WEEK = 604_800n;
const empty: StreamState = {
  accRevenuePerShare: 0n,
  streamRemaining: 0n,
  streamEnd: 0n,
  streamUpdatedAt: 0n,
  unallocatedRevenue: 0n,
};

describe('revenue accumulator replay', () => {
  it('releases a distribution linearly and splits it pro rata', () => {
    const supply = 300n * 10n ** 18n;
    let s = startStream(accrue(empty, 1_000n, supply, WEEK), 630_000_000n, 1_000n, WEEK);
    const alice = { revenueOwed: 0n, revenuePaidPerShare: 0n };
    // A day in: a seventh of 630 USDC released; alice holds two thirds.
    const day = 1_000n + 86_400n;
    expect(claimableAt(s, alice, 200n * 10n ** 18n, supply, day)).toBe(60_000_000n);
    s = accrue(s, 1_000n + WEEK, supply, WEEK);
    expect(s.streamRemaining).toBe(0n);
    expect(settle(alice, 200n * 10n ** 18n, s.accRevenuePerShare).revenueOwed).toBe(420_000_000n);
  });

  it('holds revenue released at zero supply and streams it to the first holders', () => {
    let s = startStream(empty, 100n, 0n, WEEK);
    s = accrue(s, WEEK * 2n, 0n, WEEK);
    expect(s.unallocatedRevenue).toBe(100n);
    s = accrue(s, WEEK * 2n + 10n, 10n ** 18n, WEEK);
    expect(s.unallocatedRevenue).toBe(0n);
    expect(s.streamRemaining).toBe(100n);
    expect(s.streamEnd).toBe(WEEK * 3n + 10n);
  });
});
