/** A CSV statement as a download: UTF-8 with a byte-order mark, which Excel needs to read "·" and "é" right. */
export function csvAttachment(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

export function plainTextError(status: 404 | 503, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
