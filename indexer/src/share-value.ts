/**
 * The vault's share value, as lib/pools/share-price.ts gives it to the app (that module's formatting imports
 * need a newer TypeScript lib than the indexer's, hence this one line beside it).
 */

/** FinancingPool._decimalsOffset: shares have 10^12 more units than USDC (virtual shares). */
const VIRTUAL_SHARES = 10n ** 12n;

/** previewRedeem's arithmetic: shares × (totalAssets + 1) ÷ (totalSupply + 10^12), rounded down. */
export function sharesToAssets(shares: bigint, totalAssets: bigint, totalSupply: bigint): bigint {
  return (shares * (totalAssets + 1n)) / (totalSupply + VIRTUAL_SHARES);
}
