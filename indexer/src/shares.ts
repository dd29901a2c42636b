/**
 * Pool shares: balances and revenue settlement on every mint, burn and transfer, and the deposits and
 * instant withdrawals that carry cost basis in and realise it on the way out.
 */
import { ponder } from 'ponder:registry';
import { pool, poolFlow, position, redemptionPayout } from 'ponder:schema';
import { zeroAddress } from 'viem';
import { getPool, getPosition, realiseExit, recordPoolDay, streamOf, updatePool, type PoolEvent } from './records';
import { recordHolding, recordLedger } from './ledger';
import { accrue, receiveShares, sendShares } from './revenue-accumulator';

/**
 * Every mint, burn and transfer. Like the contract's _update: accrue the revenue stream at the current
 * supply, then move the shares and their revenue debt. A transfer also moves cost basis, at the sender's
 * average cost; mints and burns leave cost basis to the Deposit, Withdraw and RedeemRequestFilled handlers
 * (a claim of filled redemptions burns nothing: its shares were burned when the request was filled).
 */
ponder.on('FinancingPool:Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const p = await getPool(context, event.log.address);
  const stream = accrue(streamOf(p), event.block.timestamp, p.totalSupply);
  let supply = p.totalSupply;
  let holders = p.depositors;
  let movedCost = 0n;

  if (from !== zeroAddress) {
    const sender = await getPosition(context, p.address, from, event.block.number);
    const settled = sendShares(sender, value, stream.accRevenuePerShare);
    const shares = sender.shares - value;
    if (to !== zeroAddress && sender.shares > 0n) movedCost = (sender.costBasis * value) / sender.shares;
    const sent = await context.db
      .update(position, { chainId: context.chain.id, pool: p.address, account: from })
      .set({ ...settled, shares, costBasis: sender.costBasis - movedCost, updatedAtBlock: event.block.number });
    await recordHolding(context, event, sent);
    if (shares === 0n && value > 0n) holders -= 1;
  } else {
    supply += value;
  }

  if (to !== zeroAddress) {
    const receiver = await getPosition(context, p.address, to, event.block.number);
    // A transfer to oneself: the sender's row was just written.
    const current = to === from ? await getPosition(context, p.address, to, event.block.number) : receiver;
    // Read before writing: rows from the store are live views that an update changes.
    const before = { shares: current.shares, costBasis: current.costBasis };
    const settled = receiveShares(current, value, stream.accRevenuePerShare);
    const received = await context.db
      .update(position, { chainId: context.chain.id, pool: p.address, account: to })
      .set({
        ...settled,
        shares: before.shares + value,
        costBasis: before.costBasis + movedCost,
        updatedAtBlock: event.block.number,
      });
    await recordHolding(context, event, received);
    if (before.shares === 0n && value > 0n) holders += 1;
  } else {
    supply -= value;
  }

  const after = await context.db
    .update(pool, { chainId: context.chain.id, address: p.address })
    .set({ ...stream, totalSupply: supply, depositors: holders, updatedAtBlock: event.block.number });
  if (from === zeroAddress) await recordLedger(context, event, after, { kind: 'mint', account: to, shares: value });
  else if (to === zeroAddress)
    await recordLedger(context, event, after, { kind: 'burn', account: from, shares: value });
  else await recordLedger(context, event, after, { kind: 'transfer', account: from, counterparty: to, shares: value });
});

ponder.on('FinancingPool:Deposit', async ({ event, context }) => {
  const { sender, owner, assets, shares } = event.args;
  await context.db
    .insert(poolFlow)
    .values(flowRow(context.chain.id, event, { kind: 'deposit', sender, owner, receiver: owner, assets, shares }));
  await context.db
    .update(position, { chainId: context.chain.id, pool: event.log.address, account: owner })
    .set((row) => ({ depositedAssets: row.depositedAssets + assets, costBasis: row.costBasis + assets }));
  const p = await updatePool(context, event, (row) => ({ idle: row.idle + assets }));
  await recordLedger(context, event, p, { kind: 'deposit', account: owner, assets, shares });
  await recordPoolDay(context, p, event.block, { deposits: assets });
});

ponder.on('FinancingPool:Withdraw', async ({ event, context }) => {
  const { sender, receiver, owner, assets, shares } = event.args;
  // The Withdraw that follows a RedemptionClaimed pays out a filled request: its cash left idle, and its
  // P&L was realised, at the fill. Only an instant exit is a withdrawal.
  const claim = await context.db.find(redemptionPayout, { chainId: context.chain.id, pool: event.log.address });
  if (claim?.txHash === event.transaction.hash && claim.logIndex === event.log.logIndex - 1) return;
  await context.db
    .insert(poolFlow)
    .values(flowRow(context.chain.id, event, { kind: 'withdrawal', sender, owner, receiver, assets, shares }));
  await realiseExit(context, event.log.address, owner, shares, assets);
  const p = await updatePool(context, event, (row) => ({ idle: row.idle - assets }));
  await recordLedger(context, event, p, { kind: 'withdrawal', account: owner, assets, shares });
  await recordPoolDay(context, p, event.block, { withdrawals: assets });
});

type Flow = Pick<typeof poolFlow.$inferInsert, 'kind' | 'sender' | 'owner' | 'receiver' | 'assets' | 'shares'>;

function flowRow(chainId: number, event: PoolEvent, flow: Flow) {
  return {
    chainId,
    id: event.id,
    pool: event.log.address,
    ...flow,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}
