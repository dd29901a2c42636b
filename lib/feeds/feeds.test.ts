import { describe, expect, it } from 'vitest';
import type { Notice } from '../indexer/wire';
import { atomFeed } from './atom-feed';
import { atomProblems, jsonFeedProblems } from './feed-conformance';
import type { FeedDocument } from './feed-document';
import { noticeEntry, transactionUrl } from './investor-notices';
import { jsonFeed } from './json-feed';

const POOL = '0x61c36a8d610163660E21a8b7359e1Cac0C9133e1';
const TX = `0x${'ab'.repeat(32)}` as const;
const origin = 'https://machineyield.example';
const label = { name: 'Ashburn H100 <Fund> & Co', symbol: 'myASH' };

const notice = (over: Partial<Notice>): Notice => ({
  chainId: 31337,
  kind: 'revenue_distributed',
  pool: POOL,
  sourceId: 'log-1',
  account: null,
  amount: 900_000_000n,
  gross: 1_000_000_000n,
  shares: null,
  assetId: 3n,
  detail: null,
  blockNumber: 120n,
  timestamp: 1_764_600_000n,
  txHash: TX,
  logOrder: 4,
  ...over,
});

const ALL: Notice[] = [
  notice({}),
  notice({
    kind: 'redemption_filled',
    sourceId: 'f',
    account: '0x00000000000000000000000000000000000000aa',
    shares: 5n * 10n ** 18n,
    amount: 5_100_000n,
    assetId: null,
  }),
  notice({ kind: 'provision', sourceId: 'p', amount: 250_000_000n }),
  notice({ kind: 'write_down', sourceId: 'w', amount: 100_000_000n }),
  notice({ kind: 'recovery', sourceId: 'r', amount: 40_000_000n }),
  notice({
    kind: 'pool_status',
    sourceId: 's',
    detail: '{"previousStatus":"raising","status":"active"}',
    assetId: null,
    amount: null,
  }),
  notice({
    kind: 'pool_deposit_limits',
    sourceId: 'd',
    detail: '{"previousDepositCap":"1000000000000","minDeposit":"100000000"}',
    amount: 2_000_000_000_000n,
    assetId: null,
  }),
  notice({ kind: 'pool_paused', sourceId: 'x', assetId: null, amount: null }),
  notice({
    kind: 'change_scheduled',
    sourceId: 'c',
    assetId: null,
    amount: null,
    detail: JSON.stringify({
      functionName: 'setDepositLimits',
      args: '["5000000000000","100000000"]',
      readyAt: '1764700000',
    }),
  }),
  notice({ kind: 'pool_status', sourceId: 'bad', detail: 'not json', assetId: null, amount: null }),
];

const documentOf = (notices: Notice[]): FeedDocument => {
  const entries = notices.map((n) => noticeEntry(n, origin, label));
  return {
    id: `${origin}/pools/${POOL}`,
    title: `${label.name} (${label.symbol}) · Machine Yield`,
    description: 'What holders must know, "quoted" & <marked>\u0001',
    homePageUrl: `${origin}/pools/${POOL}`,
    atomUrl: `${origin}/pools/${POOL}/feed.atom?chain=31337`,
    jsonUrl: `${origin}/pools/${POOL}/feed.json?chain=31337`,
    updated: entries[0]?.published ?? new Date(0),
    entries,
  };
};

describe('investor notices in words', () => {
  const entries = ALL.map((n) => noticeEntry(n, origin, label));

  it('say what happened, to which pool and for how much', () => {
    expect(entries.map((e) => e.title)).toEqual([
      'Revenue distributed: $900.00 to myASH holders',
      'Queued exit filled: $5.10',
      'Impairment: provision on machine #3 set to $250.00',
      'Write-down: $100.00 of machine #3',
      'Recovery: $40.00 from machine #3',
      'Pool status: raising → active',
      'Deposit cap raised to $2,000,000.00',
      'Pool paused',
      'Change scheduled: Deposit cap to $5,000,000.00, minimum deposit $100.00',
      'Pool status: unknown → unknown',
    ]);
    expect(entries[0]!.summary).toContain('machine #3 earned $1,000.00');
    expect(entries[6]!.summary).toContain('(was $1,000,000.00), from $100.00 each');
    expect(entries[8]!.summary).toContain('from 2025-12-02T18:26:40Z');
  });

  it('link to the page to read them on, absolute, and are unique by transaction, kind and event', () => {
    expect(entries[0]!.url).toBe(`${origin}/pools/${POOL}?chain=31337`);
    expect(entries[2]!.url).toBe(`${origin}/assets/3?chain=31337`);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries[0]!.id).toBe(`urn:machine-yield:31337:${TX}:revenue_distributed:log-1`);
  });

  it('link the transaction on the chain’s explorer where it has one; a local chain has none', () => {
    expect(transactionUrl(31337, TX)).toBeNull();
    expect(transactionUrl(8453, TX)).toBe(`https://basescan.org/tx/${TX}`);
  });
});

describe('feeds', () => {
  it('are valid Atom 1.0, with hostile text escaped', () => {
    const xml = atomFeed(documentOf(ALL));
    expect(atomProblems(xml)).toEqual([]);
    expect(xml).toContain('Ashburn H100 &lt;Fund&gt; &amp; Co');
    expect(xml).not.toContain('\u0001');
    expect(xml.match(/<entry>/g)).toHaveLength(ALL.length);
  });

  it('are valid JSON Feed 1.1', () => {
    const body = jsonFeed(documentOf(ALL));
    expect(jsonFeedProblems(body)).toEqual([]);
    expect(body.items[0]).toMatchObject({
      title: 'Revenue distributed: $900.00 to myASH holders',
      url: `${origin}/pools/${POOL}?chain=31337`,
      date_published: '2025-12-01T14:40:00.000Z',
    });
  });

  it('an empty feed is valid too', () => {
    expect(atomProblems(atomFeed(documentOf([])))).toEqual([]);
    expect(jsonFeedProblems(jsonFeed(documentOf([])))).toEqual([]);
  });

  it('the checkers catch what readers would choke on', () => {
    expect(atomProblems('<feed><id>x</feed>')[0]).toMatch(/not well-formed/);
    expect(atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')).toEqual(
      expect.arrayContaining(['the feed has 0 <id>, not exactly one', 'the feed has no link rel="self"']),
    );
    expect(
      jsonFeedProblems({ version: 'https://jsonfeed.org/version/1', title: 't', items: [{ id: 'a' }] }).length,
    ).toBeGreaterThan(1);
  });
});
