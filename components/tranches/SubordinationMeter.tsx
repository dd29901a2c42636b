import { formatBps as pct } from '@/lib/format/percent';

/**
 * Junior's share of the pool now against the minimum the pool enforces: below it, senior deposits and junior exits
 * stop until junior grows again (a junior deposit, a recovery) or senior shrinks.
 */
export function SubordinationMeter({ now, minimum }: { now: number; minimum: number }) {
  const below = now < minimum;
  const width = Math.min(100, now / 100);
  return (
    <div className="space-y-2" data-testid="subordination">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span>
          Junior is <strong className="tabular-nums">{pct(now)}</strong> of the pool
        </span>
        <span className="text-ink-muted">
          minimum <span className="tabular-nums">{pct(minimum)}</span>
        </span>
      </div>
      <div
        className="relative h-3 overflow-hidden rounded-full bg-compute/20"
        role="meter"
        aria-label="Subordination: junior’s share of the pool"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(now) / 100}
        aria-valuetext={`${pct(now)}, minimum ${pct(minimum)}`}
      >
        <div className={`h-full ${below ? 'bg-negative' : 'bg-robotics'}`} style={{ width: `${width}%` }} />
        <div aria-hidden className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: `${minimum / 100}%` }} />
      </div>
      <p className={`text-xs ${below ? 'text-negative' : 'text-ink-muted'}`}>
        {below
          ? 'Below the minimum: senior deposits and junior exits are closed until junior is back above it.'
          : 'Above the minimum: senior may grow until junior would fall to it, and junior may exit down to it.'}
      </p>
    </div>
  );
}
