/**
 * The Safe app manifest: Safe{Wallet} reads `<app>/manifest.json` from its own origin when an owner adds the
 * app (Settings → Safe Apps → Add custom app), hence the open CORS. Nothing here is secret or per visitor.
 */
export const dynamic = 'force-static';

export function GET() {
  return Response.json(
    {
      name: 'Machine Yield',
      description:
        'Finance GPU clusters and robot fleets: deposit USDC into financing pools, claim the revenue each machine earns, exit through the queue, and take period statements — from your Safe.',
      iconPath: 'safe-app-icon.svg',
    },
    {
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'X-Requested-With, content-type, Authorization',
        'cache-control': 'public, max-age=3600',
      },
    },
  );
}
