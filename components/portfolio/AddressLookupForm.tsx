'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { parseAddressInput, portfolioPath } from '@/lib/portfolio/portfolio-address';

/**
 * "View any address". A GET form to /portfolio?address=, which the server checks too, so it works before
 * hydration; with JavaScript the address is checked here and a mistake is shown inline, input kept.
 */
export function AddressLookupForm({
  initialValue = '',
  initialError,
  submitLabel = 'View portfolio',
}: {
  initialValue?: string;
  initialError?: string;
  submitLabel?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const inputId = useId();
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('address');
    const parsed = parseAddressInput(typeof value === 'string' ? value : '');
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    router.push(portfolioPath(parsed.address));
  }

  return (
    <form method="get" action="/portfolio" onSubmit={submit} noValidate aria-label="View any address">
      <label htmlFor={inputId} className="text-xs font-medium text-ink-muted">
        Wallet address
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="address"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder="0x…"
          defaultValue={initialValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={() => setError(undefined)}
          className={`min-w-0 flex-1 rounded-lg border bg-surface-raised px-3 py-2 font-mono text-sm ${
            error ? 'border-negative' : 'border-line'
          }`}
        />
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink">
          {submitLabel}
        </button>
      </div>
      {/* Always rendered, so a message appearing does not push the page down. */}
      <p id={errorId} role="alert" className="mt-1.5 min-h-5 text-sm text-negative">
        {error ?? ''}
      </p>
    </form>
  );
}
