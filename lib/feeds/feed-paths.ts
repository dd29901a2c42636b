export type FeedFormat = 'atom' | 'json';

/** Where a page's feeds live: beside it, `feed.atom` and `feed.json`, with the page's own query (its chain). */
export function feedPaths(pagePath: string): Record<FeedFormat, string> {
  const [path, query] = pagePath.split('?');
  const search = query ? `?${query}` : '';
  return { atom: `${path}/feed.atom${search}`, json: `${path}/feed.json${search}` };
}
