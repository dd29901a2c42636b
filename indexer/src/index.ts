import { ponder, type Context } from 'ponder:registry';
import { pool, poolFlow, position, project } from 'ponder:schema';
import { zeroAddress, type Address } from 'viem';
import { financingPoolAbi } from '../../lib/contracts/abis';

const CATEGORIES = ['compute', 'robotics'] as const;

const STATUSES = ['raising', 'active', 'closed'] as const;

ponder.on('PoolFactory:ProjectRegistered', async ({ event, context }) => {
  await context.db.insert(project).values({
    id: event.args.projectId,
    operator: event.args.operator,
    category: CATEGORIES[event.args.category] ?? 'unknown',
    name: event.args.name,
    metadataUri: event.args.metadataURI,
    metadataHash: event.args.metadataHash,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
  });
});

ponder.on('PoolFactory:PoolCreated', async ({ event, context }) => {
  const { pool: address, projectId, asset, category, config, protocolFeeBps, revenueStreamDuration } = event.args;
  await context.db.insert(pool).values({
    address,
    projectId,
    asset,
    name: config.name,
    symbol: config.symbol,
    category: CATEGORIES[category] ?? 'unknown',
    status: 'raising',
    depositCap: config.depositCap,
    minDeposit: config.minDeposit,
    protocolFeeBps,
    revenueStreamDuration,
    metadataUri: config.metadataURI,
    metadataHash: config.metadataHash,
    totalAssets: 0n,
    totalSupply: 0n,
    depositors: 0,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
  });
});

ponder.on('FinancingPool:PoolStatusChanged', async ({ event, context }) => {
  await context.db
    .update(pool, { address: event.log.address })
    .set({ status: STATUSES[event.args.status] ?? 'unknown', updatedAtBlock: event.block.number });
});

// Principal moves that change what a share is worth.
ponder.on('FinancingPool:PrincipalWrittenDown', async ({ event, context }) => {
  await refreshPoolTotals(context, event.log.address, event.block.number);
});

ponder.on('FinancingPool:RedeemRequestFilled', async ({ event, context }) => {
  await refreshPoolTotals(context, event.log.address, event.block.number);
});

/** Share balances move on every mint, burn and transfer; depositors counts holders with a non-zero balance. */
ponder.on('FinancingPool:Transfer', async ({ event, context }) => {
  const { from, to, value } = event.args;
  const poolAddress = event.log.address;
  let holderDelta = 0;

  if (from !== zeroAddress) {
    const before = await context.db.find(position, { pool: poolAddress, account: from });
    const shares = (before?.shares ?? 0n) - value;
    await context.db
      .update(position, { pool: poolAddress, account: from })
      .set({ shares, updatedAtBlock: event.block.number });
    if (shares === 0n && value > 0n) holderDelta -= 1;
  }
  if (to !== zeroAddress) {
    const before = await context.db.find(position, { pool: poolAddress, account: to });
    const wasHolder = (before?.shares ?? 0n) > 0n;
    await context.db
      .insert(position)
      .values({
        pool: poolAddress,
        account: to,
        shares: value,
        depositedAssets: 0n,
        withdrawnAssets: 0n,
        updatedAtBlock: event.block.number,
      })
      .onConflictDoUpdate((row) => ({ shares: row.shares + value, updatedAtBlock: event.block.number }));
    if (!wasHolder && value > 0n) holderDelta += 1;
  }
  if (holderDelta !== 0) {
    await context.db
      .update(pool, { address: poolAddress })
      .set((row) => ({ depositors: row.depositors + holderDelta }));
  }
});

ponder.on('FinancingPool:Deposit', async ({ event, context }) => {
  const { sender, owner, assets, shares } = event.args;
  await recordFlow(context, event, { kind: 'deposit', sender, owner, receiver: owner, assets, shares });
  await context.db
    .update(position, { pool: event.log.address, account: owner })
    .set((row) => ({ depositedAssets: row.depositedAssets + assets }));
  await refreshPoolTotals(context, event.log.address, event.block.number);
});

ponder.on('FinancingPool:Withdraw', async ({ event, context }) => {
  const { sender, receiver, owner, assets, shares } = event.args;
  await recordFlow(context, event, { kind: 'withdrawal', sender, owner, receiver, assets, shares });
  await context.db
    .insert(position)
    .values({
      pool: event.log.address,
      account: owner,
      shares: 0n,
      depositedAssets: 0n,
      withdrawnAssets: assets,
      updatedAtBlock: event.block.number,
    })
    .onConflictDoUpdate((row) => ({ withdrawnAssets: row.withdrawnAssets + assets }));
  await refreshPoolTotals(context, event.log.address, event.block.number);
});

type FlowEvent = {
  log: { address: Address; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}` };
};

async function recordFlow(
  context: Context,
  event: FlowEvent,
  flow: {
    kind: 'deposit' | 'withdrawal';
    sender: Address;
    owner: Address;
    receiver: Address;
    assets: bigint;
    shares: bigint;
  },
) {
  await context.db.insert(poolFlow).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
    pool: event.log.address,
    ...flow,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

/** TVL and supply as the pool itself reports them at this block, so donations and rounding are included. */
async function refreshPoolTotals(context: Context, address: Address, blockNumber: bigint) {
  const [totalAssets, totalSupply] = await Promise.all([
    context.client.readContract({ abi: financingPoolAbi, address, functionName: 'totalAssets', blockNumber }),
    context.client.readContract({ abi: financingPoolAbi, address, functionName: 'totalSupply', blockNumber }),
  ]);
  await context.db.update(pool, { address }).set({ totalAssets, totalSupply, updatedAtBlock: blockNumber });
}
