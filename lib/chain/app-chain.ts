import { defineChain, type Chain } from 'viem';
import { arbitrum, base, baseSepolia, foundry, mainnet, sepolia } from 'viem/chains';

/** What the browser needs to know of the chain: sent from the server, which reads it from the environment. */
export type ChainSettings = { id: number; rpcUrl: string };

const KNOWN: readonly Chain[] = [foundry, mainnet, sepolia, base, baseSepolia, arbitrum];

/** The chain the app runs on, with our RPC URL in place of the public default. */
export function appChain({ id, rpcUrl }: ChainSettings): Chain {
  const known = KNOWN.find((chain) => chain.id === id);
  const rpcUrls = { default: { http: [rpcUrl] } };
  if (known) return { ...known, name: known.id === foundry.id ? 'Anvil (local)' : known.name, rpcUrls };
  return defineChain({
    id,
    name: `Chain ${id}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls,
  });
}

/** A chain's name for people (the badge on a pool, the wrong-network notice), from viem's definitions. */
export function chainName(id: number): string {
  return appChain({ id, rpcUrl: 'http://unused.invalid' }).name;
}
