/**
 * The FinancingPool's revenue accumulator, replayed off chain with the contract's own integer arithmetic
 * (FinancingPool._release, _accrueRevenue, _mergeIntoStream, _update, _owed). Fed every Transfer,
 * RevenueDistributed and RevenueClaimed event in order, it gives each holder's claimable revenue at any
 * block without a contract call.
 */
export const ACC_PRECISION = 10n ** 36n;
/** FinancingPool.MIN_ACCRUAL_SUPPLY: below this many shares the stream waits, keeping the time it had left. */
export const MIN_ACCRUAL_SUPPLY = 10n ** 18n;

export type StreamState = {
  accRevenuePerShare: bigint;
  streamRemaining: bigint;
  streamEnd: bigint;
  streamUpdatedAt: bigint;
};

/** A holder's revenue position: owed = shares × accRevenuePerShare ÷ 1e36 − revenueDebt. */
export type HolderRevenue = { revenueDebt: bigint };

/** FinancingPool._previewAccrual: the stream as of `now`, released or (with too few shares) waiting. */
export function previewAccrual(s: StreamState, now: bigint, totalSupply: bigint): StreamState {
  if (s.streamRemaining === 0n || now <= s.streamUpdatedAt) return s;
  const elapsed = now - s.streamUpdatedAt;
  if (totalSupply < MIN_ACCRUAL_SUPPLY) {
    return { ...s, streamEnd: s.streamEnd + elapsed, streamUpdatedAt: now };
  }
  const released =
    now >= s.streamEnd ? s.streamRemaining : (s.streamRemaining * elapsed) / (s.streamEnd - s.streamUpdatedAt);
  return {
    accRevenuePerShare: s.accRevenuePerShare + (released * ACC_PRECISION) / totalSupply,
    streamRemaining: s.streamRemaining - released,
    streamEnd: s.streamEnd,
    streamUpdatedAt: now,
  };
}

/** FinancingPool._accrueRevenue: the contract writes exactly what the preview computes (nothing if nothing streams). */
export const accrue = previewAccrual;

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

/** FinancingPool._update, for the side that receives `shares`: their worth today is added to the debt, rounded up. */
export function receiveShares(holder: HolderRevenue, shares: bigint, acc: bigint): HolderRevenue {
  if (acc === 0n) return holder;
  return { revenueDebt: holder.revenueDebt + (shares * acc + ACC_PRECISION - 1n) / ACC_PRECISION };
}

/** FinancingPool._update, for the side that sends or burns `shares`: their worth is taken off, rounded down. */
export function sendShares(holder: HolderRevenue, shares: bigint, acc: bigint): HolderRevenue {
  if (acc === 0n) return holder;
  return { revenueDebt: holder.revenueDebt - (shares * acc) / ACC_PRECISION };
}

/** FinancingPool._owed: what a holder of `shares` is owed at accumulator `acc` (never below zero). */
export function owed(holder: HolderRevenue, shares: bigint, acc: bigint): bigint {
  const value = (shares * acc) / ACC_PRECISION - holder.revenueDebt;
  return value > 0n ? value : 0n;
}

/** FinancingPool.claimableRevenue at `now`. */
export function claimableAt(s: StreamState, holder: HolderRevenue, shares: bigint, totalSupply: bigint, now: bigint) {
  return owed(holder, shares, previewAccrual(s, now, totalSupply).accRevenuePerShare);
}
