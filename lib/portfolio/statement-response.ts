import 'server-only';
import type { Address } from 'viem';
import { readIndexer } from '../indexer/client';
import { parsePortfolioAddress } from './portfolio-address';

/**
 * A portfolio statement download (CSV or PDF) for the address in the URL: 404 when it is not an address,
 * 503 saying why when the indexer cannot answer, never a partial file.
 */
export async function statementResponse(
  rawAddress: string,
  build: (account: Address) => Promise<Response>,
): Promise<Response> {
  const account = parsePortfolioAddress(rawAddress);
  if (!account) return plainText(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  const read = await readIndexer(() => build(account));
  return read.ok ? read.data : plainText(503, `${read.error} No statement was produced; try again in a moment.`);
}

/** A CSV statement as a download: UTF-8 with a byte-order mark, which Excel needs to read "·" and "é" right. */
export function csvAttachment(csv: string, filename: string): Response {
  return attachment(`\uFEFF${csv}`, 'text/csv; charset=utf-8', filename);
}

export function pdfAttachment(pdf: Uint8Array, filename: string): Response {
  return attachment(Buffer.from(pdf), 'application/pdf', filename);
}

function attachment(body: BodyInit, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

/** A short reason in plain text, never cached: what a download or a feed answers instead of a partial file. */
export function plainText(status: 400 | 404 | 503, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
