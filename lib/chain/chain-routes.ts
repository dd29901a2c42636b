/**
 * Links to the things that live on one chain. One app may serve several chains (CHAIN_IDS) where the same pool
 * address or asset id recurs, so every link names its chain in `?chain=`; a URL without it means the app's
 * default chain (links shared before the app served several).
 */

import { getAddress, isAddress } from 'viem';

type Query = Record<string, string | undefined>;

function withChain(path: string, chainId: number | undefined, query: Query = {}): string {
  const params = new URLSearchParams();
  if (chainId !== undefined) params.set('chain', String(chainId));
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** One URL per pool: the address checksummed, however the row spelled it. */
export function poolHref(chainId: number | undefined, address: string, query?: Query): string {
  const canonical = isAddress(address, { strict: false }) ? getAddress(address) : address;
  return withChain(`/pools/${canonical}`, chainId, query);
}

export function assetHref(chainId: number | undefined, id: bigint | number | string, query?: Query): string {
  return withChain(`/assets/${id}`, chainId, query);
}

export function projectHref(chainId: number | undefined, id: bigint | number | string): string {
  return withChain(`/projects/${id}`, chainId);
}
