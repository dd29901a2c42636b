import { getAddress } from 'viem';

/**
 * One pool among every chain the app serves: the same address can be a pool on two chains (a deployer that
 * deploys in the same order on each gets the same addresses), so lookups by pool carry the chain too.
 * `chainId` is absent only in rows of an older, single-chain indexer.
 */
export type PoolKey = `${number | ''}:${string}`;

export function poolKey(chainId: number | undefined, address: string): PoolKey {
  return `${chainId ?? ''}:${getAddress(address)}`;
}
