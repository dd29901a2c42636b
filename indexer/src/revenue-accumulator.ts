/**
 * The FinancingPool's revenue accumulator, replayed off chain with the contract's own integer arithmetic
 * (FinancingPool._previewAccrual, _accrueRevenue, _startStream, _settle). Fed every Transfer,
 * RevenueDistributed and RevenueClaimed event in order, it gives each holder's claimable revenue at any
 * block without a contract call.
 */
export const ACC_PRECISION = 10n ** 36n;

export type StreamState = {
  accRevenuePerShare: bigint;
  streamRemaining: bigint;
  streamEnd: bigint;
  streamUpdatedAt: bigint;
  unallocatedRevenue: bigint;
};

export type HolderRevenue = { revenueOwed: bigint; revenuePaidPerShare: bigint };

/** What the stream has released up to `now`, as FinancingPool._previewAccrual computes it. */
export function previewAccrual(s: StreamState, now: bigint, totalSupply: bigint) {
  let acc = s.accRevenuePerShare;
  let remaining = s.streamRemaining;
  let unallocated = s.unallocatedRevenue;
  const last = s.streamUpdatedAt;
  if (remaining === 0n || now <= last) return { acc, remaining, unallocated };
  const released = now >= s.streamEnd ? remaining : (remaining * (now - last)) / (s.streamEnd - last);
  remaining -= released;
  if (totalSupply === 0n) unallocated += released;
  else acc += (released * ACC_PRECISION) / totalSupply;
  return { acc, remaining, unallocated };
}

/** FinancingPool._accrueRevenue: release, and move revenue released at zero supply into a fresh stream. */
export function accrue(s: StreamState, now: bigint, totalSupply: bigint, streamDuration: bigint): StreamState {
  const preview = previewAccrual(s, now, totalSupply);
  const acc = preview.acc;
  let { remaining, unallocated } = preview;
  let streamEnd = s.streamEnd;
  if (unallocated > 0n && totalSupply > 0n) {
    remaining += unallocated;
    unallocated = 0n;
    const end = now + streamDuration;
    if (streamEnd < end) streamEnd = end;
  }
  return {
    accRevenuePerShare: acc,
    streamRemaining: remaining,
    streamEnd,
    streamUpdatedAt: now,
    unallocatedRevenue: unallocated,
  };
}

/** FinancingPool._startStream: adds `net` (and anything unallocated) and restarts the window. */
export function startStream(s: StreamState, net: bigint, now: bigint, streamDuration: bigint): StreamState {
  return {
    ...s,
    streamRemaining: s.streamRemaining + net + s.unallocatedRevenue,
    unallocatedRevenue: 0n,
    streamEnd: now + streamDuration,
    streamUpdatedAt: now,
  };
}

/** FinancingPool._settle: books what `shares` earned since the holder was last settled. */
export function settle(holder: HolderRevenue, shares: bigint, acc: bigint): HolderRevenue {
  if (acc === holder.revenuePaidPerShare) return holder;
  return {
    revenueOwed: holder.revenueOwed + (shares * (acc - holder.revenuePaidPerShare)) / ACC_PRECISION,
    revenuePaidPerShare: acc,
  };
}

/** FinancingPool.claimableRevenue at `now`. */
export function claimableAt(s: StreamState, holder: HolderRevenue, shares: bigint, totalSupply: bigint, now: bigint) {
  const { acc } = previewAccrual(s, now, totalSupply);
  return holder.revenueOwed + (shares * (acc - holder.revenuePaidPerShare)) / ACC_PRECISION;
}
