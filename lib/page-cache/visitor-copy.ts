import { PLACEHOLDER_NONCE } from './page-renderer';
import type { RenderedPage } from './page-cache';

/**
 * One visitor's copy of a cached page: the render's placeholder nonce replaced by their response's nonce, as
 * UTF-8 bytes. A page is cut at its placeholders once and the pieces kept encoded, so a copy costs a copy of
 * bytes, not an encoding of the whole page per request. (Not compressed here: Next drops a proxy response's
 * Content-Encoding, so it compresses the copy itself, as it does every page.)
 */

const encoder = new TextEncoder();
const kept = new WeakMap<RenderedPage, Uint8Array[]>();

function piecesOf(page: RenderedPage): Uint8Array[] {
  let pieces = kept.get(page);
  if (!pieces) {
    pieces = page.body.split(PLACEHOLDER_NONCE).map((part) => encoder.encode(part));
    kept.set(page, pieces);
  }
  return pieces;
}

/** The copy as UTF-8. */
export function withNonce(page: RenderedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const between = encoder.encode(nonce);
  const pieces = piecesOf(page);
  const out = new Uint8Array(
    new ArrayBuffer(pieces.reduce((n, p) => n + p.length, 0) + between.length * (pieces.length - 1)),
  );
  let at = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) {
      out.set(between, at);
      at += between.length;
    }
    out.set(piece, at);
    at += piece.length;
  });
  return out;
}

/**
 * The page's headers for this copy: Next names the nonce in its `Link` preload header too, so the placeholder is
 * replaced there as in the body.
 */
export function headersWithNonce(page: RenderedPage, nonce: string): [string, string][] {
  return page.headers.map(([name, value]) => [name, value.replaceAll(PLACEHOLDER_NONCE, nonce)]);
}
