/**
 * The chains one indexer serves, from the environment: read by ponder.config.ts (what to index) and by the
 * API (which chainId a request may name). No handler lives here.
 *
 * - `CHAIN_IDS`: comma-separated chain ids; when unset, `CHAIN_ID` (default 31337, the local anvil).
 * - `RPC_URL_<chainId>`: each chain's RPC. `RPC_URL` stands in only when exactly one chain is configured.
 */
import { arbitrum, arbitrumSepolia, base, baseSepolia, mainnet, optimism, optimismSepolia, sepolia } from 'viem/chains';

/** viem's chain definitions by their export name, which is also the Ponder chain's name (its key in /status). */
const NAMED = { mainnet, sepolia, base, baseSepolia, arbitrum, arbitrumSepolia, optimism, optimismSepolia };

export const LOCAL_CHAIN_ID = 31337;

export type IndexedChain = {
  id: number;
  /** Ponder's name for the chain: `anvil` for 31337, viem's name (`baseSepolia`), else `chain<id>`. */
  name: string;
  rpc: string;
};

export function chainName(id: number): string {
  if (id === LOCAL_CHAIN_ID) return 'anvil';
  const known = Object.entries(NAMED).find(([, chain]) => chain.id === id);
  return known ? known[0] : `chain${id}`;
}

/** The configured chain ids, in the order given, each once. */
export function indexedChainIds(env: NodeJS.ProcessEnv = process.env): number[] {
  const list = env.CHAIN_IDS?.trim() ? env.CHAIN_IDS : env.CHAIN_ID?.trim() || String(LOCAL_CHAIN_ID);
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((raw) => {
      if (!/^[1-9]\d{0,15}$/.test(raw))
        throw new Error(`CHAIN_IDS: "${raw}" is not a chain id (a positive whole number)`);
      return Number(raw);
    });
  if (ids.length === 0) throw new Error('CHAIN_IDS names no chain');
  return [...new Set(ids)];
}

/** Each configured chain with its RPC; several chains without their own RPC variable is a startup error. */
export function indexedChains(env: NodeJS.ProcessEnv = process.env): IndexedChain[] {
  const ids = indexedChainIds(env);
  return ids.map((id) => {
    const own = env[`RPC_URL_${id}`]?.trim();
    if (own) return { id, name: chainName(id), rpc: own };
    if (ids.length > 1)
      throw new Error(
        `RPC_URL_${id} is not set: with several chains (CHAIN_IDS=${ids.join(',')}) each needs its own RPC_URL_<chainId>`,
      );
    return { id, name: chainName(id), rpc: env.RPC_URL?.trim() || 'http://127.0.0.1:8545' };
  });
}
