import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_NONCE } from './page-renderer';
import { gunzipSync } from 'node:zlib';
import { gzippedWithNonce, headersWithNonce, withNonce } from './visitor-copy';

const page = (body: string) => ({ status: 200, headers: [['content-type', 'text/html']] as [string, string][], body });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('withNonce', () => {
  it('puts the visitor’s nonce wherever the render put the placeholder, at either end and side by side', () => {
    for (const body of [
      `<script nonce="${PLACEHOLDER_NONCE}">a</script><p>Zürich · 5 €</p><script nonce="${PLACEHOLDER_NONCE}">b</script>`,
      `${PLACEHOLDER_NONCE}starts and ends with it${PLACEHOLDER_NONCE}`,
      `${PLACEHOLDER_NONCE}${PLACEHOLDER_NONCE}`,
      'no nonce at all',
      '',
    ]) {
      const p = page(body);
      for (const nonce of ['abc+/==', 'Il5lf2+H/60WWh0njNobpQ==']) {
        expect(text(withNonce(p, nonce))).toBe(body.replaceAll(PLACEHOLDER_NONCE, nonce));
      }
    }
  });

  it('never hands out the placeholder', () => {
    const p = page(`<script nonce="${PLACEHOLDER_NONCE}"></script>`.repeat(50));
    expect(text(withNonce(p, 'fresh'))).not.toContain(PLACEHOLDER_NONCE);
  });
});

describe('gzippedWithNonce', () => {
  it('inflates, with any gzip reader, to exactly the copy withNonce makes', () => {
    const long = `<p>${'Ashburn H100 Cluster · Round 1 — 1,250,000.00 USDC '.repeat(1000)}</p>`;
    for (const body of [
      `<script nonce="${PLACEHOLDER_NONCE}">a</script>${long}<script nonce="${PLACEHOLDER_NONCE}">b</script>`,
      `${PLACEHOLDER_NONCE}${long}${PLACEHOLDER_NONCE}`,
      `${PLACEHOLDER_NONCE}${PLACEHOLDER_NONCE}`,
      long,
      '',
    ]) {
      const p = page(body);
      for (const nonce of ['Il5lf2+H/60WWh0njNobpQ==', 'another+nonce/x==']) {
        const gz = gzippedWithNonce(p, nonce);
        expect(gunzipSync(gz).equals(withNonce(p, nonce))).toBe(true);
        expect(Buffer.from(gz).includes(Buffer.from(PLACEHOLDER_NONCE))).toBe(false);
      }
    }
  });

  it('compresses as a page should', () => {
    const p = page(
      `<script nonce="${PLACEHOLDER_NONCE}"></script>${'<tr><td>pool</td><td>1,000 USDC</td></tr>'.repeat(5000)}`,
    );
    expect(gzippedWithNonce(p, 'n').length).toBeLessThan(withNonce(p, 'n').length / 20);
  });
});

describe('headersWithNonce', () => {
  it('replaces the placeholder in the headers too: Next names the nonce in its Link preloads', () => {
    const p = {
      ...page(''),
      headers: [
        ['content-type', 'text/html'],
        ['link', `</_next/static/media/inter.woff2>; rel=preload; as="font"; nonce="${PLACEHOLDER_NONCE}"`],
      ] as [string, string][],
    };
    const headers = headersWithNonce(p, 'fresh');
    expect(headers).toEqual([
      ['content-type', 'text/html'],
      ['link', '</_next/static/media/inter.woff2>; rel=preload; as="font"; nonce="fresh"'],
    ]);
    expect(JSON.stringify(headers)).not.toContain(PLACEHOLDER_NONCE);
  });
});
