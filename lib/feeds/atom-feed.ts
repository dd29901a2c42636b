import type { FeedDocument } from './feed-document';

/** Text for XML: the five characters that mean something there escaped, and characters XML 1.0 forbids dropped. */
function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const element = (name: string, text: string, indent: string) => `${indent}<${name}>${xmlText(text)}</${name}>`;
const link = (rel: string, href: string, type: string | null, indent: string) =>
  `${indent}<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${xmlText(href)}"/>`;

/**
 * The feed as Atom 1.0 (RFC 4287). Written out here rather than with the `feed` package: that gives an entry
 * one link, and ours has two (the page, and the transaction as `related`), and it writes JSON Feed 1.0 only.
 */
export function atomFeed(feed: FeedDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id, '  '),
    element('title', feed.title, '  '),
    element('subtitle', feed.description, '  '),
    element('updated', feed.updated.toISOString(), '  '),
    link('self', feed.atomUrl, 'application/atom+xml', '  '),
    link('alternate', feed.homePageUrl, 'text/html', '  '),
    link('alternate', feed.jsonUrl, 'application/feed+json', '  '),
    '  <author><name>Machine Yield</name></author>',
    element('generator', 'Machine Yield', '  '),
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      element('id', entry.id, '    '),
      element('title', entry.title, '    '),
      element('updated', entry.published.toISOString(), '    '),
      element('published', entry.published.toISOString(), '    '),
      link('alternate', entry.url, 'text/html', '    '),
      ...(entry.transactionUrl ? [link('related', entry.transactionUrl, null, '    ')] : []),
      element('summary', `${entry.summary} Transaction ${entry.transactionHash}.`, '    '),
      ...entry.tags.map((tag) => `    <category term="${xmlText(tag)}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
