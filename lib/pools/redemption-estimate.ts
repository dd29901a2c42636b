import { sharesToAssets } from './share-value';

/**
 * When a queued redemption can expect to be filled. Requests fill first in, first out, from idle cash
 * (deposits) and from principal the machines pay back, so the request waits for the USDC of every share
 * ahead of it plus its own, less what is idle now. How fast that arrives is estimated from the pool's
 * repayments of the last 90 days: a schedule, not a promise, and said so on screen.
 */
type RedemptionEstimate = {
  /** USDC the queue needs, up to and including this request, at today's share price. */
  assetsNeeded: bigint;
  /** What idle cash does not cover yet. */
  shortfall: bigint;
  /** Days until the shortfall is repaid at the recent pace; null when nothing was repaid recently. */
  days: number | null;
};

export function estimateRedemptionFill(input: {
  sharesAhead: bigint;
  pendingShares: bigint;
  totalAssets: bigint;
  totalSupply: bigint;
  idle: bigint;
  repaidLast90Days: bigint;
}): RedemptionEstimate {
  const assetsNeeded = sharesToAssets(input.sharesAhead + input.pendingShares, input.totalAssets, input.totalSupply);
  const shortfall = assetsNeeded > input.idle ? assetsNeeded - input.idle : 0n;
  if (shortfall === 0n) return { assetsNeeded, shortfall, days: 0 };
  if (input.repaidLast90Days <= 0n) return { assetsNeeded, shortfall, days: null };
  // ceil(shortfall ÷ (repaid ÷ 90)) in integers.
  const days = (shortfall * 90n + input.repaidLast90Days - 1n) / input.repaidLast90Days;
  return { assetsNeeded, shortfall, days: Number(days) };
}
