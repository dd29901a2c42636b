import { createWalletClient, http, parseUnits, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { financingPoolAbi, mockUsdcAbi } from '../lib/contracts/abis';
import { atomProblems, jsonFeedProblems } from '../lib/feeds/feed-conformance';
import { expect, test } from './fixtures';
import { E2E_PORTS } from './ports';

/**
 * Feeds (lib/feeds): a pool's and an address's notices as Atom and JSON Feed 1.1, linked from their pages, valid
 * by their specifications, and current with the chain: a revenue distribution made now is the newest entry
 * once the block is indexed.
 */

// anvil's account 2: a seeded investor with positions in several pools, claims and a redemption request.
const INVESTOR: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

type JsonFeed = {
  items: {
    id: string;
    title: string;
    url: string;
    content_text: string;
    _machine_yield: { transaction_hash: string };
  }[];
};

test('a pool’s page links its feeds, and they are valid Atom and JSON Feed 1.1', async ({ page, request, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;
  await page.goto(`/pools/${pool}?chain=${stack.chainId}`);
  const atomHref = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  const jsonHref = await page.locator('head link[rel="alternate"][type="application/feed+json"]').getAttribute('href');
  expect(atomHref).toContain(`/pools/${pool}/feed.atom?chain=${stack.chainId}`);
  await expect(page.getByTestId('feed-links').getByRole('link', { name: 'JSON Feed' })).toHaveAttribute(
    'href',
    new URL(jsonHref!, page.url()).pathname + new URL(jsonHref!, page.url()).search,
  );

  const atom = await request.get(atomHref!);
  expect(atom.status()).toBe(200);
  expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await atom.text();
  expect(atomProblems(xml)).toEqual([]);
  expect(xml).toContain('<title>Revenue distributed: $');

  const json = await request.get(jsonHref!);
  expect(json.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
  const body = (await json.json()) as JsonFeed;
  expect(jsonFeedProblems(body)).toEqual([]);
  expect(body.items.length).toBeGreaterThan(0);
});

test('a revenue distribution made now is the newest entry of the pool’s feed', async ({ request, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;
  const usdc = stack.manifest.contracts.USDC.address;
  const assets = (await (
    await request.get(`http://127.0.0.1:${E2E_PORTS.indexer}/api/pools/${pool}/assets?chainId=${stack.chainId}`)
  ).json()) as { assets: { id: string; status: string }[] };
  const machine = assets.assets.find((a) => a.status === 'active');
  expect(machine, 'the first pool has a machine at work').toBeDefined();

  // anvil's account 11 reports revenue in the seed.
  const reporter = mnemonicToAccount('test test test test test test test test test test test junk', {
    addressIndex: 11,
  });
  const wallet = createWalletClient({ account: reporter, chain: stack.chain.chain!, transport: http(stack.rpcUrl) });
  const gross = parseUnits('4242.42', 6);
  const now = (await stack.chain.getBlock()).timestamp;
  let hash: `0x${string}` | undefined;
  for (const send of [
    () =>
      wallet.writeContract({ address: usdc, abi: mockUsdcAbi, functionName: 'mint', args: [reporter.address, gross] }),
    () => wallet.writeContract({ address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [pool, gross] }),
    () =>
      wallet.writeContract({
        address: pool,
        abi: financingPoolAbi,
        functionName: 'distributeRevenue',
        args: [BigInt(machine!.id), gross, now - 86_400n, now - 60n],
        gas: 1_000_000n,
      }),
  ]) {
    hash = await send();
    expect((await stack.chain.waitForTransactionReceipt({ hash })).status).toBe('success');
  }

  await expect
    .poll(
      async () => {
        const feed = (await (await request.get(`/pools/${pool}/feed.json?chain=${stack.chainId}`)).json()) as JsonFeed;
        return feed.items[0]?._machine_yield.transaction_hash;
      },
      { timeout: 30_000 },
    )
    .toBe(hash);
  const xml = await (await request.get(`/pools/${pool}/feed.atom?chain=${stack.chainId}`)).text();
  expect(atomProblems(xml)).toEqual([]);
  const newest = /<entry>([\s\S]*?)<\/entry>/.exec(xml)![1]!;
  expect(newest).toContain(`Transaction ${hash}.`);
  expect(newest).toMatch(/<title>Revenue distributed: \$[\d,]+\.\d{2} to \w+ holders<\/title>/);
});

test('an address’s feed holds its pools’ news and is linked from its portfolio', async ({ page, request }) => {
  await page.goto(`/portfolio/${INVESTOR}`);
  await expect(page.getByTestId('feed-links')).toBeVisible();
  const json = await request.get(`/portfolio/${INVESTOR}/feed.json`);
  expect(json.status()).toBe(200);
  const body = (await json.json()) as JsonFeed;
  expect(jsonFeedProblems(body)).toEqual([]);
  expect(body.items.length).toBeGreaterThan(0);
  expect(atomProblems(await (await request.get(`/portfolio/${INVESTOR}/feed.atom`)).text())).toEqual([]);
  // Hostile input gets a clean 404, not a 500.
  expect((await request.get('/portfolio/0xnot-an-address/feed.atom')).status()).toBe(404);
  expect((await request.get(`/pools/0x${'0'.repeat(40)}/feed.json`)).status()).toBe(404);
  expect((await request.get(`/pools/not-a-pool/feed.json?chain=999999`)).status()).toBe(404);
});
