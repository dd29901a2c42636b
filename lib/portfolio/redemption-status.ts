import type { RedemptionStatus } from '../indexer/wire';

/** What an account's redemption request is waiting for, in words (the page and the PDF statement say the same). */
export const REDEMPTION_STATUS_LABEL: Record<RedemptionStatus, string> = {
  pending: 'Waiting',
  partially_filled: 'Partly filled',
  claimable: 'Ready to claim',
  claimed: 'Claimed',
  cancelled: 'Cancelled',
};

/** Open requests: shares still waiting in the queue, or USDC filled and not yet claimed. */
export function isOpenRedemption(request: { pendingShares: bigint; filledAssets: bigint; claimedAssets: bigint }) {
  return request.pendingShares > 0n || request.filledAssets > request.claimedAssets;
}
