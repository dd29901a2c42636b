/** What every step of the seeded history shares: the chain, the contracts, and the machines' state so far. */
import { financingPoolAbi } from '../../../lib/contracts/abis';
import type { AssetSpec } from '../machines';
import type { Market } from '../market';
import type { Protocol } from '../protocol';
import type { SeedChain } from '../seed-chain';
import type { Timeline } from '../timeline';
import { ACCOUNTS } from '../world';
import type { Address } from 'viem';

export type MachineState = 'live' | 'impaired' | 'retired';

export type History = {
  chain: SeedChain;
  protocol: Protocol;
  market: Market;
  timeline: Timeline;
  /** Each machine group's state, as the history has played so far. */
  machines: Map<AssetSpec, MachineState>;
  /** The keeper's job: fill waiting exits from idle cash (deposits and repayments no longer do it). */
  fillQueue: (pool: Address) => Promise<void>;
};

export function createHistory(chain: SeedChain, protocol: Protocol, market: Market, timeline: Timeline): History {
  const fillQueue = async (address: Address) => {
    const pool = { address, abi: financingPoolAbi } as const;
    const pending = await chain.client.readContract({ ...pool, functionName: 'pendingRedeemShares' });
    const idle = await chain.client.readContract({ ...pool, functionName: 'idle' });
    if (pending > 0n && idle > 0n) {
      await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'fillRedemptions', args: [50n] });
    }
  };
  return { chain, protocol, market, timeline, machines: new Map(), fillQueue };
}
