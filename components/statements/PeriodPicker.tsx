import Link from 'next/link';
import type { StatementPeriod } from '@/lib/statements/statement-period';

/**
 * Which period: this and last month, quarter and year as links, and any two days through a form that works
 * without JavaScript (a GET to the same page). `keep` is the rest of the URL's query (an entity's wallets).
 */
export function PeriodPicker({
  path,
  keep = '',
  presets,
  current,
}: {
  path: string;
  keep?: string;
  presets: readonly StatementPeriod[];
  current?: StatementPeriod;
}) {
  const hidden = [...new URLSearchParams(keep)];
  const href = (query: string) => `${path}?${keep ? `${keep}&` : ''}${query}`;
  return (
    <div className="space-y-3">
      <nav aria-label="Statement periods" className="flex flex-wrap gap-2">
        {presets.map((p) => {
          const active = current?.query === p.query;
          return (
            <Link
              key={p.query}
              href={href(p.query)}
              aria-current={active ? 'page' : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${
                active ? 'border-accent bg-accent text-accent-ink' : 'border-line text-ink hover:border-accent'
              }`}
            >
              {p.label}
            </Link>
          );
        })}
      </nav>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3 text-sm">
        {hidden.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <label className="flex flex-col gap-1">
          <span className="text-xs text-ink-muted">First day (UTC)</span>
          <input
            type="date"
            name="from"
            required
            defaultValue={current?.from}
            className="rounded-lg border border-line bg-surface px-3 py-1.5 text-ink"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-ink-muted">Last day (UTC)</span>
          <input
            type="date"
            name="to"
            required
            defaultValue={current?.to}
            className="rounded-lg border border-line bg-surface px-3 py-1.5 text-ink"
          />
        </label>
        <button
          type="submit"
          className="rounded-lg border border-line px-3 py-1.5 font-medium text-ink hover:border-accent hover:text-accent"
        >
          Show statement
        </button>
      </form>
    </div>
  );
}
