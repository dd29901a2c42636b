/**
 * Operations of the ProtocolTimelock (OpenZeppelin TimelockController), the pools' admin: what is scheduled, found
 * again by its id from the timelock's events or from the file written when it was scheduled, and its state.
 */
import fs from 'node:fs';
import { getAddress, zeroHash, type Address, type Hex } from 'viem';
import { z } from 'zod';
import { protocolTimelockAbi } from '../../lib/contracts/abis';
import { logsInRange } from './chain-reads';
import type { Ops } from './connection';
import { OpsError } from './ops-error';

export type TimelockOperation = {
  id: Hex;
  calls: { target: Address; value: bigint; data: Hex }[];
  predecessor: Hex;
  salt: Hex;
  /** Scheduled with scheduleBatch (executeBatch), or schedule (execute); a batch of one hashes differently. */
  batch: boolean;
};

export const OPERATION_STATE = ['not scheduled (or cancelled)', 'waiting', 'ready', 'already executed'] as const;

export function timelockOf(ops: Ops): { address: Address; label: string; deployedOnBlock: number } {
  const timelock = ops.manifest.contracts.ProtocolTimelock;
  if (!timelock) throw new OpsError(`the manifest of chain ${ops.chain.id} names no ProtocolTimelock`);
  return { address: timelock.address, label: 'the ProtocolTimelock', deployedOnBlock: timelock.deployedOnBlock };
}

export async function operationId(ops: Ops, op: Omit<TimelockOperation, 'id'>): Promise<Hex> {
  const onTimelock = { address: timelockOf(ops).address, abi: protocolTimelockAbi } as const;
  if (op.batch) {
    return ops.client.readContract({
      ...onTimelock,
      functionName: 'hashOperationBatch',
      args: [
        op.calls.map((c) => c.target),
        op.calls.map((c) => c.value),
        op.calls.map((c) => c.data),
        op.predecessor,
        op.salt,
      ],
    });
  }
  const [c] = op.calls;
  return ops.client.readContract({
    ...onTimelock,
    functionName: 'hashOperation',
    args: [c!.target, c!.value, c!.data, op.predecessor, op.salt],
  });
}

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const operationFile = z.object({
  chainId: z.number().int(),
  timelock: z.string().transform((v) => getAddress(v)),
  id: hex,
  calls: z
    .array(
      z.object({ target: z.string().transform((v) => getAddress(v)), value: z.string().regex(/^\d+$/), data: hex }),
    )
    .min(1),
  predecessor: hex,
  salt: hex,
  batch: z.boolean(),
});

export function writeOperationFile(file: string, ops: Ops, op: TimelockOperation, readyAt: bigint | null) {
  const json = {
    chainId: ops.chain.id,
    timelock: timelockOf(ops).address,
    id: op.id,
    calls: op.calls.map((c) => ({ target: c.target, value: c.value.toString(), data: c.data })),
    predecessor: op.predecessor,
    salt: op.salt,
    batch: op.batch,
    readyAt: readyAt === null ? null : Number(readyAt),
  };
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}

export async function readOperationFile(ops: Ops, file: string): Promise<TimelockOperation> {
  let parsed;
  try {
    parsed = operationFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new OpsError(`--from-file ${file} is not an operation file written by set-limits --operation-out`);
  }
  if (parsed.chainId !== ops.chain.id)
    throw new OpsError(`--from-file ${file} is for chain ${parsed.chainId}, not ${ops.chain.id}`);
  if (parsed.timelock !== timelockOf(ops).address) {
    throw new OpsError(
      `--from-file ${file} is for timelock ${parsed.timelock}, not the manifest's ${timelockOf(ops).address}`,
    );
  }
  const op = {
    id: parsed.id.toLowerCase() as Hex,
    calls: parsed.calls.map((c) => ({ target: c.target, value: BigInt(c.value), data: c.data as Hex })),
    predecessor: parsed.predecessor as Hex,
    salt: parsed.salt as Hex,
    batch: parsed.batch,
  };
  if ((await operationId(ops, op)).toLowerCase() !== op.id) {
    throw new OpsError(`--from-file ${file}: its calls, predecessor and salt do not hash to its id ${op.id}`);
  }
  return op;
}

/** The operation as the timelock's CallScheduled and CallSalt events recorded it (the latest scheduling of the id). */
export async function readScheduledOperation(ops: Ops, id: Hex): Promise<TimelockOperation> {
  const timelock = timelockOf(ops);
  const range = [BigInt(timelock.deployedOnBlock), await ops.client.getBlockNumber()] as const;
  const scheduled = await logsInRange(
    (fromBlock, toBlock) =>
      ops.client.getContractEvents({
        address: timelock.address,
        abi: protocolTimelockAbi,
        eventName: 'CallScheduled',
        args: { id },
        fromBlock,
        toBlock,
      }),
    ...range,
  );
  if (scheduled.length === 0) throw new OpsError(`--id ${id} was never scheduled on the timelock ${timelock.address}`);
  const lastTx = scheduled[scheduled.length - 1]!.transactionHash;
  const events = scheduled
    .filter((e) => e.transactionHash === lastTx)
    .sort((a, b) => Number(a.args.index! - b.args.index!));
  const salts = await logsInRange(
    (fromBlock, toBlock) =>
      ops.client.getContractEvents({
        address: timelock.address,
        abi: protocolTimelockAbi,
        eventName: 'CallSalt',
        args: { id },
        fromBlock,
        toBlock,
      }),
    ...range,
  );
  const base = {
    calls: events.map((e) => ({ target: e.args.target!, value: e.args.value!, data: e.args.data! })),
    predecessor: events[0]!.args.predecessor!,
    // OpenZeppelin emits CallSalt only for a non-zero salt.
    salt: salts[salts.length - 1]?.args.salt ?? zeroHash,
  };
  for (const batch of events.length > 1 ? [true] : [false, true]) {
    if ((await operationId(ops, { ...base, batch })).toLowerCase() === id.toLowerCase()) return { id, ...base, batch };
  }
  throw new OpsError(`--id ${id}: the timelock's events do not rebuild the operation (hash mismatch)`);
}
