import path from 'node:path';
import { zeroAddress, zeroHash } from 'viem';
import { z } from 'zod';
import { protocolTimelockAbi } from '../../../lib/contracts/abis';
import { chainTime, hasRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { bytes32Flag } from '../flags';
import { OpsError } from '../ops-error';
import { formatPeriodTime } from '../period-time';
import { call, runPlan } from '../plan';
import { OPERATION_STATE, readOperationFile, readScheduledOperation, timelockOf } from '../timelock-operation';

export const timelockExecute = defineCommand({
  name: 'timelock-execute',
  summary: 'execute a timelock operation whose delay is over (executor)',
  usage: '--id <operation id> | --from-file <operation.json>',
  help: [
    "  --id         the operation id set-limits printed; its calls are read from the timelock's events",
    '  --from-file  the file set-limits --operation-out wrote',
    'Sender: anyone when the timelock lets anyone execute, else EXECUTOR_ROLE on the timelock.',
  ],
  options: { id: { type: 'string' }, 'from-file': { type: 'string' } },
  flags: z
    .object({ id: bytes32Flag.optional(), 'from-file': z.string().min(1).optional() })
    .refine((v) => (v.id === undefined) !== (v['from-file'] === undefined), {
      message: 'or --from-file: give exactly one',
      path: ['id'],
    }),
  async run(input, ops) {
    const timelock = timelockOf(ops);
    const onTimelock = { address: timelock.address, abi: protocolTimelockAbi } as const;
    const op = input['from-file']
      ? await readOperationFile(ops, path.resolve(ops.io.cwd, input['from-file']))
      : await readScheduledOperation(ops, input.id!);
    const state = await ops.client.readContract({ ...onTimelock, functionName: 'getOperationState', args: [op.id] });
    if (state === 1) {
      const readyAt = await ops.client.readContract({ ...onTimelock, functionName: 'getTimestamp', args: [op.id] });
      throw new OpsError(
        `operation ${op.id} is not ready until ${formatPeriodTime(readyAt)} (chain time ${formatPeriodTime(await chainTime(ops))})`,
      );
    }
    if (state !== 2) throw new OpsError(`operation ${op.id} is ${OPERATION_STATE[state]}`);
    if (op.predecessor !== zeroHash) {
      const done = await ops.client.readContract({
        ...onTimelock,
        functionName: 'isOperationDone',
        args: [op.predecessor],
      });
      if (!done) throw new OpsError(`operation ${op.id} waits for its predecessor ${op.predecessor}, not yet executed`);
    }
    const open = await hasRole(ops, timelock.address, 'EXECUTOR_ROLE', zeroAddress);
    if (!open && !(await hasRole(ops, timelock.address, 'EXECUTOR_ROLE', ops.sender.address))) {
      throw new OpsError(`${ops.sender.address} lacks EXECUTOR_ROLE on ${timelock.label} ${timelock.address}`);
    }
    const what = `${op.calls.length} call${op.calls.length > 1 ? 's' : ''} to ${[...new Set(op.calls.map((c) => c.target))].join(', ')}`;
    const planned = op.batch
      ? call({
          to: timelock.address,
          abi: protocolTimelockAbi,
          functionName: 'executeBatch',
          args: [
            op.calls.map((c) => c.target),
            op.calls.map((c) => c.value),
            op.calls.map((c) => c.data),
            op.predecessor,
            op.salt,
          ],
          summary: `execute operation ${op.id}: ${what}`,
        })
      : call({
          to: timelock.address,
          abi: protocolTimelockAbi,
          functionName: 'execute',
          args: [op.calls[0]!.target, op.calls[0]!.value, op.calls[0]!.data, op.predecessor, op.salt],
          summary: `execute operation ${op.id}: ${what}`,
        });
    const result = await runPlan(ops, { title: `Execute timelock operation ${op.id}`, calls: [planned] });
    return withOutputs(result, { operationId: op.id });
  },
});
