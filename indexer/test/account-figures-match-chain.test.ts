/**
 * Every figure the API gives for accounts equals what the pools say at the indexed block (contract reads),
 * and what a replay of the raw logs gives where the chain has no view (cost basis).
 */
import { getAddress, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi } from '../../lib/contracts/abis';
import { averageCostBook } from './average-cost';
import { accounts, api, chain, indexedUpTo, manifest } from './helpers';

type ApiPosition = Record<string, string> & { pool: string; account: string };

let block: bigint;
let holders: Address[];

beforeAll(async () => {
  block = await indexedUpTo();
  holders = await accounts();
});

const read = <T>(address: Address, functionName: string, args: readonly unknown[] = []) =>
  chain.readContract({ address, abi: financingPoolAbi, functionName, args, blockNumber: block } as never) as Promise<T>;

describe('accounts', () => {
  it('shares, locked shares, value and claimable revenue equal the pool’s views for every holder', async () => {
    // At most 20 addresses a request.
    const body = { positions: [] as ApiPosition[] };
    for (let i = 0; i < holders.length; i += 20) {
      const list = holders.slice(i, i + 20).join(',');
      body.positions.push(
        ...(await api<{ positions: ApiPosition[] }>(`/api/accounts/positions?addresses=${list}`)).body.positions,
      );
    }
    let checked = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      for (const account of holders) {
        const shares = await read<bigint>(pool, 'balanceOf', [account]);
        const claimable = await read<bigint>(pool, 'claimableRevenue', [account]);
        const row = body.positions.find((p) => p.pool === pool.toLowerCase() && p.account === account.toLowerCase());
        if (shares === 0n && claimable === 0n) continue;
        expect(row, `${account} in ${pool}`).toBeDefined();
        expect(BigInt(row!.shares!)).toBe(shares);
        expect(BigInt(row!.lockedShares!)).toBe(await read<bigint>(pool, 'lockedShares', [account]));
        expect(BigInt(row!.value!)).toBe(await read<bigint>(pool, 'previewRedeem', [shares]));
        expect(BigInt(row!.claimableRevenue!), `claimable of ${account}`).toBe(claimable);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('cost basis and realised P&L equal an average-cost replay of the raw logs', async () => {
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const logs = await chain.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        fromBlock: 0n,
        toBlock: block,
      });
      // A claim of filled redemptions is RedemptionClaimed then Withdraw: the exit was realised at the fill.
      for (const claim of logs.filter((l) => l.eventName === 'RedemptionClaimed')) {
        const next = logs.find((l) => l.transactionHash === claim.transactionHash && l.logIndex === claim.logIndex + 1);
        expect(next?.eventName).toBe('Withdraw');
      }
      const book = averageCostBook(logs);
      for (const [account, replay] of book) {
        const { body } = await api<{ positions: ApiPosition[] }>(`/api/accounts/${account}/positions`);
        const row = body.positions.find((p) => p.pool === pool.toLowerCase());
        if (!row) {
          expect(replay.shares).toBe(0n);
          expect(replay.cost).toBe(0n);
          continue;
        }
        expect(BigInt(row.costBasis!), `cost basis of ${account}`).toBe(replay.cost);
        expect(BigInt(row.realisedPnl!), `realised P&L of ${account}`).toBe(replay.realised);
      }
    }
  });

  it('redemption requests match the pool’s ERC-7540 request views, with their queue position', async () => {
    let claimable = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const { body } = await api<{
        redemptions: Record<string, string | number | null>[];
        queue: { idle: string; pendingShares: string; reservedForRedemptions: string };
      }>(`/api/pools/${pool}/redemptions`);
      expect(BigInt(body.queue.idle)).toBe(await read<bigint>(pool, 'idle'));
      expect(BigInt(body.queue.pendingShares)).toBe(await read<bigint>(pool, 'pendingRedeemShares'));
      expect(BigInt(body.queue.reservedForRedemptions)).toBe(await read<bigint>(pool, 'reservedForRedemptions'));
      const count = await read<number>(pool, 'redeemRequestCount');
      expect(body.redemptions.length).toBe(Number(count));
      const owed = new Map<string, bigint>(); // controller → filled, not yet claimed
      for (const r of body.redemptions) {
        const id = BigInt(r.requestId as string);
        const onChain = await read<{
          owner: Address;
          controller: Address;
          pendingShares: bigint;
          filledShares: bigint;
        }>(pool, 'redeemRequest', [id]);
        expect(getAddress(r.owner as string)).toBe(onChain.owner);
        expect(getAddress(r.controller as string)).toBe(onChain.controller);
        expect(BigInt(r.pendingShares as string)).toBe(onChain.pendingShares);
        expect(BigInt(r.pendingShares as string)).toBe(
          await read<bigint>(pool, 'pendingRedeemRequest', [id, onChain.controller]),
        );
        expect(BigInt(r.filledShares as string)).toBe(onChain.filledShares);
        const unclaimed = BigInt(r.filledAssets as string) - BigInt(r.claimedAssets as string);
        owed.set(onChain.controller, (owed.get(onChain.controller) ?? 0n) + unclaimed);
        const [claimableShares] = await read<readonly [bigint, bigint]>(pool, 'claimableRedemption', [
          onChain.controller,
        ]);
        expect(await read<bigint>(pool, 'claimableRedeemRequest', [id, onChain.controller])).toBe(
          onChain.filledShares > 0n ? claimableShares : 0n,
        );
        expect(r.status).toBe(
          onChain.pendingShares > 0n
            ? onChain.filledShares > 0n
              ? 'partially_filled'
              : 'pending'
            : unclaimed > 0n
              ? 'claimable'
              : onChain.filledShares > 0n
                ? 'claimed'
                : 'cancelled',
        );
        if (onChain.pendingShares > 0n) {
          expect(BigInt(r.sharesAhead as string)).toBe(await read<bigint>(pool, 'sharesAheadOf', [id]));
        } else {
          expect(r.queuePosition).toBeNull();
        }
      }
      // Claims are per controller on chain: what its requests still owe adds up to its claimable assets.
      for (const [controller, assets] of owed) {
        const [, claimableAssets] = await read<readonly [bigint, bigint]>(pool, 'claimableRedemption', [controller]);
        expect(assets, `claimable of ${controller} in ${pool}`).toBe(claimableAssets);
        if (assets > 0n) claimable++;
      }
    }
    expect(claimable).toBeGreaterThan(0);
  });

  it('?controller= lists one account’s requests of a pool, and the queue’s figures stay the whole queue’s', async () => {
    let filtered = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      type Answer = { redemptions: { requestId: string; controller: string }[]; queue: Record<string, string> };
      const all = (await api<Answer>(`/api/pools/${pool}/redemptions`)).body;
      for (const controller of new Set(all.redemptions.map((r) => r.controller))) {
        // In any case, as a wallet names its account.
        const { status, body } = await api<Answer>(
          `/api/pools/${pool}/redemptions?controller=${getAddress(controller)}`,
        );
        expect(status).toBe(200);
        expect(body.queue).toEqual(all.queue);
        expect(body.redemptions).toEqual(all.redemptions.filter((r) => r.controller === controller));
        filtered++;
      }
      const nobody = (await api<Answer>(`/api/pools/${pool}/redemptions?controller=${'0x'.padEnd(42, '7')}`)).body;
      expect(nobody.redemptions).toEqual([]);
      expect(nobody.queue).toEqual(all.queue);
      expect((await api(`/api/pools/${pool}/redemptions?controller=0x1234`)).status).toBe(400);
    }
    expect(filtered).toBeGreaterThan(1);
    expect((await api(`/api/pools/${'0x'.padEnd(42, '7')}/redemptions`)).status).toBe(404);
  });

  it('an account’s history holds every exit, fill, payout and cancel, as the logs have them', async () => {
    const kinds = {
      Withdraw: 'withdrawal',
      RedeemRequestFilled: 'redemption_fill',
      RedemptionClaimed: 'redemption_claim',
      CancelRedeemClaim: 'redemption_cancel',
    } as const;
    const expected = new Map<string, string[]>(); // owner or controller → `${kind}:${tx}:${assets}`
    let claims = 0;
    for (const { address: pool } of manifest().contracts.FinancingPools) {
      const logs = await chain.getContractEvents({
        address: pool,
        abi: financingPoolAbi,
        fromBlock: 0n,
        toBlock: block,
      });
      for (const [i, log] of logs.entries()) {
        const kind = kinds[log.eventName as keyof typeof kinds];
        if (!kind) continue;
        // The Withdraw that pays out a claim is the claim's, not an instant withdrawal.
        const previous = logs[i - 1];
        if (
          kind === 'withdrawal' &&
          previous?.eventName === 'RedemptionClaimed' &&
          previous.transactionHash === log.transactionHash
        ) {
          claims++;
          continue;
        }
        // A cancel's `receiver` is the owner its shares return to; a claim names only its controller.
        const args = log.args as { owner?: Address; receiver?: Address; controller?: Address; assets?: bigint };
        const owner =
          kind === 'redemption_claim' ? args.controller! : kind === 'redemption_cancel' ? args.receiver! : args.owner!;
        const accounts = new Set([owner.toLowerCase(), (args.controller ?? owner).toLowerCase()]);
        for (const account of accounts) {
          expected.set(account, [
            ...(expected.get(account) ?? []),
            `${kind}:${log.transactionHash}:${args.assets ?? ''}`,
          ]);
        }
      }
    }
    expect(claims).toBeGreaterThan(0);
    for (const [account, rows] of expected) {
      const found: string[] = [];
      for (const kind of Object.values(kinds)) {
        const { body } = await api<{ history: { txHash: string; amount: string | null; tranche: string | null }[] }>(
          `/api/accounts/${account}/history?kind=${kind}&limit=1000`,
        );
        // The pools' rows: a tranche's (tranches-match-chain.test.ts checks those) name their tranche.
        const pools = body.history.filter((h) => h.tranche === null);
        found.push(...pools.map((h) => `${kind}:${h.txHash}:${h.amount ?? ''}`));
      }
      expect(found.sort(), `history of ${account}`).toEqual(rows.sort());
    }
  });

  it('answers 400 for a bad address and a bad filter, and empty lists for an unknown account', async () => {
    expect((await api('/api/accounts/0x12/positions')).status).toBe(400);
    expect((await api('/api/pools?sort=bogus')).status).toBe(400);
    expect((await api('/api/pools?limit=0')).status).toBe(400);
    const unknown = await api<{ positions: unknown[] }>(`/api/accounts/${'0x' + '12'.repeat(20)}/positions`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.positions).toEqual([]);
  });
});
