import { SHARE_DECIMALS } from '../format/usdc';

/** The vault's virtual offset: shares have 10^12 more units than USDC (FinancingPool._decimalsOffset). */
const VIRTUAL_SHARES = 10n ** 12n;
const ONE_SHARE = 10n ** BigInt(SHARE_DECIMALS);

/**
 * USDC base units that one whole share redeems for, exactly as the ERC-4626 vault computes
 * convertToAssets(1e18), virtual share and asset included (rounded down).
 */
export function sharePrice(totalAssets: bigint, totalSupply: bigint): bigint {
  return (ONE_SHARE * (totalAssets + 1n)) / (totalSupply + VIRTUAL_SHARES);
}

/** previewRedeem's arithmetic: shares × (totalAssets + 1) ÷ (totalSupply + 10^12), rounded down. */
export function sharesToAssets(shares: bigint, totalAssets: bigint, totalSupply: bigint): bigint {
  return (shares * (totalAssets + 1n)) / (totalSupply + VIRTUAL_SHARES);
}
