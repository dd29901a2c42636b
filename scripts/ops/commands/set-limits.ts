import crypto from 'node:crypto';
import path from 'node:path';
import {
  bytesToHex,
  encodeFunctionData,
  maxUint48,
  maxUint64,
  maxUint128,
  zeroHash,
  type Address,
  type Hex,
} from 'viem';
import { z } from 'zod';
import { financingPoolAbi, protocolTimelockAbi } from '../../../lib/contracts/abis';
import { chainTime, hasRole, requireAssetOfPool, requirePool, requirePoolNotPaused, requireRole } from '../chain-reads';
import type { Ops } from '../connection';
import { defineCommand, withOutputs } from '../command';
import { addressFlag, bytes32Flag, idFlag, usdcFlag, usdcOrZeroFlag } from '../flags';
import { OpsError } from '../ops-error';
import { formatPeriodTime } from '../period-time';
import { call, revertReason, runPlan, type PlannedCall } from '../plan';
import {
  operationId,
  OPERATION_STATE,
  timelockOf,
  writeOperationFile,
  type TimelockOperation,
} from '../timelock-operation';
import { formatUsdcExact } from '../usdc-amount';

async function depositLimitCall(ops: Ops, pool: Address, cap?: bigint, min?: bigint): Promise<PlannedCall> {
  await requireRole(ops, { address: pool, label: 'pool' }, 'POOL_MANAGER_ROLE');
  await requirePoolNotPaused(ops, pool);
  const onPool = { address: pool, abi: financingPoolAbi } as const;
  // setDepositLimits sets both: the one not given stays as it is.
  const newCap = cap ?? (await ops.client.readContract({ ...onPool, functionName: 'depositCap' }));
  const newMin = min ?? (await ops.client.readContract({ ...onPool, functionName: 'minDeposit' }));
  if (newMin > newCap)
    throw new OpsError(
      `the minimum deposit ${formatUsdcExact(newMin)} would be above the cap ${formatUsdcExact(newCap)}`,
    );
  if (newCap > maxUint64) throw new OpsError('--deposit-cap is above what a pool can hold (2^64 − 1 base units)');
  if (newMin > maxUint48) throw new OpsError('--min-deposit is above what a pool can hold (2^48 − 1 base units)');
  return call({
    to: pool,
    abi: financingPoolAbi,
    functionName: 'setDepositLimits',
    args: [newCap, newMin],
    summary: `deposit cap ${formatUsdcExact(newCap)}, minimum deposit ${formatUsdcExact(newMin)}`,
  });
}

/**
 * setAssetLimit is the pool admin's, and the admin is the timelock: the call is scheduled now and executed by
 * `timelock-execute` once the delay is over. It is simulated from the timelock first, so that what waits out the
 * delay would succeed.
 */
async function assetLimitSchedule(
  ops: Ops,
  pool: Address,
  assetId: bigint,
  limit: bigint,
  opts: { salt?: Hex; delay?: bigint },
): Promise<{ call: PlannedCall; op: TimelockOperation; delay: bigint }> {
  const timelock = timelockOf(ops);
  await requireRole(ops, timelock, 'PROPOSER_ROLE');
  if (!(await hasRole(ops, pool, 'DEFAULT_ADMIN_ROLE', timelock.address))) {
    throw new OpsError(`pool ${pool}'s admin is not the manifest's timelock ${timelock.address}`);
  }
  if (limit > maxUint128) throw new OpsError('--asset-limit is above 2^128 − 1 base units');
  await requireAssetOfPool(ops, assetId, pool);
  const outstanding = await ops.client.readContract({
    address: pool,
    abi: financingPoolAbi,
    functionName: 'outstandingOf',
    args: [assetId],
  });
  if (limit < outstanding) {
    ops.io.log(
      `note: the limit is below the ${formatUsdcExact(outstanding)} outstanding: no more capital can go to asset ${assetId}`,
    );
  }
  const data = encodeFunctionData({ abi: financingPoolAbi, functionName: 'setAssetLimit', args: [assetId, limit] });
  try {
    await ops.client.call({ account: timelock.address, to: pool, data });
  } catch (error) {
    throw new OpsError(`setAssetLimit would fail even from the timelock: ${revertReason(error)}`);
  }
  const onTimelock = { address: timelock.address, abi: protocolTimelockAbi } as const;
  const minDelay = await ops.client.readContract({ ...onTimelock, functionName: 'getMinDelay' });
  if (opts.delay !== undefined && opts.delay < minDelay)
    throw new OpsError(`--delay ${opts.delay} is below the timelock's minimum ${minDelay} s`);
  const delay = opts.delay ?? minDelay;
  const salt = opts.salt ?? bytesToHex(crypto.randomBytes(32));
  const base = { calls: [{ target: pool, value: 0n, data }], predecessor: zeroHash, salt, batch: false };
  const op = { ...base, id: await operationId(ops, base) };
  const state = await ops.client.readContract({ ...onTimelock, functionName: 'getOperationState', args: [op.id] });
  if (state !== 0) throw new OpsError(`operation ${op.id} is ${OPERATION_STATE[state]}: give another --salt`);
  return {
    op,
    delay,
    call: call({
      to: timelock.address,
      abi: protocolTimelockAbi,
      functionName: 'schedule',
      args: [pool, 0n, data, zeroHash, salt, delay],
      summary: `schedule on the timelock: pool.setAssetLimit(asset ${assetId}, ${formatUsdcExact(limit)}), executable ${delay} s after it is mined`,
    }),
  };
}

export const setLimits = defineCommand({
  name: 'set-limits',
  summary: "a pool's deposit cap and minimum (manager), or an asset's limit (scheduled on the timelock)",
  usage:
    '--pool <address> [--deposit-cap <usdc>] [--min-deposit <usdc>] [--asset <id> --asset-limit <usdc> [--salt <0x…32 bytes>] [--delay <s>] [--operation-out <file.json>]]',
  help: [
    '  --deposit-cap, --min-deposit  pool.setDepositLimits; a value not given stays as it is. Sender: POOL_MANAGER_ROLE.',
    '  --asset, --asset-limit        most principal that may be outstanding in the asset. pool.setAssetLimit is the',
    "                                admin's (the timelock): this schedules it. Sender: PROPOSER_ROLE on the timelock.",
    '                                Prints the operation id and when it is ready; then run',
    '                                `timelock-execute --id <operation id>` (or --from-file <file.json>).',
    '  --salt                        the operation salt (default: random)',
    "  --delay                       seconds before it may execute (default: the timelock's minimum)",
    '  --operation-out               write the operation (id, calls, salt) to this file for timelock-execute',
  ],
  options: {
    pool: { type: 'string' },
    'deposit-cap': { type: 'string' },
    'min-deposit': { type: 'string' },
    asset: { type: 'string' },
    'asset-limit': { type: 'string' },
    salt: { type: 'string' },
    delay: { type: 'string' },
    'operation-out': { type: 'string' },
  },
  flags: z
    .object({
      pool: addressFlag,
      'deposit-cap': usdcFlag.optional(),
      'min-deposit': usdcFlag.optional(),
      asset: idFlag.optional(),
      // Zero is a limit too (no more capital to the asset).
      'asset-limit': usdcOrZeroFlag.optional(),
      salt: bytes32Flag.optional(),
      delay: z.string().regex(/^\d+$/, 'is not a number of seconds').transform(BigInt).optional(),
      'operation-out': z.string().min(1).optional(),
    })
    .refine((v) => (v.asset === undefined) === (v['asset-limit'] === undefined), {
      message: 'and --asset-limit go together',
      path: ['asset'],
    })
    .refine((v) => v.asset !== undefined || v['deposit-cap'] !== undefined || v['min-deposit'] !== undefined, {
      message: 'nothing to set: give --deposit-cap/--min-deposit, or --asset with --asset-limit',
      path: ['pool'],
    }),
  async run(input, ops) {
    const pool = await requirePool(ops, input.pool);
    const calls: PlannedCall[] = [];
    if (input['deposit-cap'] !== undefined || input['min-deposit'] !== undefined) {
      calls.push(await depositLimitCall(ops, pool.address, input['deposit-cap'], input['min-deposit']));
    }
    let scheduled: Awaited<ReturnType<typeof assetLimitSchedule>> | undefined;
    if (input.asset !== undefined && input['asset-limit'] !== undefined) {
      scheduled = await assetLimitSchedule(ops, pool.address, input.asset, input['asset-limit'], {
        salt: input.salt,
        delay: input.delay,
      });
      calls.push(scheduled.call);
    }
    const result = await runPlan(ops, { title: `Set limits of pool ${pool.address}`, calls });
    const outputs: Record<string, string> = {};
    if (scheduled) {
      const { op, delay } = scheduled;
      const onTimelock = { address: timelockOf(ops).address, abi: protocolTimelockAbi } as const;
      const readyAt =
        result.mode === 'sent'
          ? await ops.client.readContract({ ...onTimelock, functionName: 'getTimestamp', args: [op.id] })
          : (await chainTime(ops)) + delay;
      ops.io.log(`timelock operation ${op.id}`);
      ops.io.log(`  ${result.mode === 'sent' ? 'ready at' : 'would be ready at about'} ${formatPeriodTime(readyAt)}`);
      ops.io.log(`  then: npm run ops -- timelock-execute --id ${op.id}`);
      if (input['operation-out']) {
        const file = path.resolve(ops.io.cwd, input['operation-out']);
        writeOperationFile(file, ops, op, result.mode === 'sent' ? readyAt : null);
        ops.io.log(`  operation written to ${file}`);
      }
      outputs.operationId = op.id;
      outputs.readyAt = readyAt.toString();
    }
    return withOutputs(result, outputs);
  },
});
