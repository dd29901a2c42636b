import { MAX_ENTITY_WALLETS } from '@/lib/portfolio/entity';

/**
 * "Combine wallets": a plain GET form to the entity page, which checks what was typed and names what is wrong;
 * no JavaScript needed, and the result is a URL to share.
 */
export function EntityForm({
  name = '',
  walletsText = '',
  errors = [],
}: {
  name?: string;
  walletsText?: string;
  errors?: string[];
}) {
  const field = 'w-full rounded-lg border bg-surface-raised px-3 py-2 text-sm';
  return (
    <form method="get" action="/portfolio/entity" aria-label="Combine wallets" className="space-y-3">
      <div>
        <label htmlFor="entity-name" className="text-xs font-medium text-ink-muted">
          Name
        </label>
        <input
          id="entity-name"
          name="name"
          type="text"
          maxLength={80}
          placeholder="Acme Fund I"
          defaultValue={name}
          className={`mt-1 ${field} border-line`}
        />
      </div>
      <div>
        <label htmlFor="entity-wallets" className="text-xs font-medium text-ink-muted">
          Wallets (up to {MAX_ENTITY_WALLETS}, one per line or separated by commas)
        </label>
        <textarea
          id="entity-wallets"
          name="wallets"
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          placeholder={'0x…\n0x…'}
          defaultValue={walletsText}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={errors.length > 0 ? 'entity-errors' : undefined}
          className={`mt-1 font-mono ${field} ${errors.length > 0 ? 'border-negative' : 'border-line'}`}
        />
      </div>
      {errors.length > 0 ? (
        // The alert around the list: role="alert" on the <ul> itself would take its list semantics away.
        <div id="entity-errors" role="alert">
          <ul className="space-y-1 text-sm text-negative">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink">
        View as one portfolio
      </button>
    </form>
  );
}
