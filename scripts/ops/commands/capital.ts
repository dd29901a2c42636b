/**
 * The manager's principal actions on one asset of one pool: deploy capital to it, record a repayment, mark an
 * impairment. Each checks on chain what the contract would refuse, and more (an amount over what is outstanding),
 * before planning.
 */
import { z } from 'zod';
import { financingPoolAbi } from '../../../lib/contracts/abis';
import {
  ASSET_STATUS,
  planUsdcPayment,
  requireAssetOfPool,
  requirePool,
  requirePoolNotPaused,
  requireRole,
} from '../chain-reads';
import type { Ops } from '../connection';
import { defineCommand, withOutputs } from '../command';
import { addressFlag, idFlag, usdcFlag } from '../flags';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';
import { formatUsdcExact } from '../usdc-amount';

const assetOptions = { pool: { type: 'string' }, asset: { type: 'string' } } as const;

/** The pool, the manager's role on it, the pause, and the asset (registered, financed by this pool). */
async function managerOnAsset(ops: Ops, poolAddress: `0x${string}`, assetId: bigint) {
  const pool = await requirePool(ops, poolAddress);
  await requireRole(ops, pool, 'POOL_MANAGER_ROLE');
  await requirePoolNotPaused(ops, pool.address);
  const asset = await requireAssetOfPool(ops, assetId, pool.address);
  const onPool = { address: pool.address, abi: financingPoolAbi } as const;
  const outstanding = await ops.client.readContract({ ...onPool, functionName: 'outstandingOf', args: [assetId] });
  return { pool, asset, onPool, outstanding };
}

export const deployCapital = defineCommand({
  name: 'deploy-capital',
  summary: "send idle USDC to the project's operator for an asset (pool manager)",
  usage: '--pool <address> --asset <id> --amount <usdc>',
  help: [
    '  --amount  USDC; at most the deployable capital (idle cash less what waiting exits are owed) and what the',
    "            asset's limit leaves. Sender: POOL_MANAGER_ROLE on the pool.",
  ],
  options: { ...assetOptions, amount: { type: 'string' } },
  flags: z.object({ pool: addressFlag, asset: idFlag, amount: usdcFlag }),
  async run(input, ops) {
    const { pool, asset, onPool, outstanding } = await managerOnAsset(ops, input.pool, input.asset);
    const status = await ops.client.readContract({ ...onPool, functionName: 'status' });
    if (status === 2) throw new OpsError(`pool ${pool.address} is Closed: no more capital is deployed`);
    const projectOperator = await ops.client.readContract({ ...onPool, functionName: 'projectOperator' });
    if (asset.operator !== projectOperator) {
      throw new OpsError(
        `asset ${input.asset} is run by ${asset.operator}, not the pool's project operator ${projectOperator}`,
      );
    }
    if (asset.status === 3 || asset.status === 4) {
      throw new OpsError(`asset ${input.asset} is ${ASSET_STATUS[asset.status]}: no capital goes to it`);
    }
    const deployable = await ops.client.readContract({ ...onPool, functionName: 'deployableCapital' });
    if (input.amount > deployable) {
      throw new OpsError(
        `--amount ${formatUsdcExact(input.amount)} is over the pool's deployable capital of ${formatUsdcExact(deployable)}`,
      );
    }
    const [, , , , , limit] = await ops.client.readContract({
      ...onPool,
      functionName: 'assetCapital',
      args: [input.asset],
    });
    if (outstanding + input.amount > limit) {
      throw new OpsError(
        `--amount ${formatUsdcExact(input.amount)} would put asset ${input.asset} at ${formatUsdcExact(outstanding + input.amount)} outstanding, over its limit of ${formatUsdcExact(limit)}`,
      );
    }
    const result = await runPlan(ops, {
      title: `Deploy ${formatUsdcExact(input.amount)} to asset ${input.asset} (${asset.units}× ${asset.model}) from pool ${pool.address}`,
      calls: [
        call({
          to: pool.address,
          abi: financingPoolAbi,
          functionName: 'deployCapital',
          args: [input.asset, input.amount],
          summary: `send ${formatUsdcExact(input.amount)} to operator ${asset.operator} for asset ${input.asset}`,
        }),
      ],
    });
    return withOutputs(result);
  },
});

export const recordRepayment = defineCommand({
  name: 'record-repayment',
  summary: "pay back principal of an asset into its pool, from the sender's USDC (pool manager)",
  usage: '--pool <address> --asset <id> --amount <usdc>',
  help: [
    "  --amount  USDC, at most what is outstanding in the asset; the pool pulls it from the sender's balance",
    '            (an approval of exactly the amount is sent first if needed). Sender: POOL_MANAGER_ROLE on the pool.',
  ],
  options: { ...assetOptions, amount: { type: 'string' } },
  flags: z.object({ pool: addressFlag, asset: idFlag, amount: usdcFlag }),
  async run(input, ops) {
    const { pool, outstanding } = await managerOnAsset(ops, input.pool, input.asset);
    if (input.amount > outstanding) {
      throw new OpsError(
        `--amount ${formatUsdcExact(input.amount)} is over the ${formatUsdcExact(outstanding)} outstanding in asset ${input.asset}`,
      );
    }
    const payment = await planUsdcPayment(ops, pool.address, input.amount, `the repayment of asset ${input.asset}`);
    const result = await runPlan(ops, {
      title: `Record a repayment of ${formatUsdcExact(input.amount)} on asset ${input.asset} in pool ${pool.address}`,
      calls: [
        ...payment,
        call({
          to: pool.address,
          abi: financingPoolAbi,
          functionName: 'recordRepayment',
          args: [input.asset, input.amount],
          summary: `repay ${formatUsdcExact(input.amount)} of asset ${input.asset}'s ${formatUsdcExact(outstanding)} outstanding`,
        }),
      ],
    });
    return withOutputs(result);
  },
});

export const markImpairment = defineCommand({
  name: 'mark-impairment',
  summary: "raise an impaired asset's provision for expected loss (pool manager)",
  usage: '--pool <address> --asset <id> --provision <usdc>',
  help: [
    "  --provision  the asset's whole provision after the call (not an increment), above the current one and at",
    '               most what is outstanding. The asset must be Impaired in the registry first',
    "               (`set-asset-status --status impaired`). Lowering a provision is the admin's (the timelock).",
    'Sender: POOL_MANAGER_ROLE on the pool.',
  ],
  options: { ...assetOptions, provision: { type: 'string' } },
  flags: z.object({ pool: addressFlag, asset: idFlag, provision: usdcFlag }),
  async run(input, ops) {
    const { pool, asset, onPool, outstanding } = await managerOnAsset(ops, input.pool, input.asset);
    if (asset.status !== 4) {
      throw new OpsError(
        `asset ${input.asset} is ${ASSET_STATUS[asset.status]}, not impaired: set-asset-status --status impaired first`,
      );
    }
    const [, , , , current] = await ops.client.readContract({
      ...onPool,
      functionName: 'assetCapital',
      args: [input.asset],
    });
    if (input.provision <= current) {
      throw new OpsError(
        `--provision ${formatUsdcExact(input.provision)} does not raise the current ${formatUsdcExact(current)}: lowering is the admin's, through the timelock`,
      );
    }
    if (input.provision > outstanding) {
      throw new OpsError(
        `--provision ${formatUsdcExact(input.provision)} is over the ${formatUsdcExact(outstanding)} outstanding in asset ${input.asset}`,
      );
    }
    const result = await runPlan(ops, {
      title: `Mark asset ${input.asset} impaired in pool ${pool.address}: provision ${formatUsdcExact(input.provision)}`,
      calls: [
        call({
          to: pool.address,
          abi: financingPoolAbi,
          functionName: 'markImpairment',
          args: [input.asset, input.provision],
          summary: `provision ${formatUsdcExact(input.provision)} of ${formatUsdcExact(outstanding)} outstanding (was ${formatUsdcExact(current)}); the share price falls by the difference at once`,
        }),
      ],
    });
    return withOutputs(result);
  },
});
