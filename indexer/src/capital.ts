/**
 * The principal ledger of each machine group and its pool: capital deployed and repaid, and losses marked
 * before they are final (provisions every exit prices in, write-downs of provisioned principal, recoveries
 * that come back as principal), within the per-asset limits on deployment.
 */
import { ponder } from 'ponder:registry';
import { asset } from 'ponder:schema';
import { recordLedger } from './ledger';
import { recordAssetDay, recordCapital, recordPoolDay, updatePool } from './records';

ponder.on('FinancingPool:CapitalDeployed', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'deployment', amount);
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set((row) => ({ deployed: row.deployed + amount }));
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle - amount,
    outstandingPrincipal: row.outstandingPrincipal + amount,
    deployedTotal: row.deployedTotal + amount,
  }));
  await recordPoolDay(context, p, event.block, {});
  await recordAssetDay(context, assetId, event.block, {});
});

ponder.on('FinancingPool:PrincipalRepaid', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'repayment', amount);
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set((row) => ({ repaid: row.repaid + amount }));
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle + amount,
    outstandingPrincipal: row.outstandingPrincipal - amount,
    repaidTotal: row.repaidTotal + amount,
  }));
  await recordPoolDay(context, p, event.block, {});
  await recordAssetDay(context, assetId, event.block, {});
});

ponder.on('FinancingPool:AssetLimitUpdated', async ({ event, context }) => {
  await context.db
    .update(asset, { chainId: context.chain.id, id: event.args.assetId })
    .set({ limit: event.args.limit });
});

/**
 * A provision raised by markImpairment, lowered by the admin, capped by a repayment, or consumed by the
 * write-down that follows it in the same transaction: totalAssets moves by the change.
 */
ponder.on('FinancingPool:ProvisionUpdated', async ({ event, context }) => {
  const { assetId, previousProvision, provision } = event.args;
  await recordCapital(context, event, assetId, 'provision', provision);
  await context.db.update(asset, { chainId: context.chain.id, id: assetId }).set({ provision });
  const p = await updatePool(context, event, (row) => ({
    totalProvisions: row.totalProvisions - previousProvision + provision,
  }));
  await recordLedger(context, event, p, { kind: 'provision', assets: provision });
  await recordPoolDay(context, p, event.block, {});
  await recordAssetDay(context, assetId, event.block, {});
});

/** Price-neutral within the provision (already consumed by the ProvisionUpdated just before), a loss beyond it. */
ponder.on('FinancingPool:PrincipalWrittenDown', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'write_down', amount);
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set((row) => ({ writtenDown: row.writtenDown + amount }));
  const p = await updatePool(context, event, (row) => ({
    outstandingPrincipal: row.outstandingPrincipal - amount,
    writtenDownTotal: row.writtenDownTotal + amount,
  }));
  await recordLedger(context, event, p, { kind: 'write_down', assets: amount });
  await recordPoolDay(context, p, event.block, { writtenDown: amount });
  await recordAssetDay(context, assetId, event.block, {});
});

/** Money back on written-down principal: joins idle as principal, without the protocol fee. */
ponder.on('FinancingPool:PrincipalRecovered', async ({ event, context }) => {
  const { assetId, amount } = event.args;
  await recordCapital(context, event, assetId, 'recovery', amount);
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set((row) => ({ recovered: row.recovered + amount }));
  const p = await updatePool(context, event, (row) => ({
    idle: row.idle + amount,
    recoveredTotal: row.recoveredTotal + amount,
  }));
  await recordLedger(context, event, p, { kind: 'recovery', assets: amount });
  await recordPoolDay(context, p, event.block, { recovered: amount });
  await recordAssetDay(context, assetId, event.block, {});
});
