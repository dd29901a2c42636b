import type { ReactNode } from 'react';

/** A headline figure with its label and, where it helps, what it is measured on. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums xl:text-2xl">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-ink-faint">{hint}</dd> : null}
    </div>
  );
}
