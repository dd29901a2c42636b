/**
 * What an investor must be told of a pool (its feeds), as the indexer's notices name it: one list for the
 * indexer's `?kind=` and the app's reading of its answers.
 */
export const NOTICE_KINDS = [
  'revenue_distributed',
  'redemption_filled',
  'provision',
  'write_down',
  'recovery',
  'pool_status',
  'pool_deposit_limits',
  'pool_paused',
  'pool_unpaused',
  'change_scheduled',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
