import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { keccak256, type Hex } from 'viem';
import { z } from 'zod';
import { serverEnv } from '../config/server-env';
import { safeFetch, type SafeFetchOptions } from './safe-fetch';

const poolMetadataSchema = z.object({
  operator: z.string().optional(),
  description: z.string().optional(),
  targetNetYield: z.number().optional(),
  targetNetYieldBasis: z.string().optional(),
  security: z.string().optional(),
  risks: z.array(z.string()).default([]),
  disclosures: z.string().optional(),
});
type PoolMetadata = z.infer<typeof poolMetadataSchema>;

export type LoadedPoolMetadata =
  | {
      ok: true;
      metadata: PoolMetadata;
      /** keccak256 of the document equals the hash the pool committed to */ verified: boolean;
    }
  | { ok: false; error: string };

/**
 * The pool's off-chain document (description, risks, disclosures), checked against the keccak256 hash the
 * factory recorded on chain, so an investor can tell whether what they read is what was committed.
 * Paths (`/metadata/…`, as the seed writes them) are read from the app's public folder; URLs are fetched by
 * safeFetch: https from public addresses only (http to 127.0.0.1 or localhost too on the local chain, 31337),
 * redirects re-checked, at most 256 kB within 5 s.
 */
export async function loadPoolMetadata(
  uri: string,
  committedHash: Hex,
  fetchOptions: SafeFetchOptions = { allowLocalHttp: serverEnv().CHAIN_ID === 31337 },
): Promise<LoadedPoolMetadata> {
  if (!uri) return { ok: false, error: 'This pool has published no document.' };
  let bytes: Uint8Array;
  try {
    if (uri.startsWith('/')) {
      const publicDir = path.join(process.cwd(), 'public');
      const file = path.resolve(publicDir, `.${uri}`);
      if (!file.startsWith(publicDir + path.sep)) return { ok: false, error: 'The document’s path is not valid.' };
      bytes = await fs.readFile(file);
    } else if (/^https?:\/\//i.test(uri)) {
      const fetched = await safeFetch(uri, fetchOptions);
      if (!fetched.ok) return { ok: false, error: `The document could not be fetched: ${fetched.error}.` };
      bytes = fetched.bytes;
    } else {
      return { ok: false, error: 'The document’s address is not supported.' };
    }
  } catch {
    return { ok: false, error: 'The document could not be read.' };
  }
  const parsed = poolMetadataSchema.safeParse(safeJson(new TextDecoder().decode(bytes)));
  if (!parsed.success) return { ok: false, error: 'The document is not in the expected format.' };
  return { ok: true, metadata: parsed.data, verified: keccak256(bytes) === committedHash.toLowerCase() };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
