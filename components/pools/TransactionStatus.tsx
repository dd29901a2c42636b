import type { TrackedTransaction } from '@/lib/wallet/use-tracked-transaction';

const PHASE: Record<TrackedTransaction['phase'], string> = {
  idle: '',
  signing: 'Confirm in your wallet…',
  proposed: 'Sent to your wallet as one batch: waiting for it to execute (a Safe waits for its owners to confirm)…',
  mining: 'Submitted, waiting for the block…',
  indexing: 'Confirmed on chain, waiting for the indexer to record it…',
  done: 'Done.',
  failed: '',
};

/** One line under an action's button: where the transaction is, or why it did not happen. */
export function TransactionStatus({ state }: { state: TrackedTransaction }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'failed') {
    return (
      <p role="alert" className="rounded-lg border border-negative/40 bg-negative/5 p-3 text-sm text-negative">
        {state.error}
      </p>
    );
  }
  return (
    <p role="status" data-phase={state.phase} className="text-sm text-ink-muted">
      <span className="font-medium text-ink">{state.label}:</span> {PHASE[state.phase]}
      {state.phase === 'done' && state.indexerLagging
        ? ' The indexer is behind; the lists below will catch up shortly.'
        : ''}
    </p>
  );
}
