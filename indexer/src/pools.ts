/** Projects and their pools: creation, status, deposit limits, fees, pauses and allowlists. */
import { ponder } from 'ponder:registry';
import { allowlist, category, pool, poolChange, poolStatus, project } from 'ponder:schema';
import { enumValue } from './records';

ponder.on('PoolFactory:ProjectRegistered', async ({ event, context }) => {
  await context.db.insert(project).values({
    chainId: context.chain.id,
    id: event.args.projectId,
    operator: event.args.operator,
    category: enumValue(category.enumValues, event.args.category, 'category'),
    name: event.args.name,
    metadataUri: event.args.metadataURI,
    metadataHash: event.args.metadataHash,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
  });
});

/** A new pool: its figures start at zero (the schema's defaults) and follow its own events from here. */
ponder.on('PoolFactory:PoolCreated', async ({ event, context }) => {
  const { pool: address, projectId, asset: usdc, config, protocolFeeBps, revenueStreamDuration } = event.args;
  await context.db.insert(pool).values({
    chainId: context.chain.id,
    address,
    projectId,
    asset: usdc,
    name: config.name,
    symbol: config.symbol,
    category: enumValue(category.enumValues, event.args.category, 'category'),
    status: 'raising',
    depositCap: config.depositCap,
    minDeposit: config.minDeposit,
    protocolFeeBps,
    revenueStreamDuration,
    metadataUri: config.metadataURI,
    metadataHash: config.metadataHash,
    permissioned: config.permissioned,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
  });
});

ponder.on('FinancingPool:PoolStatusChanged', async ({ event, context }) => {
  const status = enumValue(poolStatus.enumValues, event.args.status, 'pool status');
  await context.db
    .update(pool, { chainId: context.chain.id, address: event.log.address })
    .set({ status, updatedAtBlock: event.block.number });
  await context.db.insert(poolChange).values({
    ...changeOf(event, context.chain.id, 'status'),
    previousStatus: enumValue(poolStatus.enumValues, event.args.previousStatus, 'pool status'),
    status,
  });
});

ponder.on('FinancingPool:DepositLimitsUpdated', async ({ event, context }) => {
  const key = { chainId: context.chain.id, address: event.log.address };
  const before = await context.db.find(pool, key);
  await context.db.update(pool, key).set({ depositCap: event.args.depositCap, minDeposit: event.args.minDeposit });
  await context.db.insert(poolChange).values({
    ...changeOf(event, context.chain.id, 'deposit_limits'),
    previousDepositCap: before?.depositCap ?? null,
    depositCap: event.args.depositCap,
    minDeposit: event.args.minDeposit,
  });
});

ponder.on('FinancingPool:ProtocolFeeUpdated', async ({ event, context }) => {
  await context.db
    .update(pool, { chainId: context.chain.id, address: event.log.address })
    .set({ protocolFeeBps: event.args.protocolFeeBps });
});

ponder.on('FinancingPool:Paused', async ({ event, context }) => {
  await context.db.update(pool, { chainId: context.chain.id, address: event.log.address }).set({ paused: true });
  await context.db.insert(poolChange).values(changeOf(event, context.chain.id, 'paused'));
});

ponder.on('FinancingPool:Unpaused', async ({ event, context }) => {
  await context.db.update(pool, { chainId: context.chain.id, address: event.log.address }).set({ paused: false });
  await context.db.insert(poolChange).values(changeOf(event, context.chain.id, 'unpaused'));
});

type PoolLogEvent = {
  id: string;
  log: { address: `0x${string}`; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}` };
};

/** Where a pool change comes from: the row's key and the log's place on chain. */
function changeOf(event: PoolLogEvent, chainId: number, kind: (typeof poolChange.$inferInsert)['kind']) {
  return {
    chainId,
    id: event.id,
    pool: event.log.address,
    kind,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}

ponder.on('FinancingPool:AllowlistUpdated', async ({ event, context }) => {
  const row = {
    allowed: event.args.allowed,
    updatedAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
    txHash: event.transaction.hash,
  };
  await context.db
    .insert(allowlist)
    .values({ chainId: context.chain.id, pool: event.log.address, account: event.args.account, ...row })
    .onConflictDoUpdate(row);
});
