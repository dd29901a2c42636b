/**
 * A command's plan: the contract calls it would make, in order, each with a line saying what it does. Every plan is
 * simulated as one sequence from the sender first (eth_simulateV1: an approval's effect reaches the call that
 * pulls); then it is printed (--dry-run), written as a Safe batch (--safe), or sent one call at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BaseError,
  ContractFunctionRevertedError,
  createWalletClient,
  encodeFunctionData,
  formatEther,
  formatGwei,
  getAbiItem,
  http,
  HttpRequestError,
  TimeoutError,
  WaitForTransactionReceiptTimeoutError,
  type Abi,
  type AbiFunction,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type TransactionReceipt,
} from 'viem';
import { simulateCalls } from 'viem/actions';
import { withGasMargin } from '../../lib/wallet/gas-margin';
import {
  sendWithGasMargin,
  TransactionNotConfirmedError,
  TransactionRevertedError,
  type ContractCall,
} from '../stack/contract-write';
import { senderLabel, type Ops } from './connection';
import { OpsError } from './ops-error';
import { buildSafeBatch } from './safe-batch';

export type PlannedCall = { to: Address; abi: Abi; functionName: string; args: readonly unknown[]; summary: string };

type Mutating = 'nonpayable' | 'payable';

/** A planned call, typed by its ABI where it is written (a wrong function or argument is a type error). */
export function call<const abi extends Abi, fn extends ContractFunctionName<abi, Mutating>>(c: {
  to: Address;
  abi: abi;
  functionName: fn;
  args: ContractFunctionArgs<abi, Mutating, fn>;
  summary: string;
}): PlannedCall {
  return { to: c.to, abi: c.abi, functionName: c.functionName, args: c.args as readonly unknown[], summary: c.summary };
}

export type Plan = { title: string; calls: PlannedCall[] };

export type PlanResult = {
  mode: 'sent' | 'dry-run' | 'safe';
  receipts: TransactionReceipt[];
  /** The Safe batch file written. */
  file?: string;
};

/** The revert's decoded name and arguments ("ExceedsOutstanding(3, 5000000, 1000000)"), else viem's short message. */
export function revertReason(error: unknown): string {
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      if (reverted.data?.errorName) {
        return `${reverted.data.errorName}(${(reverted.data.args ?? []).map(String).join(', ')})`;
      }
      if (reverted.reason) return reverted.reason;
    }
    return error.shortMessage;
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

const shortHex = (value: string) =>
  value.length > 74 ? `${value.slice(0, 10)}…(${(value.length - 2) / 2} bytes)` : value;

/** "approve(spender=0x…, value=1500000)": the call decoded, long calldata shortened. */
export function describeCall(c: PlannedCall): string {
  const fn = getAbiItem({ abi: c.abi, name: c.functionName, args: c.args }) as AbiFunction;
  const show = (value: unknown): string =>
    typeof value === 'string'
      ? shortHex(value)
      : typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value, (_, v: unknown) =>
            typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? shortHex(v) : v,
          );
  const args = fn.inputs.map((input, i) => `${input.name || `arg${i}`}=${show(c.args[i])}`);
  return `${fn.name}(${args.join(', ')})`;
}

function isUnsupported(error: unknown): boolean {
  const text = error instanceof BaseError ? `${error.shortMessage} ${error.details}` : String(error);
  return /eth_simulateV1|method not found|not supported|does not exist|unsupported/i.test(text);
}

/** Gas each call used in the simulation; throws naming the first call that would fail. */
async function simulate(ops: Ops, calls: readonly PlannedCall[]): Promise<(bigint | undefined)[]> {
  const account = ops.sender.address;
  try {
    const { results } = await simulateCalls(ops.client, {
      account,
      calls: calls.map((c) => ({ to: c.to, abi: c.abi, functionName: c.functionName, args: c.args })),
    });
    results.forEach((r, i) => {
      if (r.status === 'failure') {
        throw new OpsError(`step ${i + 1} (${calls[i]!.summary}) would fail: ${revertReason(r.error)}`);
      }
    });
    return results.map((r) => r.gasUsed);
  } catch (error) {
    if (error instanceof OpsError) throw error;
    if (!isUnsupported(error)) throw new OpsError(`simulation failed: ${revertReason(error)}`);
  }
  // Without eth_simulateV1 each call runs alone: a later call that needs an earlier one's effect (an approval)
  // cannot be checked, so only the first call's failure is final.
  ops.io.log('  (this RPC has no eth_simulateV1: each call is simulated alone, without the earlier ones)');
  const gas: (bigint | undefined)[] = [];
  for (const [i, c] of calls.entries()) {
    try {
      await ops.client.call({ account, to: c.to, data: encode(c) });
      gas.push(await ops.client.estimateGas({ account, to: c.to, data: encode(c) }));
    } catch (error) {
      if (i === 0) throw new OpsError(`step 1 (${c.summary}) would fail: ${revertReason(error)}`);
      ops.io.log(`  step ${i + 1} could not be simulated without the earlier steps: ${revertReason(error)}`);
      gas.push(undefined);
    }
  }
  return gas;
}

/**
 * A transaction of the sender's that is sent but not mined (pending nonce above the latest) may still do what a
 * new plan would do again: the contracts do not refuse a second distribution of the same revenue, and the
 * periods already recorded that we check against are only the mined ones. Refused until it is mined or replaced.
 * A Safe's own transactions are not counted this way (its owners' signatures order them).
 */
async function requireNothingPending(ops: Ops) {
  if (ops.sender.kind === 'safe') return;
  const address = ops.sender.address;
  const [latest, pending] = await Promise.all([
    ops.client.getTransactionCount({ address, blockTag: 'latest' }),
    ops.client.getTransactionCount({ address, blockTag: 'pending' }),
  ]);
  if (pending > latest) {
    const count = pending - latest;
    throw new OpsError(
      `the sender ${address} has ${count} transaction${count > 1 ? 's' : ''} sent and not yet mined (nonce ${latest}${count > 1 ? `–${pending - 1}` : ''}): wait until ${count > 1 ? 'they are' : 'it is'} mined (then check what ${count > 1 ? 'they' : 'it'} did before running this again) or replace ${count > 1 ? 'them' : 'it'}; nothing planned`,
    );
  }
}

/** The chain's explorer page for a transaction, when viem knows the explorer. */
function explorerPage(ops: Ops, hash: string): string {
  const explorer = ops.chain.blockExplorers?.default.url;
  return explorer ? ` (${explorer.replace(/\/$/, '')}/tx/${hash})` : '';
}

/** What a failed step means for the operator: above all whether it may still happen (then: do not rerun). */
function stepFailure(ops: Ops, step: number, c: PlannedCall, mined: number, error: unknown): OpsError {
  const before = mined > 0 ? ` Steps 1–${mined} were mined.` : '';
  const at = `step ${step} (${c.summary})`;
  if (error instanceof TransactionNotConfirmedError) {
    const why =
      error.cause instanceof WaitForTransactionReceiptTimeoutError
        ? `no receipt came within ${(ops.receiptTimeoutMs ?? 180_000) / 1_000} s`
        : `its receipt could not be read (${revertReason(error.cause)})`;
    return new OpsError(
      `${at} was sent as tx ${error.hash} but ${why}: it may still be mined. Do not rerun; check it on the explorer${explorerPage(ops, error.hash)}.${before} No later step was sent.`,
    );
  }
  if (error instanceof TransactionRevertedError) {
    return new OpsError(
      `${at} was mined in block ${error.block} and reverted (tx ${error.hash}): it did nothing.${before} No later step was sent.`,
    );
  }
  // The RPC not answering while the transaction went out: it may have been received. The next run refuses
  // while it is pending.
  const lost =
    error instanceof BaseError && error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError);
  if (lost) {
    return new OpsError(
      `${at}: the RPC failed (${revertReason(error)}), and the transaction may have been sent: check the sender's transactions on the explorer before running again.${before} No later step was sent.`,
    );
  }
  return new OpsError(`${at} failed and was not sent: ${revertReason(error).replace(/\.$/, '')}.${before}`);
}

const encode = (c: PlannedCall) => encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args });

export async function runPlan(ops: Ops, plan: Plan): Promise<PlanResult> {
  const { log } = ops.io;
  const mode =
    ops.sender.kind === 'safe' && !ops.dryRun ? 'safe' : ops.dryRun || ops.sender.kind === 'watch' ? 'dry-run' : 'sent';
  log(`${plan.title}`);
  log(`  chain ${ops.chain.id} (${ops.chain.name}), sender ${senderLabel(ops.sender)}`);
  await requireNothingPending(ops);
  const gas = await simulate(ops, plan.calls);
  for (const [i, c] of plan.calls.entries()) {
    log(`  ${i + 1}. ${c.summary}`);
    log(`     ${c.to}.${describeCall(c)}`);
    const used = gas[i];
    if (used !== undefined)
      log(
        `     gas ≈ ${used.toLocaleString('en-US')} (limit with margin ${withGasMargin(used).toLocaleString('en-US')})`,
      );
  }
  const total = gas.reduce<bigint>((sum, g) => sum + withGasMargin(g ?? 0n), 0n);
  const gasPrice = await ops.client.getGasPrice();
  log(
    `  total gas limit ≈ ${total.toLocaleString('en-US')}, ≈ ${formatEther(total * gasPrice)} ETH at ${formatGwei(gasPrice)} gwei`,
  );

  if (mode === 'dry-run') {
    log('dry run: simulated only, nothing sent');
    return { mode, receipts: [] };
  }
  if (ops.sender.kind === 'safe') {
    const file = path.resolve(ops.io.cwd, ops.sender.out!);
    if (fs.existsSync(file))
      throw new OpsError(`--out ${file} exists: choose a new file (a batch is never overwritten)`);
    const batch = buildSafeBatch({
      chainId: ops.chain.id,
      safe: ops.sender.address,
      name: plan.title,
      description: plan.calls.map((c, i) => `${i + 1}. ${c.summary}`).join('\n'),
      calls: plan.calls,
    });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(batch, null, 2) + '\n');
    log(`Safe batch written: ${file}`);
    log(`  open the Transaction Builder app in the Safe ${ops.sender.address}, drop the file in, review, and sign`);
    return { mode, receipts: [], file };
  }
  if (ops.sender.kind !== 'key') throw new OpsError('no signer to send with');
  const wallet = createWalletClient({ account: ops.sender.account, chain: ops.chain, transport: http(ops.rpcUrl) });
  const receipts: TransactionReceipt[] = [];
  for (const [i, c] of plan.calls.entries()) {
    try {
      const receipt = await sendWithGasMargin(
        ops.client,
        wallet,
        {
          address: c.to,
          abi: c.abi,
          functionName: c.functionName,
          args: c.args,
        } as ContractCall<Abi, string>,
        { receiptTimeoutMs: ops.receiptTimeoutMs },
      );
      receipts.push(receipt);
      log(`  ✓ step ${i + 1} mined: tx ${receipt.transactionHash} (block ${receipt.blockNumber})`);
    } catch (error) {
      throw stepFailure(ops, i + 1, c, receipts.length, error);
    }
  }
  return { mode, receipts };
}
