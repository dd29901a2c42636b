/**
 * The ProtocolTimelock (OpenZeppelin TimelockController) that holds every pool's admin role: each scheduled
 * call, decoded, with the time it becomes executable, until it is executed or cancelled.
 */
import { ponder } from 'ponder:registry';
import { delayedAction, pool, tranchedPool } from 'ponder:schema';
import { and, eq } from 'ponder';
import type { Address } from 'viem';
import { decodeCall } from './call-data';

ponder.on('ProtocolTimelock:CallScheduled', async ({ event, context }) => {
  const { id, index, target, value, data, predecessor, delay } = event.args;
  const key = { chainId: context.chain.id, address: target.toLowerCase() as Address };
  // A single pool, or a tranched one: either is the pool the change is about.
  const targetPool = (await context.db.find(pool, key)) ?? (await context.db.find(tranchedPool, key));
  const row = {
    operationHash: id,
    index: Number(index),
    target,
    pool: targetPool ? targetPool.address : null,
    value,
    data,
    predecessor,
    delay,
    ...decodeCall(data),
    status: 'pending' as const,
    scheduledAt: event.block.timestamp,
    scheduledAtBlock: event.block.number,
    readyAt: event.block.timestamp + delay,
    executedAt: null,
    cancelledAt: null,
    txHash: event.transaction.hash,
  };
  // An operation cancelled can be scheduled again under the same id.
  await context.db
    .insert(delayedAction)
    .values({ chainId: context.chain.id, id: `${id}-${index}`, ...row })
    .onConflictDoUpdate(row);
});

ponder.on('ProtocolTimelock:CallExecuted', async ({ event, context }) => {
  await context.db
    .update(delayedAction, { chainId: context.chain.id, id: `${event.args.id}-${event.args.index}` })
    .set({ status: 'executed', executedAt: event.block.timestamp });
});

ponder.on('ProtocolTimelock:Cancelled', async ({ event, context }) => {
  await context.db.sql
    .update(delayedAction)
    .set({ status: 'cancelled', cancelledAt: event.block.timestamp })
    .where(
      and(
        eq(delayedAction.chainId, context.chain.id),
        eq(delayedAction.operationHash, event.args.id),
        eq(delayedAction.status, 'pending'),
      ),
    );
});
