import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_NONCE } from './page-renderer';
import { headersWithNonce, withNonce } from './visitor-copy';

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
