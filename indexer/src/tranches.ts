/**
 * Tranched pools (contracts/src/tranche/TranchedPool.sol): the principal both tranches share, its waterfall of
 * revenue (fee, senior interest, junior the rest) and of losses (junior first, restored senior first), and the
 * capital and revenue of the pool's machines, booked on their asset rows as a FinancingPool's are.
 *
 * Every figure is event arithmetic, as the contract's own: senior's value moves by senior deposits and exits, by
 * LossAllocated.toSenior and LossRestored.toSenior; junior's value is the rest of the pool's.
 */
import { ponder, type Context } from 'ponder:registry';
import { asset, category, poolStatus, tranche, tranchedPool, trancheLoss, waterfallSplit } from 'ponder:schema';
import type { Address } from 'viem';
import { trancheVaultAbi, tranchedPoolAbi } from '../../lib/contracts/abis';
import { enumValue, recordAssetDay, recordCapital, type ChainEvent } from './records';
import { updateTranchedPool, type TranchedPoolRow } from './tranche-records';

const BPS = 10_000n;

/**
 * The vaults are bound: the pool's row is made from the contract's state at this block (its terms may have
 * changed since deployment, before any event of ours), and a row for each vault from its immutables.
 */
ponder.on('TranchedPool:TranchesAttached', async ({ event, context }) => {
  const address = event.log.address;
  const senior = event.args.senior.toLowerCase() as Address;
  const junior = event.args.junior.toLowerCase() as Address;
  const onPool = { abi: tranchedPoolAbi, address } as const;
  await context.db.insert(tranchedPool).values({
    chainId: context.chain.id,
    address,
    projectId: await context.client.readContract({ ...onPool, functionName: 'projectId' }),
    name: await context.client.readContract({ ...onPool, functionName: 'name' }),
    category: enumValue(
      category.enumValues,
      await context.client.readContract({ ...onPool, functionName: 'category' }),
      'category',
    ),
    status: enumValue(
      poolStatus.enumValues,
      await context.client.readContract({ ...onPool, functionName: 'status' }),
      'pool status',
    ),
    paused: await context.client.readContract({ ...onPool, functionName: 'paused' }),
    depositCap: await context.client.readContract({ ...onPool, functionName: 'depositCap' }),
    protocolFeeBps: await context.client.readContract({ ...onPool, functionName: 'protocolFeeBps' }),
    seniorRateBps: await context.client.readContract({ ...onPool, functionName: 'seniorRateBps' }),
    minSubordinationBps: await context.client.readContract({ ...onPool, functionName: 'minSubordinationBps' }),
    senior,
    junior,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedAtBlock: event.block.number,
  });
  for (const [vault, side] of [
    [senior, 'senior'],
    [junior, 'junior'],
  ] as const) {
    const onVault = { abi: trancheVaultAbi, address: vault } as const;
    await context.db.insert(tranche).values({
      chainId: context.chain.id,
      address: vault,
      pool: address,
      side,
      name: await context.client.readContract({ ...onVault, functionName: 'name' }),
      symbol: await context.client.readContract({ ...onVault, functionName: 'symbol' }),
      revenueStreamDuration: await context.client.readContract({ ...onVault, functionName: 'revenueStreamDuration' }),
      updatedAtBlock: event.block.number,
    });
  }
});

// ─── Terms ────────────────────────────────────────────────────────────────────────────────────────────────

ponder.on('TranchedPool:PoolStatusChanged', async ({ event, context }) => {
  const status = enumValue(poolStatus.enumValues, event.args.status, 'pool status');
  await updateTranchedPool(context, event, () => ({ status }));
});

ponder.on('TranchedPool:DepositCapUpdated', async ({ event, context }) => {
  await updateTranchedPool(context, event, () => ({ depositCap: event.args.depositCap }));
});

ponder.on('TranchedPool:ProtocolFeeUpdated', async ({ event, context }) => {
  await updateTranchedPool(context, event, () => ({ protocolFeeBps: event.args.protocolFeeBps }));
});

ponder.on('TranchedPool:TrancheTermsUpdated', async ({ event, context }) => {
  const { seniorRateBps, minSubordinationBps } = event.args;
  await updateTranchedPool(context, event, () => ({ seniorRateBps, minSubordinationBps }));
});

ponder.on('TranchedPool:Paused', async ({ event, context }) => {
  await updateTranchedPool(context, event, () => ({ paused: true }));
});

ponder.on('TranchedPool:Unpaused', async ({ event, context }) => {
  await updateTranchedPool(context, event, () => ({ paused: false }));
});

// ─── Principal ────────────────────────────────────────────────────────────────────────────────────────────

/** A vault's deposit reached the pool: senior's own value grows by it; junior's is the pool's rest. */
ponder.on('TranchedPool:TrancheDeposit', async ({ event, context }) => {
  const { isSenior, assets } = event.args;
  await updateTranchedPool(context, event, (row) => ({
    idle: row.idle + assets,
    seniorValue: isSenior ? row.seniorValue + assets : row.seniorValue,
  }));
});

/**
 * An exit paid from idle cash. Senior's unrecovered loss leaves in proportion to the shares burned: that part is
 * booked at the vault's burn just before (tranche-vaults.ts), which is where the shares and supply are known.
 */
ponder.on('TranchedPool:TrancheWithdrawal', async ({ event, context }) => {
  const { isSenior, assets } = event.args;
  await updateTranchedPool(context, event, (row) => ({
    idle: row.idle - assets,
    seniorValue: isSenior ? row.seniorValue - assets : row.seniorValue,
  }));
});

/** Junior takes a fall of the pool's value first, senior the rest (which it remembers as its loss). */
ponder.on('TranchedPool:LossAllocated', async ({ event, context }) => {
  const { toJunior, toSenior } = event.args;
  const p = await updateTranchedPool(context, event, (row) => ({
    seniorValue: row.seniorValue - toSenior,
    seniorLoss: row.seniorLoss + toSenior,
  }));
  if (!p) return;
  await recordLoss(context, event, p, 'allocated', toSenior, toJunior);
});

/** Value that comes back restores senior's loss first, then junior. */
ponder.on('TranchedPool:LossRestored', async ({ event, context }) => {
  const { toSenior, toJunior } = event.args;
  const p = await updateTranchedPool(context, event, (row) => ({
    seniorValue: row.seniorValue + toSenior,
    seniorLoss: row.seniorLoss - toSenior,
  }));
  if (!p) return;
  await recordLoss(context, event, p, 'restored', toSenior, toJunior);
});

async function recordLoss(
  context: Context,
  event: ChainEvent,
  p: TranchedPoolRow,
  kind: 'allocated' | 'restored',
  toSenior: bigint,
  toJunior: bigint,
) {
  await context.db.insert(trancheLoss).values({
    chainId: context.chain.id,
    id: event.id,
    pool: p.address,
    kind,
    toSenior,
    toJunior,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  for (const [vault, amount] of [
    [p.senior, toSenior],
    [p.junior, toJunior],
  ] as const) {
    await context.db
      .update(tranche, { chainId: context.chain.id, address: vault })
      .set((row) =>
        kind === 'allocated'
          ? { lossAllocated: row.lossAllocated + amount }
          : { lossRestored: row.lossRestored + amount },
      );
  }
}

// ─── Capital, per machine (as capital.ts does for a FinancingPool) ─────────────────────────────────────────

type AssetRow = typeof asset.$inferSelect;

/** The machine's side of a capital event: the ledger row, its totals, its day. */
async function bookAsset(
  context: Context,
  event: ChainEvent,
  assetId: bigint,
  kind: Parameters<typeof recordCapital>[3],
  amount: bigint,
  change: (row: AssetRow) => Partial<AssetRow>,
) {
  await recordCapital(context, event, assetId, kind, amount);
  const key = { chainId: context.chain.id, id: assetId };
  if (await context.db.find(asset, key)) await context.db.update(asset, key).set(change);
  await recordAssetDay(context, assetId, event.block, {});
}

ponder.on('TranchedPool:CapitalDeployed', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await bookAsset(context, event, assetId, 'deployment', amount, (row) => ({ deployed: row.deployed + amount }));
  await updateTranchedPool(context, event, (row) => ({
    idle: row.idle - amount,
    outstandingPrincipal: row.outstandingPrincipal + amount,
    deployedTotal: row.deployedTotal + amount,
  }));
});

ponder.on('TranchedPool:PrincipalRepaid', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await bookAsset(context, event, assetId, 'repayment', amount, (row) => ({ repaid: row.repaid + amount }));
  await updateTranchedPool(context, event, (row) => ({
    idle: row.idle + amount,
    outstandingPrincipal: row.outstandingPrincipal - amount,
    repaidTotal: row.repaidTotal + amount,
  }));
});

ponder.on('TranchedPool:AssetLimitUpdated', async ({ event, context }) => {
  const key = { chainId: context.chain.id, id: event.args.assetId };
  if (await context.db.find(asset, key)) await context.db.update(asset, key).set({ limit: event.args.limit });
});

/** The LossAllocated or LossRestored logged just before says whose value the change moved. */
ponder.on('TranchedPool:ProvisionUpdated', async ({ event, context }) => {
  const { assetId, previousProvision, provision } = event.args;
  await bookAsset(context, event, assetId, 'provision', provision, () => ({ provision }));
  await updateTranchedPool(context, event, (row) => ({
    totalProvisions: row.totalProvisions - previousProvision + provision,
  }));
});

ponder.on('TranchedPool:PrincipalWrittenDown', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await bookAsset(context, event, assetId, 'write_down', amount, (row) => ({ writtenDown: row.writtenDown + amount }));
  await updateTranchedPool(context, event, (row) => ({
    outstandingPrincipal: row.outstandingPrincipal - amount,
    writtenDownTotal: row.writtenDownTotal + amount,
  }));
});

ponder.on('TranchedPool:PrincipalRecovered', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await bookAsset(context, event, assetId, 'recovery', amount, (row) => ({ recovered: row.recovered + amount }));
  await updateTranchedPool(context, event, (row) => ({
    idle: row.idle + amount,
    recoveredTotal: row.recoveredTotal + amount,
  }));
});

// ─── Revenue ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * One machine's revenue of a distribution, gross. The pool takes its fee once on the distribution's sum
 * (RevenueSplit, next): the machine's net is its amount less the fee at the pool's rate on it alone, which may
 * differ from its share of the batch's fee by a base unit of rounding.
 */
ponder.on('TranchedPool:RevenueDistributed', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  const p = await context.db.find(tranchedPool, { chainId: context.chain.id, address: event.log.address });
  const net = amount - (amount * BigInt(p?.protocolFeeBps ?? 0)) / BPS;
  const key = { chainId: context.chain.id, id: assetId };
  if (await context.db.find(asset, key)) {
    await context.db
      .update(asset, key)
      .set((row) => ({ revenueGross: row.revenueGross + amount, revenueNet: row.revenueNet + net }));
  }
  await recordAssetDay(context, assetId, event.block, { revenueNet: net });
});

/** The distribution's waterfall; each vault's RevenueReceived, logged before it, streams its part. */
ponder.on('TranchedPool:RevenueSplit', async ({ event, context }) => {
  const { revenue, fee, senior, junior, carried } = event.args;
  const p = await updateTranchedPool(context, event, (row) => ({
    carriedInterest: carried,
    revenueGross: row.revenueGross + revenue,
    feesPaid: row.feesPaid + fee,
    revenueSenior: row.revenueSenior + senior,
    revenueJunior: row.revenueJunior + junior,
  }));
  if (!p) return;
  await context.db.insert(waterfallSplit).values({
    chainId: context.chain.id,
    id: event.id,
    pool: p.address,
    revenue,
    fee,
    senior,
    junior,
    carried,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
});
