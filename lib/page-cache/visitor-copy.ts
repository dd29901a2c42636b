import { constants, crc32, deflateRawSync } from 'node:zlib';
import { PLACEHOLDER_NONCE } from './page-renderer';
import type { RenderedPage } from './page-cache';

/**
 * One visitor's copy of a cached page: the render's placeholder nonce replaced by their response's nonce, as
 * UTF-8 bytes, or gzipped. A page is cut at its placeholders once and the pieces kept encoded (and compressed,
 * once, when first asked for gzip), so a copy costs a copy of bytes, not an encoding or a compression of the
 * whole page per request.
 */

const encoder = new TextEncoder();
const kept = new WeakMap<RenderedPage, Uint8Array[]>();
const keptCompressed = new WeakMap<RenderedPage, Uint8Array[]>();

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
 * The copy gzipped (RFC 1952), the nonce differing per visitor: each piece of the page is deflated once, on its
 * own, ending on a byte boundary (a sync flush) without the final-block bit; a copy is those pieces with the
 * nonce between them as stored (uncompressed) deflate blocks, a final empty block, and the CRC-32 and length of
 * this copy's text. Any gzip reader inflates it to withNonce's bytes; the pieces lose only the back-references
 * across a nonce, a few bytes.
 */
export function gzippedWithNonce(page: RenderedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const between = encoder.encode(nonce);
  const pieces = piecesOf(page);
  let compressed = keptCompressed.get(page);
  if (!compressed) {
    compressed = pieces.map((piece) => deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH }));
    keptCompressed.set(page, compressed);
  }
  // A stored block: header bits 000 (not final, stored) padded to the byte, then LEN and its ones' complement.
  const stored = new Uint8Array(5 + between.length);
  stored.set([0, between.length & 0xff, between.length >> 8, ~between.length & 0xff, (~between.length >> 8) & 0xff]);
  stored.set(between, 5);
  const HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
  const FINAL_EMPTY_BLOCK = [1, 0, 0, 0xff, 0xff];
  let crc = 0;
  let length = 0;
  const parts: ArrayLike<number>[] = [HEADER];
  pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(stored);
      crc = crc32(between, crc);
      length += between.length;
    }
    parts.push(compressed[i]!);
    // Skipped when empty: Node 20's crc32 of an empty TextEncoder array returns 0, not the CRC it was given.
    if (piece.length > 0) crc = crc32(piece, crc);
    length += piece.length;
  });
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc >>> 0, true);
  new DataView(trailer.buffer).setUint32(4, length >>> 0, true);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  const out = new Uint8Array(new ArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The page's headers for this copy: Next names the nonce in its `Link` preload header too, so the placeholder is
 * replaced there as in the body.
 */
export function headersWithNonce(page: RenderedPage, nonce: string): [string, string][] {
  return page.headers.map(([name, value]) => [name, value.replaceAll(PLACEHOLDER_NONCE, nonce)]);
}
