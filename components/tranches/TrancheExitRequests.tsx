'use client';

import { TransactionStatus } from '@/components/pools/TransactionStatus';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import { exitRows, queuedExit, UnexpectedAnswer } from '@/lib/indexer/exit-requests';
import type { TrancheRedemption } from '@/lib/indexer/tranche-wire';
import type { TrackedTransaction } from '@/lib/wallet/use-tracked-transaction';

/** What the list shows of a waiting exit (the indexer's TrancheRedemption). */
export type TrancheExitRequest = Pick<
  TrancheRedemption,
  'side' | 'requestId' | 'pendingShares' | 'filledAssets' | 'requestedAt' | 'sharesAhead' | 'queuePosition'
>;

/**
 * The indexer's `/tranched-pools/:pool/redemptions` answer (waiting exits only), checked by hand
 * (lib/indexer/exit-requests.ts says why).
 */
export function parseTrancheExitRequests(body: unknown): TrancheExitRequest[] {
  return exitRows(body).map((row) => {
    const { side } = row;
    const exit = queuedExit(row);
    if ((side !== 'senior' && side !== 'junior') || exit.queuePosition === null) throw new UnexpectedAnswer();
    return { ...exit, side, queuePosition: exit.queuePosition };
  });
}

/**
 * The connected account's exits waiting in this tranche's queue (the indexer's, as of its block), each with its place
 * in the queue and a Cancel that unlocks its shares at once (ERC-7887). Their value moves with the tranche's price
 * until they are filled: it is shown at today's.
 */
export function TrancheExitRequests({
  requests,
  symbol,
  valueOf,
  busy,
  onCancel,
  state,
}: {
  requests: TrancheExitRequest[];
  symbol: string;
  /** What `shares` are worth at the vault's price now; undefined until the chain has answered. */
  valueOf: (shares: bigint) => bigint | undefined;
  busy: boolean;
  onCancel: (requestId: bigint) => void;
  state: TrackedTransaction;
}) {
  if (requests.length === 0 && state.phase === 'idle') return null;
  return (
    <section aria-label="Your queued exits" className="space-y-2">
      <h3 className="text-xs font-medium text-ink-muted">Your queued exits</h3>
      {requests.length === 0 ? (
        <p className="text-sm text-ink-muted">None waiting.</p>
      ) : (
        <ul className="space-y-2">
          {requests.map((r) => {
            const value = valueOf(r.pendingShares);
            return (
              <li
                key={String(r.requestId)}
                className="rounded-lg border border-line p-3 text-sm"
                data-testid="tranche-exit-request"
              >
                <div className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">Exit #{String(r.requestId)}</span>
                  <span className="text-xs text-ink-faint">
                    <LocalDateTime seconds={r.requestedAt} dateOnly />
                  </span>
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  <dt className="text-ink-muted">Waiting</dt>
                  <dd className="text-right tabular-nums">
                    {formatShares(r.pendingShares)} {symbol}
                    {value !== undefined ? ` · about ${formatUsdc(value)}` : ''}
                  </dd>
                  <dt className="text-ink-muted">Place in queue</dt>
                  <dd className="text-right tabular-nums" data-testid="tranche-queue-position">
                    #{r.queuePosition} · {formatShares(r.sharesAhead)} shares ahead
                  </dd>
                  {r.filledAssets > 0n ? (
                    <>
                      <dt className="text-ink-muted">Filled so far</dt>
                      <dd className="text-right tabular-nums">{formatUsdc(r.filledAssets)}</dd>
                    </>
                  ) : null}
                </dl>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onCancel(r.requestId)}
                  className="mt-3 rounded-md border border-line px-3 py-1.5 text-xs font-medium hover:bg-ink/5 disabled:opacity-50"
                >
                  Cancel exit #{String(r.requestId)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <TransactionStatus state={state} />
    </section>
  );
}
