import type { VercelDeployment } from '@/lib/config/server-env';

/** Vercel's commit sha is the full 40 characters; seven identify it as git prints it. */
const SHORT_SHA = 7;

/**
 * The band across the top of every page of a Vercel preview: it names the chains the preview reads and the
 * branch and commit it was built from, so nobody mistakes a pull request's site (or its testnet pools) for
 * production. Renders nothing in production, locally, or anywhere VERCEL_ENV is not `preview`.
 */
export function PreviewRibbon({
  deployment,
  chains,
}: {
  deployment: VercelDeployment;
  chains: { name: string; id: number }[];
}) {
  if (deployment.VERCEL_ENV !== 'preview') return null;
  const branch = deployment.VERCEL_GIT_COMMIT_REF;
  const commit = deployment.VERCEL_GIT_COMMIT_SHA?.slice(0, SHORT_SHA);
  return (
    <aside aria-label="Preview deployment" className="bg-amber-300 text-amber-950" data-testid="preview-ribbon">
      <p className="mx-auto max-w-6xl px-4 py-1.5 text-center text-sm font-medium break-words sm:px-6">
        <strong className="font-semibold">Preview deployment</strong> ·{' '}
        {chains.map((chain) => `${chain.name} (chain id ${chain.id})`).join(' and ')}
        {branch ? (
          <>
            {' '}
            · branch <code className="font-mono text-xs">{branch}</code>
          </>
        ) : null}
        {commit ? (
          <>
            {' '}
            · commit <code className="font-mono text-xs">{commit}</code>
          </>
        ) : null}
      </p>
    </aside>
  );
}
