import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatUsdc } from '@/lib/format/usdc';
import type { CapitalEvent } from '@/lib/indexer/wire';

const LABEL: Record<CapitalEvent['kind'], string> = {
  deployment: 'Capital deployed',
  repayment: 'Principal repaid',
  write_down: 'Written down',
  provision: 'Provision for expected loss set to',
  recovery: 'Recovered after write-down',
};
// From the pool's point of view: money back is green, a loss red, money out plain.
const TONE: Record<CapitalEvent['kind'], string> = {
  deployment: '',
  repayment: 'text-positive',
  write_down: 'text-negative',
  provision: 'text-ink-muted',
  recovery: 'text-positive',
};
// A provision's amount is the level it was set to, not money moving: no sign.
const SIGN: Record<CapitalEvent['kind'], string> = {
  deployment: '',
  repayment: '+',
  write_down: '−',
  provision: '',
  recovery: '+',
};

/** The pool's capital movements for this machine group, newest first. */
export function AssetCapitalList({ events }: { events: CapitalEvent[] }) {
  if (events.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-muted">No capital has been deployed to this machine yet.</p>;
  }
  return (
    <ul className="divide-y divide-line" aria-label="Capital events">
      {[...events].reverse().map((event) => (
        <li
          key={event.id}
          className="flex items-center justify-between gap-4 py-3 text-sm"
          data-testid="capital-event"
          data-kind={event.kind}
        >
          <div className="min-w-0">
            <div className="font-medium">{LABEL[event.kind]}</div>
            <div className="text-xs text-ink-faint">
              <LocalDateTime seconds={event.timestamp} /> · block {event.blockNumber.toString()}
            </div>
          </div>
          <div className={`shrink-0 font-medium tabular-nums ${TONE[event.kind]}`}>
            {SIGN[event.kind]}
            {formatUsdc(event.amount)}
          </div>
        </li>
      ))}
    </ul>
  );
}
