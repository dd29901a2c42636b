/**
 * A feed as both formats carry it (Atom, lib/feeds/atom-feed.ts; JSON Feed 1.1, lib/feeds/json-feed.ts): one
 * document, two spellings. Every URL is absolute, as both specifications ask.
 */
export type FeedDocument = {
  /** A stable IRI for the feed: its page's URL. */
  id: string;
  title: string;
  description: string;
  /** The page the feed is about (a pool's, a portfolio's). */
  homePageUrl: string;
  /** This feed's own URL, and its other format's. */
  atomUrl: string;
  jsonUrl: string;
  /** The newest entry's time, or the indexed block's when there is none. */
  updated: Date;
  entries: FeedEntry[];
};

export type FeedEntry = {
  /** Unique and stable for ever: the chain, the transaction and the event's place in it. */
  id: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** The page to read it on. */
  url: string;
  /** The transaction, on the chain's block explorer when it has one. */
  transactionUrl: string | null;
  transactionHash: `0x${string}`;
  published: Date;
  tags: string[];
};
