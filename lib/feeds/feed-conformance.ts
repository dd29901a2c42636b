/**
 * What a feed must be to be read by any reader: Atom 1.0 by RFC 4287's rules, JSON Feed by version 1.1's.
 * Each check returns the problems it finds (none for a valid feed). Used by the unit tests on built feeds and by
 * the end-to-end tests on the served ones.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const absoluteUrl = z.string().refine((value) => {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'an absolute URL');
const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);

type XmlNode = Record<string, unknown>;
const list = (value: unknown): XmlNode[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' ? (v as XmlNode) : { '#text': v }));
const text = (node: XmlNode | undefined) => (node === undefined ? undefined : String(node['#text'] ?? ''));

/** RFC 4287's requirements of a feed and its entries that a reader depends on. */
export function atomProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    alwaysCreateTextNode: true,
  }).parse(xml) as XmlNode;
  const feed = doc.feed as XmlNode | undefined;
  if (!feed) return ['the root element is not <feed>'];
  const problems: string[] = [];
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('the feed is not in the Atom namespace');
  const one = (parent: XmlNode, name: string, where: string) => {
    const found = list(parent[name]);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}>, not exactly one`);
    return found[0];
  };
  const feedId = text(one(feed, 'id', 'the feed'));
  if (feedId !== undefined && !isIri(feedId)) problems.push('the feed id is not an IRI');
  one(feed, 'title', 'the feed');
  const updated = text(one(feed, 'updated', 'the feed'));
  if (updated !== undefined && !RFC3339.test(updated))
    problems.push(`the feed's updated "${updated}" is not an RFC 3339 date`);
  const links = list(feed.link);
  if (!links.some((l) => l['@rel'] === 'self')) problems.push('the feed has no link rel="self"');
  for (const l of links)
    if (!absoluteUrl.safeParse(l['@href']).success) problems.push(`link ${String(l['@href'])} is not absolute`);
  const feedAuthor = list(feed.author).length > 0;
  const ids = new Set<string>();
  list(feed.entry).forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const id = text(one(entry, 'id', where));
    if (id !== undefined) {
      if (!isIri(id)) problems.push(`${where}: id "${id}" is not an IRI`);
      if (ids.has(id)) problems.push(`${where}: id "${id}" is not unique`);
      ids.add(id);
    }
    one(entry, 'title', where);
    const entryUpdated = text(one(entry, 'updated', where));
    if (entryUpdated !== undefined && !RFC3339.test(entryUpdated))
      problems.push(`${where}: updated is not an RFC 3339 date`);
    const entryLinks = list(entry.link);
    // Without content, an entry must link to its alternate and have a summary (RFC 4287, 4.1.2).
    if (entry.content === undefined) {
      if (!entryLinks.some((l) => (l['@rel'] ?? 'alternate') === 'alternate'))
        problems.push(`${where}: no alternate link`);
      if (entry.summary === undefined) problems.push(`${where}: no summary`);
    }
    for (const l of entryLinks)
      if (!absoluteUrl.safeParse(l['@href']).success) problems.push(`${where}: link not absolute`);
    if (!feedAuthor && list(entry.author).length === 0) problems.push(`${where}: no author, and the feed has none`);
  });
  return problems;
}

const jsonFeedItem = z
  .object({
    id: z.string().min(1),
    url: absoluteUrl.optional(),
    external_url: absoluteUrl.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    date_published: z.string().regex(RFC3339).optional(),
    date_modified: z.string().regex(RFC3339).optional(),
    tags: z.array(z.string()).optional(),
  })
  .refine(
    (item) => item.content_html !== undefined || item.content_text !== undefined,
    'an item has content_html or content_text',
  );

const jsonFeed11 = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: absoluteUrl.optional(),
  feed_url: absoluteUrl.optional(),
  description: z.string().optional(),
  authors: z.array(z.object({ name: z.string().optional(), url: absoluteUrl.optional() })).optional(),
  language: z.string().optional(),
  items: z.array(jsonFeedItem),
});

/** JSON Feed 1.1's requirements, and that custom keys are extensions (they start with an underscore). */
export function jsonFeedProblems(body: unknown): string[] {
  const parsed = jsonFeed11.safeParse(body);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const known = new Set([
    ...Object.keys(jsonFeed11.shape),
    'icon',
    'favicon',
    'next_url',
    'user_comment',
    'expired',
    'hubs',
  ]);
  const itemKeys = new Set([
    'id',
    'url',
    'external_url',
    'title',
    'content_html',
    'content_text',
    'summary',
    'image',
    'banner_image',
    'date_published',
    'date_modified',
    'authors',
    'tags',
    'language',
    'attachments',
  ]);
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!known.has(key) && !key.startsWith('_')) problems.push(`unknown top-level key ${key}`);
  const items = Array.isArray(record.items) ? (record.items as Record<string, unknown>[]) : [];
  const ids = new Set<string>();
  items.forEach((item, i) => {
    for (const key of Object.keys(item))
      if (!itemKeys.has(key) && !key.startsWith('_')) problems.push(`item ${i + 1}: unknown key ${key}`);
    if (typeof item.id === 'string') {
      if (ids.has(item.id)) problems.push(`item ${i + 1}: id not unique`);
      ids.add(item.id);
    }
  });
  return problems;
}
