import type { DepositState, DepositStep, StepStatus } from '@/lib/wallet/deposit-progress';

const STEPS: { key: DepositStep; label: string; detail: Record<StepStatus, string> }[] = [
  {
    key: 'approve',
    label: 'Approve USDC',
    detail: {
      waiting: 'Allow the pool to take exactly this amount',
      signing: 'Confirm the approval in your wallet',
      proposed: '',
      mining: 'Approval submitted, waiting for the block',
      done: 'Approved',
      skipped: 'Already approved, no transaction needed',
      failed: 'Approval not completed',
    },
  },
  {
    key: 'deposit',
    label: 'Deposit',
    detail: {
      waiting: 'Move USDC into the pool and receive shares',
      signing: 'Confirm the deposit in your wallet',
      proposed: 'Proposed: waiting for your wallet to execute it (a Safe waits for its owners to confirm)',
      mining: 'Deposit submitted, waiting for the block',
      done: 'Deposit confirmed on chain',
      skipped: '',
      failed: 'Deposit not completed',
    },
  },
  {
    key: 'index',
    label: 'Recorded',
    detail: {
      waiting: 'The pool’s history picks up the deposit',
      signing: '',
      proposed: '',
      mining: 'Waiting for the indexer to record the block',
      done: 'In the pool’s activity',
      skipped: '',
      failed: 'Not yet recorded',
    },
  },
];

const MARK: Record<StepStatus, string> = {
  waiting: '○',
  signing: '◌',
  proposed: '◌',
  mining: '◌',
  done: '✓',
  skipped: '–',
  failed: '✕',
};

// With a permit the first step is a signature, not a transaction.
const PERMIT_STEP: (typeof STEPS)[number] = {
  key: 'approve',
  label: 'Sign permit',
  detail: {
    waiting: 'Allow the pool to take exactly this amount, by signature (no transaction)',
    signing: 'Sign the permit in your wallet',
    proposed: '',
    mining: '',
    done: 'Signed',
    skipped: 'Already approved, no signature needed',
    failed: 'Permit not signed',
  },
};

// With a wallet that batches (EIP-5792) the approval goes with the deposit: one confirmation for both.
const BATCH_STEP: (typeof STEPS)[number] = {
  key: 'approve',
  label: 'Approve USDC, in the same batch',
  detail: {
    waiting: 'The approval and the deposit go to your wallet together',
    signing: 'Confirm the batch (approval and deposit) in your wallet',
    proposed: 'Proposed with the deposit',
    mining: 'Submitted with the deposit',
    done: 'Approved and used by the deposit',
    skipped: 'Already approved, no approval needed',
    failed: 'Batch not executed',
  },
};

export function DepositStepper({ state }: { state: DepositState }) {
  const first = state.method === 'permit' ? PERMIT_STEP : state.method === 'batch' ? BATCH_STEP : STEPS[0]!;
  const steps = [first, ...STEPS.slice(1)];
  return (
    <div className="space-y-3" aria-live="polite">
      <ol className="space-y-2" aria-label="Deposit progress">
        {steps.map((step) => {
          const status = state.steps[step.key];
          const active = status === 'signing' || status === 'proposed' || status === 'mining';
          return (
            <li key={step.key} className="flex gap-3 text-sm" data-step={step.key} data-status={status}>
              <span
                aria-hidden
                className={`grid size-6 shrink-0 place-items-center rounded-full border text-xs ${
                  status === 'done'
                    ? 'border-positive bg-positive/10 text-positive'
                    : status === 'failed'
                      ? 'border-negative text-negative'
                      : active
                        ? 'animate-pulse border-accent text-accent'
                        : 'border-line text-ink-faint'
                }`}
              >
                {MARK[status]}
              </span>
              <div>
                <div className="font-medium">{step.label}</div>
                <div className="text-xs text-ink-muted">{step.detail[status]}</div>
              </div>
            </li>
          );
        })}
      </ol>
      {state.error ? (
        <p role="alert" className="rounded-lg bg-negative/10 p-3 text-sm text-negative">
          {state.error}
        </p>
      ) : null}
      {state.indexerLagging ? (
        <p className="text-xs text-ink-muted">
          Your deposit is on chain. The indexer is behind, so the activity list will show it shortly.
        </p>
      ) : null}
    </div>
  );
}
