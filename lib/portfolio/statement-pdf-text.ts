import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';

/**
 * The text a statement draws, page by page, for tests that check what it says. It reads what statementPdf
 * writes (standard fonts: WinAnsi hex strings, `<48656C6C6F> Tj`, in Flate-compressed content streams), not
 * PDFs in general.
 */
export async function statementPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
    return streams
      .map((ref) => doc.context.lookup(ref))
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => inflateSync(s.getContents()).toString('latin1'))
      .flatMap((ops) =>
        [...ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')),
      )
      .join('\n');
  });
}
