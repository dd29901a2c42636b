/**
 * Shares changing hands and leaving in the seeded history: transfers between investors, Osaka A's wind-down,
 * redemption requests (claimed, kept waiting or cancelled), and an admin change still waiting out its delay today.
 */
import { encodeFunctionData } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import { ASSETS } from '../machines';
import { LAST_DAY } from '../timeline';
import { ACCOUNTS, POOL_EVENTS, REDEMPTIONS, TRANSFERS } from '../world';
import { shareOf, STATUS } from './capital';
import type { History } from './context';

const onPool = (history: History, key: string) =>
  ({ address: history.market.pools.get(key)!, abi: financingPoolAbi }) as const;

export function addShareTransfers(history: History) {
  const { chain, timeline } = history;
  for (const [from, to, key, share, day] of TRANSFERS) {
    const pool = onPool(history, key);
    timeline.add(day, 6, 'share transfer', async () => {
      const balance = await chain.client.readContract({ ...pool, functionName: 'balanceOf', args: [chain.addr(from)] });
      await chain.send(from, { ...pool, functionName: 'transfer', args: [chain.addr(to), shareOf(balance, share)] });
    });
  }
}

/** Osaka A winds down: closed, its machines' principal repaid in three parts, its investors exit. */
export function addOsakaWindDown(history: History) {
  const { chain, protocol, market, timeline, machines, fillQueue } = history;
  const pool = onPool(history, 'osa-a');
  timeline.add(POOL_EVENTS.closeOsakaA, 8, 'close pool', () =>
    chain.send(ACCOUNTS.manager, { ...pool, functionName: 'close', args: [] }),
  );
  for (const [i, day] of [153, 160, 168].entries()) {
    timeline.add(day, 8, 'wind-down repayment', async () => {
      for (const asset of ASSETS.filter((a) => a.pool === 'osa-a' && machines.get(a) === 'live')) {
        const id = market.assetIds.get(asset)!;
        const outstanding = await chain.client.readContract({ ...pool, functionName: 'outstandingOf', args: [id] });
        const amount = i === 2 ? outstanding : outstanding / BigInt(3 - i);
        if (amount > 0n) {
          await chain.send(ACCOUNTS.manager, { ...pool, functionName: 'recordRepayment', args: [id, amount] });
        }
        await fillQueue(pool.address);
        if (i === 2) {
          await chain.send(ACCOUNTS.registrar, {
            address: protocol.registry.address,
            abi: hardwareAssetRegistryAbi,
            functionName: 'setStatus',
            args: [id, STATUS.Retired],
          });
          machines.set(asset, 'retired');
        }
      }
    });
  }
}

export function addRedemptions(history: History) {
  const { chain, timeline, fillQueue } = history;
  for (const [investor, key, share, day, then] of REDEMPTIONS) {
    const pool = onPool(history, key);
    const account = chain.addr(investor);
    let requestId: bigint | undefined;
    timeline.add(day, 9, 'redemption request', async () => {
      const unlocked = await chain.client.readContract({ ...pool, functionName: 'unlockedShares', args: [account] });
      // uint48 reads as a number.
      requestId = BigInt(await chain.client.readContract({ ...pool, functionName: 'redeemRequestCount' })) + 1n;
      await chain.send(investor, {
        ...pool,
        functionName: 'requestRedeem',
        args: [shareOf(unlocked, share), account, account],
      });
      await fillQueue(pool.address);
    });
    if (then === 'claim') {
      timeline.add(170, 10, 'claim redemption', async () => {
        // ERC-7540: filled requests are claimed through redeem, with the investor as controller.
        const [shares] = await chain.client.readContract({
          ...pool,
          functionName: 'claimableRedemption',
          args: [account],
        });
        await chain.send(investor, { ...pool, functionName: 'redeem', args: [shares, account, account] });
      });
    }
    if (then === 'cancel') {
      timeline.add(day + 4, 10, 'cancel redemption', () =>
        chain.send(investor, { ...pool, functionName: 'cancelRedeemRequest', args: [requestId!, account] }),
      );
    }
  }
}

/** A change still waiting out its delay today, as the pool page shows it: Ashburn H100's fee to 12 %. */
export function addPendingFeeChange({ chain, protocol, market, timeline }: History) {
  timeline.add(LAST_DAY - 0.5, 11, 'protocol fee change scheduled', () =>
    protocol.scheduleBatch([
      {
        target: market.pools.get('ash1')!,
        data: encodeFunctionData({
          abi: financingPoolAbi,
          functionName: 'setProtocolFee',
          args: [chain.addr(ACCOUNTS.treasury), 1_200],
        }),
      },
    ]),
  );
}
