import type { ReactNode } from 'react';

/**
 * A typed amount with what is available beside its label, a Max button, and one line under it: the
 * reason the amount cannot be used, or what it buys. The text is kept as typed (never reformatted).
 */
export function AmountField({
  id,
  name,
  label,
  available,
  value,
  onChange,
  onMax,
  disabled,
  error,
  help,
  placeholder = '0.00',
}: {
  id: string;
  name: string;
  label: string;
  available: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Absent while what is available is not known yet. */
  onMax?: () => void;
  disabled: boolean;
  error: string | null;
  help: string;
  placeholder?: string;
}) {
  return (
    <>
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <span className="text-xs text-ink-muted">{available}</span>
      </div>
      <div className="flex rounded-lg border border-line bg-surface focus-within:border-accent">
        <input
          id={id}
          name={name}
          inputMode="decimal"
          autoComplete="off"
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={`${id}-help`}
          disabled={disabled}
          className="min-w-0 flex-1 bg-transparent px-3 py-2.5 text-lg tabular-nums outline-none"
        />
        <button
          type="button"
          onClick={onMax}
          disabled={!onMax || disabled}
          className="m-1.5 rounded-md px-3 text-xs font-semibold text-accent hover:bg-accent/10 disabled:opacity-40"
        >
          Max
        </button>
      </div>
      <p id={`${id}-help`} className={`min-h-5 text-xs ${error ? 'text-negative' : 'text-ink-muted'}`}>
        {error ?? (help || ' ')}
      </p>
    </>
  );
}
