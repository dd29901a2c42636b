import Link from 'next/link';

/** The server's reference for a failed render (Next's `digest`), which its log carries beside the stack. */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' && error.digest !== '' ? error.digest : undefined;
}

/**
 * What a visitor sees when a page fails (app/error.tsx, app/global-error.tsx): a plain sentence, a way to
 * try again and the reference to quote. The error's message and stack are shown only by `next dev`: in a
 * production build they could carry paths, addresses of private hosts or data, and they are in the log.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  const detail = process.env.NODE_ENV === 'development' && error instanceof Error ? error.message : undefined;
  return (
    <div role="alert" data-transient="" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-ink-muted">
        This page could not be shown. Nothing was sent from your wallet. Try again in a moment.
      </p>
      {digest ? (
        <p className="mt-3 text-sm text-ink-faint">
          If it keeps happening, quote reference <code className="font-mono">{digest}</code>.
        </p>
      ) : null}
      {detail ? (
        <pre className="mt-4 overflow-x-auto rounded-lg bg-surface-sunken p-3 text-left text-xs whitespace-pre-wrap">
          {detail}
        </pre>
      ) : null}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={retry} className="rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink">
          Try again
        </button>
        <Link href="/pools" className="rounded-lg border border-line px-4 py-2 font-medium">
          See the pools
        </Link>
      </div>
    </div>
  );
}
