export function IndexerUnavailable({ detail }: { detail: string }) {
  return (
    <div role="alert" data-transient="" className="rounded-xl border border-negative/30 bg-negative/5 p-6">
      <h2 className="font-semibold">These figures are unavailable right now</h2>
      <p className="mt-1 text-sm text-ink-muted">
        {detail} Figures are only shown when they can be read from the indexer, so nothing here is stale. Reload in a
        moment.
      </p>
    </div>
  );
}
