/**
 * The kinds of entry an account's history holds: the indexer's tranche_flow kinds, its history API's `kind`
 * filter and the app's labels are all these.
 */
export const HISTORY_KINDS = [
  'deposit',
  'withdrawal',
  'claim',
  'redemption_request',
  'redemption_fill',
  'redemption_claim',
  'redemption_cancel',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
