/** Every call scheduled on the protocol timelock is in the API, in the state the timelock gives it. */
import { decodeFunctionData, getAddress, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi, protocolTimelockAbi } from '../../lib/contracts/abis';
import { api, chain, indexedUpTo, manifest } from './helpers';

let block: bigint;

beforeAll(async () => {
  block = await indexedUpTo();
});

describe('delayed actions', () => {
  type ApiAction = {
    id: string;
    target: string;
    pool: string | null;
    functionName: string | null;
    args: unknown;
    scheduledAt: string;
    readyAt: string;
    status: string;
    txHash: string;
  };

  it('every call scheduled on the timelock is there, in the state and with the time the timelock gives', async () => {
    const timelock = manifest().contracts.ProtocolTimelock!.address;
    const readTimelock = <T>(functionName: 'getTimestamp' | 'isOperationDone', id: Hex) =>
      chain.readContract({
        address: timelock,
        abi: protocolTimelockAbi,
        functionName,
        args: [id],
        blockNumber: block,
      }) as Promise<T>;
    const logs = await chain.getContractEvents({
      address: timelock,
      abi: protocolTimelockAbi,
      eventName: 'CallScheduled',
      fromBlock: 0n,
      toBlock: block,
    });
    // Single and tranched pools alike: a call to either is about that pool.
    const pools = new Set(
      [...manifest().contracts.FinancingPools, ...(manifest().contracts.TranchedPools ?? [])].map((p) =>
        p.address.toLowerCase(),
      ),
    );
    const { body } = await api<{ actions: ApiAction[] }>('/api/delayed-actions?limit=500');
    expect(body.actions.length).toBe(logs.length);
    for (const log of logs) {
      const { id, index, target, data, delay } = log.args as {
        id: Hex;
        index: bigint;
        target: Address;
        data: Hex;
        delay: bigint;
      };
      const action = body.actions.find((a) => a.id === `${id}-${index}`);
      expect(action, `action ${id}-${index}`).toBeDefined();
      const timestamp = await readTimelock<bigint>('getTimestamp', id);
      const done = await readTimelock<boolean>('isOperationDone', id);
      expect(action!.status).toBe(done ? 'executed' : timestamp === 0n ? 'cancelled' : 'pending');
      if (action!.status === 'pending') expect(BigInt(action!.readyAt)).toBe(timestamp);
      expect(BigInt(action!.readyAt)).toBe(BigInt(action!.scheduledAt) + delay);
      expect(getAddress(action!.target)).toBe(target);
      expect(action!.pool).toBe(pools.has(target.toLowerCase()) ? target.toLowerCase() : null);
      expect(action!.txHash).toBe(log.transactionHash);
      const call = decodeFunctionData({ abi: financingPoolAbi, data });
      expect(action!.functionName).toBe(call.functionName);
      expect(action!.args).toEqual(
        JSON.parse(JSON.stringify(call.args, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))),
      );
    }
    // The seed ends with a change still waiting out its delay: its pool lists it.
    const pending = body.actions.filter((a) => a.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(body.actions.some((a) => a.status === 'executed')).toBe(true);
    for (const action of pending) {
      const { body: forPool } = await api<{ actions: ApiAction[] }>(
        `/api/pools/${action.pool}/delayed-actions?status=pending`,
      );
      expect(forPool.actions.map((a) => a.id)).toContain(action.id);
      expect(forPool.actions.every((a) => a.pool === action.pool && a.status === 'pending')).toBe(true);
    }
    expect((await api('/api/delayed-actions?status=bogus')).status).toBe(400);
  });
});
