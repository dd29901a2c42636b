import 'server-only';
import { plainText } from '../portfolio/statement-response';
import type { NextRequest } from 'next/server';
import { poolHref } from '../chain/chain-routes';
import { servedChain } from '../config/server-env';
import { getAccountPositions, poolLabels } from '../indexer/accounts';
import { readIndexer } from '../indexer/client';
import { getAccountNotices, getPoolNotices } from '../indexer/notices';
import { getPool } from '../indexer/pools';
import type { IndexedAt, Notice } from '../indexer/wire';
import { poolKey } from '../chain/pool-key';
import { entityPath, parseEntity } from '../portfolio/entity';
import { parsePortfolioAddress, portfolioPath } from '../portfolio/portfolio-address';
import type { Address } from 'viem';
import { shortAddress } from '../format/address';
import { atomFeed } from './atom-feed';
import { feedPaths, type FeedFormat } from './feed-paths';
export type { FeedFormat };
import type { FeedDocument } from './feed-document';
import { noticeEntry, type PoolLabel } from './investor-notices';
import { jsonFeed } from './json-feed';

/** The feed of the pool at `rawAddress` on the chain `?chain=` names: 404 for no such pool, 503 if the indexer is down. */
export async function poolFeedResponse(request: NextRequest, rawAddress: string, format: FeedFormat) {
  const chain = servedChain(request.nextUrl.searchParams.get('chain') ?? undefined);
  if (!chain) return plainText(404, 'This app does not serve that chain.');
  const read = await readIndexer(async () => {
    const pool = await getPool(chain.id, rawAddress);
    if (!pool) return null;
    const { notices, indexed } = await getPoolNotices(chain.id, pool.address);
    const labels = new Map([[poolKey(chain.id, pool.address), { name: pool.name, symbol: pool.symbol }]]);
    return document(request, poolHref(chain.id, pool.address), notices, indexed, labels, {
      title: `${pool.name} (${pool.symbol}) · Machine Yield`,
      description: `What holders of ${pool.symbol} must know: revenue distributed, queued exits filled, impairments, write-downs and recoveries, status and deposit-cap changes, and changes scheduled on the timelock.`,
    });
  });
  if (!read.ok) return plainText(503, `${read.error} Try again in a moment.`);
  if (!read.data) return plainText(404, 'No pool lives at that address on this chain.');
  return feedBody(read.data, format);
}

/** The feed of an address's portfolio: the news of every pool it holds or held, and its own exits filled. */
export async function accountFeedResponse(request: NextRequest, rawAddress: string, format: FeedFormat) {
  const account = parsePortfolioAddress(rawAddress);
  if (!account) return plainText(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  return walletsFeed(request, [account], format, portfolioPath(account), {
    title: `Portfolio ${shortAddress(account)} · Machine Yield`,
    description: `What the holder of ${account} must know of the pools it holds or held: revenue distributed, its queued exits filled, impairments, write-downs and recoveries, status and deposit-cap changes, and changes scheduled.`,
  });
}

/** The feed of an entity (lib/portfolio/entity.ts): its wallets' pools' news, and their own exits filled. */
export async function entityFeedResponse(request: NextRequest, format: FeedFormat) {
  const parsed = parseEntity(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.ok) return plainText(400, parsed.errors.join(' '));
  const { entity } = parsed;
  return walletsFeed(request, entity.wallets, format, entityPath(entity), {
    title: `${entity.name} · Machine Yield`,
    description: `What ${entity.name} must know of the pools its ${entity.wallets.length} wallets hold or held: revenue distributed, its queued exits filled, impairments, write-downs and recoveries, status and deposit-cap changes, and changes scheduled.`,
  });
}

async function walletsFeed(
  request: NextRequest,
  wallets: Address[],
  format: FeedFormat,
  pagePath: string,
  text: { title: string; description: string },
) {
  const read = await readIndexer(async () => {
    const [{ notices, indexed }, { positions }] = await Promise.all([
      getAccountNotices(wallets),
      getAccountPositions(wallets),
    ]);
    const labels = await poolLabels(positions, notices);
    return document(request, pagePath, notices, indexed, labels, text);
  });
  if (!read.ok) return plainText(503, `${read.error} Try again in a moment.`);
  return feedBody(read.data, format);
}

function document(
  request: NextRequest,
  pagePath: string,
  notices: Notice[],
  indexed: IndexedAt,
  labels: Map<string, PoolLabel>,
  text: { title: string; description: string },
): FeedDocument {
  const origin = request.nextUrl.origin;
  const home = new URL(pagePath, origin).toString();
  const paths = feedPaths(pagePath);
  const entries = notices.map((n) => noticeEntry(n, origin, labels.get(poolKey(n.chainId, n.pool))));
  return {
    id: home,
    ...text,
    homePageUrl: home,
    atomUrl: new URL(paths.atom, origin).toString(),
    jsonUrl: new URL(paths.json, origin).toString(),
    updated: entries[0]?.published ?? new Date(Number(indexed.timestamp) * 1000),
    entries,
  };
}

function feedBody(feed: FeedDocument, format: FeedFormat): Response {
  const headers = {
    // Readers poll: a minute is fresher than any of them asks for, and spares the indexer.
    'cache-control': 'public, max-age=60',
    'content-type': format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/feed+json; charset=utf-8',
  };
  return new Response(format === 'atom' ? atomFeed(feed) : JSON.stringify(jsonFeed(feed), null, 2), { headers });
}
