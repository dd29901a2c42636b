/**
 * The keccak-256 a project or pool commits to for its metadata document, computed from the document's bytes where
 * the app will read them: `/metadata/…` paths from the app's public folder, https URLs fetched (http only to the
 * local host on the local chain, as the app allows). The app shows a document as verified only if the hashes
 * match, so the hash is taken from the very bytes it will fetch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keccak256, type Hex } from 'viem';
import type { Ops } from './connection';
import { OpsError } from './ops-error';

/** lib/pools/safe-fetch.ts: the app reads at most this much of a document. */
const MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

async function fetchBytes(url: URL): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new OpsError(`--metadata-uri ${url} could not be fetched: ${(error as Error).message}`);
  }
  if (!res.ok) throw new OpsError(`--metadata-uri ${url} answered HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BYTES) {
    throw new OpsError(
      `--metadata-uri ${url} is ${bytes.length} bytes: the app reads documents of at most ${MAX_BYTES}`,
    );
  }
  return bytes;
}

export async function metadataHash(ops: Ops, uri: string, given: Hex | undefined): Promise<Hex> {
  if (given) return given;
  if (uri.startsWith('/')) {
    const publicDir = path.join(ops.io.cwd, 'public');
    const file = path.resolve(publicDir, `.${uri}`);
    if (!file.startsWith(publicDir + path.sep) || !fs.existsSync(file)) {
      throw new OpsError(`--metadata-uri ${uri} is not a file under ${publicDir}: give --metadata-hash`);
    }
    return keccak256(fs.readFileSync(file));
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new OpsError(`--metadata-uri ${uri} is neither an https URL nor a /metadata/… path`);
  }
  const localHttp = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(localHttp && ops.chain.id === 31337)) {
    throw new OpsError(`--metadata-uri ${uri}: the app fetches metadata over https only`);
  }
  return keccak256(await fetchBytes(url));
}
