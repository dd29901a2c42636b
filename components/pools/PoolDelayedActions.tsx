import { LocalDateTime } from '@/components/ui/LocalDateTime';
import type { DelayedAction, PoolDelayedActions as Actions } from '@/lib/indexer/wire';
import { describeScheduledCall } from '@/lib/pools/delayed-action';

/** How many carried-out or cancelled changes stay listed under the pending ones. */
const PAST_SHOWN = 3;

/**
 * Changes to the pool that wait out the protocol timelock (fee, limits, roles, large write-downs): each with
 * the time from which it may be carried out, so holders can leave before a change they do not accept.
 * "Ready" is judged against the chain's clock at the indexed block, not the reader's.
 */
export function PoolDelayedActions({ data }: { data: Actions }) {
  const pending = data.actions.filter((a) => a.status === 'pending');
  const past = data.actions.filter((a) => a.status !== 'pending').slice(0, PAST_SHOWN);
  return (
    <div className="space-y-4 text-sm">
      <p className="text-ink-muted">
        The pool’s admin is a timelock: changes to fees, limits and roles, and large write-downs, are published here
        when scheduled and can only be carried out once their delay has passed.
      </p>
      {pending.length === 0 ? (
        <p className="text-ink-muted" data-testid="no-delayed-action">
          No change to this pool is scheduled.
        </p>
      ) : (
        <ul className="divide-y divide-line" aria-label="Scheduled changes">
          {pending.map((action) => (
            <li key={action.id} className="py-3" data-testid="delayed-action" data-status={action.status}>
              <ActionLine action={action} />
              <p className="mt-1 text-xs text-ink-muted">
                {action.readyAt <= data.indexed.timestamp ? 'Executable since ' : 'Executable from '}
                <span className="font-medium text-ink">
                  <LocalDateTime seconds={action.readyAt} />
                </span>{' '}
                · scheduled <LocalDateTime seconds={action.scheduledAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <div>
          <h3 className="text-xs font-medium text-ink-muted">Earlier</h3>
          <ul className="mt-1 divide-y divide-line" aria-label="Earlier scheduled changes">
            {past.map((action) => (
              <li
                key={action.id}
                className="py-2 text-ink-muted"
                data-testid="delayed-action"
                data-status={action.status}
              >
                <ActionLine action={action} />
                <p className="mt-0.5 text-xs">
                  {action.status === 'executed' ? 'Carried out' : 'Cancelled'}
                  {(action.executedAt ?? action.cancelledAt) ? (
                    <>
                      {' '}
                      <LocalDateTime seconds={(action.executedAt ?? action.cancelledAt)!} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ActionLine({ action }: { action: DelayedAction }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
      <span className="font-medium text-ink">{describeScheduledCall(action)}</span>
      {action.functionName ? <code className="text-xs text-ink-faint">{action.functionName}</code> : null}
    </div>
  );
}
