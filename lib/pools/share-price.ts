import { SHARE_DECIMALS } from '../format/usdc';
import { VIRTUAL_SHARES } from './share-value';

const ONE_SHARE = 10n ** BigInt(SHARE_DECIMALS);

/**
 * USDC base units that one whole share redeems for, exactly as the ERC-4626 vault computes
 * convertToAssets(1e18), virtual share and asset included (rounded down).
 */
export function sharePrice(totalAssets: bigint, totalSupply: bigint): bigint {
  return (ONE_SHARE * (totalAssets + 1n)) / (totalSupply + VIRTUAL_SHARES);
}
