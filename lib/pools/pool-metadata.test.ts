import fs from 'node:fs';
import path from 'node:path';
import { keccak256, zeroHash } from 'viem';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { loadPoolMetadata } = await import('./pool-metadata');

const uri = '/metadata/pools/austin-l40s-round-1.json';
const bytes = fs.readFileSync(path.join(process.cwd(), 'public', uri));

describe('loadPoolMetadata', () => {
  it('reads the pool’s document and confirms it is the one committed on chain', async () => {
    const loaded = await loadPoolMetadata(uri, keccak256(bytes));
    expect(loaded).toMatchObject({ ok: true, verified: true });
    if (loaded.ok) expect(loaded.metadata.risks.length).toBeGreaterThan(0);
  });

  it('says when the document differs from the committed hash', async () => {
    expect(await loadPoolMetadata(uri, zeroHash)).toMatchObject({ ok: true, verified: false });
  });

  it('refuses paths outside the public folder and unknown schemes, with a reason', async () => {
    expect(await loadPoolMetadata('/../package.json', zeroHash)).toMatchObject({ ok: false });
    expect(await loadPoolMetadata('ipfs://abc', zeroHash)).toMatchObject({ ok: false });
    expect(await loadPoolMetadata('', zeroHash)).toEqual({ ok: false, error: 'This pool has published no document.' });
  });
});
