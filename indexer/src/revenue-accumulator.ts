/**
 * The FinancingPool's revenue accumulator, replayed off chain with the contract's own integer arithmetic
 * (FinancingPool._previewAccrual, _accrueRevenue, _mergeIntoStream, _settle). Fed every Transfer,
 * RevenueDistributed and RevenueClaimed event in order, it gives each holder's claimable revenue at any
 * block without a contract call.
 */
export const ACC_PRECISION = 10n ** 36n;
/** FinancingPool.MIN_ACCRUAL_SUPPLY: below this many shares, released revenue waits as unallocated. */
export const MIN_ACCRUAL_SUPPLY = 10n ** 12n;

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
  if (totalSupply < MIN_ACCRUAL_SUPPLY) unallocated += released;
  else acc += (released * ACC_PRECISION) / totalSupply;
  return { acc, remaining, unallocated };
}

/**
 * FinancingPool._accrueRevenue: release what is due, and merge revenue released at zero supply into the
 * stream once there are holders again (so that it, too, cannot be captured just in time).
 */
export function accrue(s: StreamState, now: bigint, totalSupply: bigint, streamDuration: bigint): StreamState {
  // Nothing streaming and nothing waiting: the contract writes nothing, not even the update time.
  if (s.streamRemaining === 0n && s.unallocatedRevenue === 0n) return s;
  const { acc, remaining, unallocated } = previewAccrual(s, now, totalSupply);
  const accrued = { ...s, accRevenuePerShare: acc, streamRemaining: remaining, streamUpdatedAt: now };
  if (unallocated > 0n && totalSupply >= MIN_ACCRUAL_SUPPLY) {
    return mergeIntoStream({ ...accrued, unallocatedRevenue: 0n }, unallocated, now, streamDuration);
  }
  return { ...accrued, unallocatedRevenue: unallocated };
}

/**
 * FinancingPool._mergeIntoStream: adds `amount` to what is streaming; the end moves to the amount-weighted
 * mean of the time the running stream had left and a full window for the new amount.
 */
export function mergeIntoStream(s: StreamState, amount: bigint, now: bigint, streamDuration: bigint): StreamState {
  const remaining = s.streamRemaining;
  const total = remaining + amount;
  if (total === 0n) return s;
  const left = s.streamEnd > now ? s.streamEnd - now : 0n;
  const window = (remaining * left + amount * streamDuration) / total;
  return { ...s, streamRemaining: total, streamEnd: now + window, streamUpdatedAt: now };
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
