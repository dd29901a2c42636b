import type { Hash } from 'viem';
import type { TrackedTransaction } from './use-tracked-transaction';

export type DepositStep = 'approve' | 'deposit' | 'index';
export type StepStatus = 'waiting' | 'signing' | 'proposed' | 'mining' | 'done' | 'skipped' | 'failed';

/**
 * `approve`: an exact-amount approval transaction, then the deposit. `permit`: an EIP-2612 signature, one
 * transaction. `batch`: the approval and the deposit as one EIP-5792 batch, one confirmation.
 */
export type DepositMethod = 'approve' | 'permit' | 'batch';

/** What the deposit stepper shows: the shared transaction lifecycle, seen as the deposit's three steps. */
export type DepositState = {
  method?: DepositMethod;
  running: boolean;
  steps: Record<DepositStep, StepStatus>;
  error?: string;
  /** Set when the indexer did not catch up in time: the deposit is on chain, the list will follow. */
  indexerLagging?: boolean;
  depositHash?: Hash;
};

const FINISHED: ReadonlySet<StepStatus> = new Set(['done', 'skipped']);

/**
 * The deposit's steps from the lifecycle of its deposit transaction and the status of the approval (or
 * permit) before it. Until the approval is finished the lifecycle is busy with it, so a failure then is the
 * approval's; after it, the lifecycle's phases are the deposit's and then the indexer's.
 */
export function depositProgress(tx: TrackedTransaction, approval: StepStatus, method?: DepositMethod): DepositState {
  const approved = FINISHED.has(approval);
  const failed = tx.phase === 'failed';
  const deposit: StepStatus = !approved
    ? 'waiting'
    : tx.phase === 'signing' || tx.phase === 'proposed' || tx.phase === 'mining'
      ? tx.phase
      : tx.phase === 'indexing' || tx.phase === 'done'
        ? 'done'
        : failed
          ? 'failed'
          : 'waiting';
  // A batch's approval shares the deposit's fate: one confirmation, one execution.
  const approve: StepStatus =
    method === 'batch' && approval === 'done' ? deposit : failed && !approved ? 'failed' : approval;
  return {
    method,
    running: tx.phase === 'signing' || tx.phase === 'proposed' || tx.phase === 'mining' || tx.phase === 'indexing',
    steps: {
      approve,
      deposit,
      index: tx.phase === 'indexing' ? 'mining' : tx.phase === 'done' ? 'done' : 'waiting',
    },
    error: tx.error,
    indexerLagging: tx.indexerLagging,
    depositHash: tx.hash,
  };
}
