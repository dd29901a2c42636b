/**
 * The production server for a host of our own (`npm start`): Next.js's own request handler, with the page cache
 * answering before it (lib/page-cache/page-front.ts). A read-only page the cache holds goes out as bytes,
 * gzipped from pieces compressed once, without Next's routing, proxy and per-response compression: that is
 * what keeps /pools and the pool pages fast under load. The build's static files are answered from memory,
 * compressed once (lib/static-assets/static-front.ts). Everything else is Next's, proxy.ts included.
 * Vercel does not run this file (it runs the build, and there the cache is off).
 *
 *   tsx server.ts [-p <port>] [-H <hostname>]     as `next start` takes them; PORT, else 3000
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import path from 'node:path';
import { answerFromPageCache } from './lib/page-cache/page-front';
import { staticAssets } from './lib/static-assets/static-front';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// As `next start` does: the page cache reaches this server at its own port (lib/page-cache/page-renderer.ts).
process.env.PORT = String(port);
(process.env as Record<string, string>).NODE_ENV ??= 'production';

async function main() {
  const app = next({ dev: false, dir: __dirname, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // next.config.ts reads the same variable for its distDir.
  const assets = staticAssets(path.join(__dirname, process.env.NEXT_DIST_DIR ?? '.next'));
  const server = createServer((req, res) => {
    assets
      .answer(req, res)
      .then((answered) => answered || answerFromPageCache(req, res))
      .catch((error: unknown) => {
        console.error('static files or page cache:', error instanceof Error ? error.message : error);
        return res.headersSent;
      })
      .then((answered) => (answered ? undefined : handle(req, res)))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  server.listen(port, hostname, () => {
    console.log(`▲ Machine Yield on http://${hostname ?? 'localhost'}:${port}`);
    void assets.warm();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
