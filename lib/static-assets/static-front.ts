import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { acceptsEncoding } from '../page-cache/page-front';
import { FIXED_SECURITY_HEADERS } from '../security/content-security-policy';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const PREFIX = '/_next/static/';

/** The types the build writes under static/; anything else is left to Next. */
const TYPES: Record<string, { type: string; compress: boolean }> = {
  '.js': { type: 'application/javascript; charset=UTF-8', compress: true },
  '.css': { type: 'text/css; charset=UTF-8', compress: true },
  '.json': { type: 'application/json; charset=UTF-8', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.txt': { type: 'text/plain; charset=UTF-8', compress: true },
  '.woff2': { type: 'font/woff2', compress: false },
  '.woff': { type: 'font/woff', compress: false },
  '.png': { type: 'image/png', compress: false },
  '.jpg': { type: 'image/jpeg', compress: false },
  '.webp': { type: 'image/webp', compress: false },
  '.ico': { type: 'image/x-icon', compress: false },
};

type Asset = {
  type: string;
  etag: string;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
};

/**
 * The build's static files (`/_next/static/…`: the JavaScript chunks, the CSS, the fonts), answered by the
 * production server (server.ts) from memory, compressed once per file: gzip at its best level and Brotli at
 * its best quality, both on the thread pool (Brotli for clients that take it, over HTTPS). Next's own static handler reads the file and gzips it again on
 * every request, one after another on the event loop; a press on Connect asks for nine chunks at once, and
 * that queue was a third of the wait for the wallet's modal. The files are immutable (their names are their
 * content's hash), so each is read once for the life of the process; a path that is not a file is Next's to
 * answer (its 404), and is never remembered, so requests for made-up names cost no memory.
 */
export function staticAssets(distDir: string) {
  const root = path.resolve(distDir, 'static');
  const assets = new Map<string, Promise<Asset | null>>();

  const load = async (file: string, compress: boolean, type: string): Promise<Asset | null> => {
    const identity = await readFile(file).catch(() => null);
    if (!identity) return null;
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
    if (!compress) return { type, etag, identity };
    const asset: Asset = { type, etag, identity, gzip: await gzipAsync(identity, { level: 9 }) };
    // Brotli's best quality takes half a second for the largest chunk: gzip answers until it is ready.
    void brotliAsync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }).then(
      (br) => (asset.br = br),
      () => undefined,
    );
    return asset;
  };

  const lookup = (file: string, kind: { type: string; compress: boolean }) => {
    let pending = assets.get(file);
    if (!pending) {
      pending = load(file, kind.compress, kind.type).then((asset) => {
        if (!asset) assets.delete(file);
        return asset;
      });
      assets.set(file, pending);
    }
    return pending;
  };

  /** Reads and gzips every file the build wrote, one at a time, so the first visitors find them ready. */
  const warm = async () => {
    const files = await readdir(root, { recursive: true }).catch(() => [] as string[]);
    for (const relative of files) {
      const kind = TYPES[path.extname(relative).toLowerCase()];
      if (kind) await lookup(path.join(root, relative), kind);
    }
  };

  /** Answers `req` when it asks for a file the build wrote under static/: true when it did. */
  const answer = async function answerStaticAsset(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith(PREFIX)) return false;
    const relative = assetPath(req.url.slice(PREFIX.length));
    if (!relative) return false;
    const kind = TYPES[path.extname(relative).toLowerCase()];
    if (!kind) return false;
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep)) return false;
    const asset = await lookup(file, kind);
    if (!asset) return false;
    const accept = headerValue(req.headers['accept-encoding']);
    const [encoding, body] =
      asset.br && acceptsEncoding(accept, 'br')
        ? ['br', asset.br]
        : asset.gzip && acceptsEncoding(accept, 'gzip')
          ? ['gzip', asset.gzip]
          : [undefined, asset.identity];
    for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-type', asset.type);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('etag', asset.etag);
    if (asset.gzip) res.setHeader('vary', 'Accept-Encoding');
    if (headerValue(req.headers['if-none-match']) === asset.etag) {
      res.writeHead(304).end();
      return true;
    }
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
  return { answer, warm };
}

/**
 * The file a request names below /_next/static/, or null: the query dropped, percent-decoding that fails or
 * names a separator, a dot segment or NUL refused (Next answers those, with its 404).
 */
export function assetPath(target: string): string | null {
  const names: string[] = [];
  for (const segment of target.split(/[?#]/, 1)[0]!.split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (!name || name === '.' || name === '..' || /[\\/\0]/.test(name)) return null;
    names.push(name);
  }
  return names.join('/');
}

function headerValue(value: string | string[] | undefined): string | null {
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
