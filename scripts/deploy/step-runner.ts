/**
 * Runs the plan's steps one transaction at a time against the journal. Each transaction is signed locally and
 * recorded (hash and raw bytes) before it is broadcast, so whatever happens next a rerun knows it: a finished step
 * is skipped, a sent one is waited for (re-broadcast byte for byte if the node lost it), and nothing is sent twice.
 * A replacement, when the node refuses the old bytes for their fees, reuses the step's nonce, so at most one of
 * them can ever be mined. The dry run's fork impersonates the deployer instead: nothing is signed there.
 */
import {
  getAddress,
  keccak256,
  parseTransaction,
  type Account,
  type Chain,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { withGasMargin } from '../../lib/wallet/gas-margin';
import { DeployError } from './deploy-error';
import { highestJournalNonce, type Journal, type JournalStore, type StepRecord } from './journal';
import type { Done, Step, StepResult } from './plan';

export type DeployChain = {
  client: PublicClient<Transport, Chain>;
  wallet: WalletClient<Transport, Chain, Account>;
  /** How often receipts are polled: fast on anvil, gentle on a public RPC. */
  pollingInterval: number;
  receiptTimeoutMs: number;
};

export type StepPhase = 'signed' | 'sent' | 'mined';
/** Test hook: throws at a phase of a step to play a crash there (the journal is saved before each phase). */
export type Interruption = (stepIndex: number, phase: StepPhase) => void;

/** `gasLimit`: the gas the transaction was sent with (estimate plus margin), when this run sent it. */
export type StepOutcome = { step: Step; summary: string; result: StepResult; skipped: boolean; gasLimit?: bigint };

const ALREADY_KNOWN = /already known|known transaction|already imported|alreadyknown/i;
const NONCE_USED = /nonce too low/i;
const FEES_TOO_LOW = /underpriced|fee cap|base fee|max fee per gas less|feecap|too low/i;

function resultOf(receipt: TransactionReceipt): StepResult {
  return {
    ...(receipt.contractAddress ? { address: getAddress(receipt.contractAddress) } : {}),
    block: Number(receipt.blockNumber),
    gasUsed: receipt.gasUsed.toString(),
  };
}

export async function runSteps(opts: {
  chain: DeployChain;
  steps: Step[];
  journal: Journal;
  store: JournalStore;
  log: (line: string) => void;
  interrupt?: Interruption;
}): Promise<StepOutcome[]> {
  const { chain, steps, journal, store, log, interrupt } = opts;
  const { client, wallet } = chain;
  const deployer = wallet.account.address;
  const done: Done = {};
  const outcomes: StepOutcome[] = [];

  const tryReceipt = (hash: Hex) => client.getTransactionReceipt({ hash }).catch(() => undefined);

  /** The gas each transaction sent by this run may use, by hash: what the dry run's worst case is made of. */
  const gasLimits = new Map<Hex, bigint>();

  const gasFor = async (tx: { to?: Hex; data: Hex }) =>
    withGasMargin(await client.estimateGas({ account: wallet.account, to: tx.to, data: tx.data }));

  async function sign(tx: { to?: Hex; data: Hex }, nonce: number, floor?: Hex): Promise<StepRecord> {
    const gas = await gasFor(tx);
    const request = await wallet.prepareTransactionRequest({
      account: wallet.account,
      chain: wallet.chain,
      to: tx.to ?? null,
      data: tx.data,
      nonce,
      gas,
    });
    if (floor) {
      // A replacement must pay at least 12.5 % more than what it replaces, or nodes that hold the old one refuse it.
      const old = parseTransaction(floor);
      const bump = (value: bigint | undefined) => (value === undefined ? 0n : (value * 1125n) / 1000n + 1n);
      if (request.maxFeePerGas !== undefined && request.maxFeePerGas < bump(old.maxFeePerGas)) {
        request.maxFeePerGas = bump(old.maxFeePerGas);
      }
      if (request.maxPriorityFeePerGas !== undefined && request.maxPriorityFeePerGas < bump(old.maxPriorityFeePerGas)) {
        request.maxPriorityFeePerGas = bump(old.maxPriorityFeePerGas);
      }
      if (request.gasPrice !== undefined && request.gasPrice < bump(old.gasPrice))
        request.gasPrice = bump(old.gasPrice);
    }
    const raw = await wallet.signTransaction(request as Parameters<typeof wallet.signTransaction>[0]);
    gasLimits.set(keccak256(raw), gas);
    return { nonce, hash: keccak256(raw), raw };
  }

  /**
   * Broadcasts the recorded bytes; a node that already has them is not an error. "nonce too low" is: unless this very
   * transaction is what used the nonce (a retried request), the nonce was taken by a transaction not in the journal.
   */
  async function broadcast(record: StepRecord) {
    try {
      await client.sendRawTransaction({ serializedTransaction: record.raw });
    } catch (error) {
      const message = String((error as Error).message);
      if (ALREADY_KNOWN.test(message)) return;
      if (NONCE_USED.test(message) && (await client.getTransaction({ hash: record.hash }).catch(() => undefined)))
        return;
      throw error;
    }
  }

  const gasLimitOf = (record: StepRecord) =>
    gasLimits.get(record.hash) ?? (record.raw === '0x' ? undefined : parseTransaction(record.raw).gas);

  /** The dry run's fork: the deployer impersonated, the transaction sent unsigned (nothing valid elsewhere exists). */
  async function sendUnsigned(tx: { to?: Hex; data: Hex }, nonce: number): Promise<StepRecord> {
    const gas = await gasFor(tx);
    const hash = await wallet.sendTransaction({
      account: wallet.account,
      chain: wallet.chain,
      to: tx.to ?? null,
      data: tx.data,
      nonce,
      gas,
    } as Parameters<typeof wallet.sendTransaction>[0]);
    gasLimits.set(hash, gas);
    return { nonce, hash, raw: '0x' };
  }

  /**
   * The nonce of a new step: the node's pending count, but never one the journal has seen used. A load-balanced RPC
   * can answer from a node a block behind, which still counts the step just mined as unused.
   */
  async function nextNonce(): Promise<number> {
    const pending = await client.getTransactionCount({ address: deployer, blockTag: 'pending' });
    const highest = highestJournalNonce(journal);
    return highest === undefined ? pending : Math.max(pending, highest + 1);
  }

  /** The receipt of the step's transaction, whatever state the last run left it in. */
  async function settle(step: Step, index: number, record: StepRecord): Promise<TransactionReceipt> {
    const hashes = [record.hash, ...(record.replaced ?? [])];
    for (const hash of hashes) {
      const receipt = await tryReceipt(hash);
      if (receipt) return receipt;
    }
    const known = await client.getTransaction({ hash: record.hash }).catch(() => undefined);
    if (!known && record.raw === '0x') {
      throw new DeployError(`step ${step.id}: the fork lost ${record.hash}, sent unsigned; run the dry run again`);
    }
    if (!known) {
      const used = await client.getTransactionCount({ address: deployer, blockTag: 'latest' });
      if (used > record.nonce) {
        throw new DeployError(
          `step ${step.id}: the deployer's nonce ${record.nonce} was used by a transaction that is not in the journal ` +
            `(${hashes.join(', ')}): the deployer key signed something else. Check its transactions before going on.`,
        );
      }
      log(`  re-broadcasting ${record.hash} (nonce ${record.nonce}): the node does not have it`);
      try {
        await broadcast(record);
      } catch (error) {
        if (!FEES_TOO_LOW.test(String((error as Error).message))) {
          throw new DeployError(
            `step ${step.id}: the node refused ${record.hash} (${(error as Error).message.split('\n')[0]}). ` +
              `It stays in the journal: fix the cause (e.g. fund the deployer) and rerun.`,
          );
        }
        // Its fees fell behind the market: the same step with today's fees, at the same nonce.
        const fresh = await sign(step.build(done), record.nonce, record.raw);
        Object.assign(record, { ...fresh, replaced: [...hashes] });
        store.save(journal);
        log(`  replaced by ${record.hash} with current fees (same nonce ${record.nonce})`);
        await broadcast(record);
      }
      interrupt?.(index, 'sent');
    }
    let replacedBy: string | undefined;
    let receipt: TransactionReceipt;
    try {
      receipt = await client.waitForTransactionReceipt({
        hash: record.hash,
        pollingInterval: chain.pollingInterval,
        timeout: chain.receiptTimeoutMs,
        onReplaced: (replacement) => {
          if (replacement.reason !== 'repriced') replacedBy = replacement.transaction.hash;
        },
      });
    } catch {
      throw new DeployError(
        `step ${step.id}: ${record.hash} was not mined within ${Math.round(chain.receiptTimeoutMs / 1000)} s. ` +
          `It is in the journal: rerun to keep waiting for it.`,
      );
    }
    if (replacedBy) {
      throw new DeployError(
        `step ${step.id}: ${record.hash} was replaced by ${replacedBy}, which the deploy did not sign with this ` +
          `step's call: the deployer key signed something else. Check its transactions before going on.`,
      );
    }
    return receipt;
  }

  for (const [index, step] of steps.entries()) {
    const prefix = `[${index + 1}/${steps.length}] ${step.id}`;
    const finished = journal.steps[step.id]?.result;
    if (finished) {
      // A journal names one chain by its id only: a reset anvil or another fork with the same id has none of it.
      if (finished.address && ((await client.getCode({ address: finished.address })) ?? '0x') === '0x') {
        throw new DeployError(
          `step ${step.id}: the journal's ${finished.address} has no code on this chain: it is not the chain the ` +
            `deploy began on (a reset or another fork?). Point --rpc-url at that chain, or move the journal away.`,
        );
      }
      done[step.id] = finished;
      outcomes.push({ step, summary: step.build(done).summary, result: finished, skipped: true });
      log(`${prefix}: done before (block ${finished.block}${finished.address ? `, ${finished.address}` : ''})`);
      continue;
    }
    const tx = step.build(done);
    log(`${prefix}: ${tx.summary}`);
    let record = journal.steps[step.id];
    if (record) {
      log(`  resuming ${record.hash} (nonce ${record.nonce})`);
    } else if (wallet.account.type !== 'local') {
      record = await sendUnsigned(tx, await nextNonce());
      journal.steps[step.id] = record;
      store.save(journal);
    } else {
      const nonce = await nextNonce();
      record = await sign(tx, nonce);
      journal.steps[step.id] = record;
      store.save(journal);
      interrupt?.(index, 'signed');
      try {
        await broadcast(record);
      } catch (error) {
        if (!NONCE_USED.test(String((error as Error).message))) throw error;
        // Never broadcast, and it never can be mined now: off the journal, so a rerun signs the step anew.
        delete journal.steps[step.id];
        store.save(journal);
        throw new DeployError(
          `step ${step.id}: the deployer's nonce ${nonce} is already used by a transaction not in the journal; ` +
            `nothing was sent for this step. Check the deployer's transactions, then rerun.`,
        );
      }
      log(`  sent ${record.hash} (nonce ${nonce})`);
      interrupt?.(index, 'sent');
    }
    const receipt = await settle(step, index, record);
    if (receipt.status !== 'success') {
      // A reverted transaction changed nothing but its nonce: the next run sends the step again.
      journal.reverted = [
        ...(journal.reverted ?? []),
        { step: step.id, hash: receipt.transactionHash, nonce: record.nonce },
      ];
      delete journal.steps[step.id];
      store.save(journal);
      throw new DeployError(
        `step ${step.id}: ${receipt.transactionHash} reverted; it changed nothing. Rerun to retry.`,
      );
    }
    const result = resultOf(receipt);
    if (tx.to === undefined && !result.address) {
      throw new DeployError(`step ${step.id}: ${receipt.transactionHash} was mined but created no contract`);
    }
    record.hash = receipt.transactionHash;
    record.result = result;
    store.save(journal);
    done[step.id] = result;
    outcomes.push({ step, summary: tx.summary, result, skipped: false, gasLimit: gasLimitOf(record) });
    log(`  mined in block ${result.block}, gas ${result.gasUsed}${result.address ? `, at ${result.address}` : ''}`);
    interrupt?.(index, 'mined');
  }
  return outcomes;
}
