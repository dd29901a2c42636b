/** The HardwareAssetRegistry: machine groups registered to pools, their status and utilization reports. */
import { ponder } from 'ponder:registry';
import { asset, assetKind, assetStatus, assetStatusChange, utilizationReport } from 'ponder:schema';
import type { Address } from 'viem';
import { dayOf, enumValue, recordAssetDay } from './records';

/** A new machine group: its capital and revenue start at zero (the schema's defaults). */
ponder.on('HardwareAssetRegistry:AssetRegistered', async ({ event, context }) => {
  const { assetId, pool: poolAddress, operator, kind, model, units, location, metadataURI } = event.args;
  await context.db.insert(asset).values({
    chainId: context.chain.id,
    id: assetId,
    pool: poolAddress.toLowerCase() as Address,
    operator,
    kind: assetKind.enumValues[kind] ?? 'other',
    model,
    units,
    location,
    metadataUri: metadataURI,
    status: 'pending',
    lastUtilizationBps: null,
    registeredAt: event.block.timestamp,
    registeredAtBlock: event.block.number,
  });
});

ponder.on('HardwareAssetRegistry:AssetStatusChanged', async ({ event, context }) => {
  const { assetId } = event.args;
  const previousStatus = enumValue(assetStatus.enumValues, event.args.previousStatus, 'asset status');
  const status = enumValue(assetStatus.enumValues, event.args.status, 'asset status');
  await context.db.insert(assetStatusChange).values({
    chainId: context.chain.id,
    id: event.id,
    assetId,
    previousStatus,
    status,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db.update(asset, { chainId: context.chain.id, id: assetId }).set({ status });
});

ponder.on('HardwareAssetRegistry:AssetMetadataUpdated', async ({ event, context }) => {
  await context.db
    .update(asset, { chainId: context.chain.id, id: event.args.assetId })
    .set({ metadataUri: event.args.metadataURI });
});

ponder.on('HardwareAssetRegistry:UtilizationReported', async ({ event, context }) => {
  const { assetId, periodStart, periodEnd, utilizationBps, reporter } = event.args;
  const machine = await context.db.find(asset, { chainId: context.chain.id, id: assetId });
  if (!machine) return;
  await context.db.insert(utilizationReport).values({
    chainId: context.chain.id,
    id: event.id,
    assetId,
    pool: machine.pool,
    periodStart,
    periodEnd,
    utilizationBps,
    reporter,
    day: dayOf(event.block.timestamp),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
  await context.db
    .update(asset, { chainId: context.chain.id, id: assetId })
    .set({ lastUtilizationBps: utilizationBps });
  await recordAssetDay(context, assetId, event.block, { utilizationBps });
});
