import type { FeedDocument } from './feed-document';

/** The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: FeedDocument) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.jsonUrl,
    description: feed.description,
    authors: [{ name: 'Machine Yield' }],
    language: 'en',
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      ...(entry.transactionUrl ? { external_url: entry.transactionUrl } : {}),
      title: entry.title,
      content_text: `${entry.summary} Transaction ${entry.transactionHash}.`,
      summary: entry.summary,
      date_published: entry.published.toISOString(),
      tags: entry.tags,
      _machine_yield: { transaction_hash: entry.transactionHash },
    })),
  };
}
