import type { LoadedPoolMetadata } from '@/lib/pools/pool-metadata';
import { formatPercent } from '@/lib/format/percent';

/** What the pool's own document says: purpose, security, target and its basis, risks. */
export function PoolRiskDisclosures({ loaded }: { loaded: LoadedPoolMetadata }) {
  if (!loaded.ok) return <p className="text-sm text-ink-muted">{loaded.error}</p>;
  const m = loaded.metadata;
  return (
    <div className="space-y-4 text-sm">
      {m.description ? <p>{m.description}</p> : null}
      <dl className="grid gap-3 sm:grid-cols-2">
        {m.security ? (
          <div>
            <dt className="text-xs text-ink-muted">Security</dt>
            <dd>{m.security}</dd>
          </div>
        ) : null}
        {m.targetNetYield !== undefined ? (
          <div>
            <dt className="text-xs text-ink-muted">Target net yield (a target, not a promise)</dt>
            <dd>
              {formatPercent(m.targetNetYield)}
              {m.targetNetYieldBasis ? <span className="text-ink-faint"> · {m.targetNetYieldBasis}</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {m.risks.length > 0 ? (
        <div>
          <h3 className="text-xs font-medium text-ink-muted">Risks</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {m.risks.map((risk) => (
              <li key={risk}>{risk}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.disclosures ? <p className="text-xs text-ink-faint">{m.disclosures}</p> : null}
      <p className="text-xs text-ink-faint" data-testid="metadata-verification">
        {loaded.verified
          ? 'This document matches the hash the pool committed to on chain.'
          : 'Warning: this document differs from the hash the pool committed to on chain.'}
      </p>
    </div>
  );
}
