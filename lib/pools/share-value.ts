/**
 * The vault's share arithmetic, with no imports: the app and the indexer both use it (the indexer cannot take
 * the app's formatting modules).
 */

/** FinancingPool's virtual offset: shares have 10^12 more units than USDC (_decimalsOffset). */
export const VIRTUAL_SHARES = 10n ** 12n;

/** previewRedeem's arithmetic: shares × (totalAssets + 1) ÷ (totalSupply + 10^12), rounded down. */
export function sharesToAssets(shares: bigint, totalAssets: bigint, totalSupply: bigint): bigint {
  return (shares * (totalAssets + 1n)) / (totalSupply + VIRTUAL_SHARES);
}
