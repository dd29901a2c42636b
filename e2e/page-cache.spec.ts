import type { APIRequestContext, APIResponse } from '@playwright/test';
import { createWalletClient, http, parseUnits } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { financingPoolAbi, mockUsdcAbi } from '../lib/contracts/abis';
import { expect, test } from './fixtures';

/**
 * The page cache (lib/page-cache/, proxy.ts): read-only pages are rendered once per indexed block and served to
 * every read-only visitor, each copy with its own nonce; a new block reaches the next request.
 */

/** As a browser navigates: the page cache answers requests that accept HTML (Next's RSC fetches accept anything). */
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function nonceOf(res: APIResponse): string {
  const policy = res.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, 'script-src carries a nonce').toBeTruthy();
  return nonce!;
}

async function indexedBlock(request: APIRequestContext): Promise<bigint> {
  const res = await request.get('/api/indexer-status');
  expect(res.status()).toBe(200);
  return BigInt(((await res.json()) as { block: string }).block);
}

test('one render serves every read-only visitor, each copy with its own nonce on every script', async ({
  request,
  stack,
}) => {
  const path = `/pools/${stack.manifest.contracts.FinancingPools[0]!.address}?chain=${stack.chainId}`;
  const first = await request.get(path, { headers: HTML });
  const second = await request.get(path, { headers: HTML });
  expect(first.status()).toBe(200);
  expect(second.headers()['x-page-cache'], 'the same page, asked again in the same block').toBe('hit');
  const [a, b] = [nonceOf(first), nonceOf(second)];
  expect(a).not.toBe(b);
  const [htmlA, htmlB] = [await first.text(), await second.text()];
  for (const [html, nonce, other] of [
    [htmlA, a, b],
    [htmlB, b, a],
  ] as const) {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain(other);
  }
  // Next names the nonce in its Link preload header too: the response's own, never the render's placeholder.
  for (const [res, nonce] of [
    [first, a],
    [second, b],
  ] as const) {
    const named = [...(res.headers()['link'] ?? '').matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(n).toBe(nonce);
  }
  // The same page apart from the nonce.
  expect(htmlB.replaceAll(b, a)).toBe(htmlA);
  // The production server (server.ts) answered the kept page before Next: gzipped once per render, with the
  // headers Next would have sent.
  expect(second.headers()['content-encoding']).toBe('gzip');
  expect(second.headers()['vary']).toContain('Accept-Encoding');
  expect(second.headers()['x-content-type-options']).toBe('nosniff');
  expect(second.headers()['x-frame-options']).toBe('DENY');
});

test('any address’s portfolio is kept for every read-only visitor; a lower-case address is sent on, not kept', async ({
  request,
}) => {
  const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  await request.get(`/portfolio/${account}?kind=deposit`, { headers: HTML });
  const again = await request.get(`/portfolio/${account}?kind=deposit`, { headers: HTML });
  expect(again.status()).toBe(200);
  expect(again.headers()['x-page-cache']).toBe('hit');
  expect(await again.text()).toContain(account);

  const lower = await request.get(`/portfolio/${account.toLowerCase()}`, { headers: HTML, maxRedirects: 0 });
  expect(lower.status()).toBe(307);
  expect(lower.headers()['location']).toBe(`/portfolio/${account}`);
  const lowerAgain = await request.get(`/portfolio/${account.toLowerCase()}`, { headers: HTML, maxRedirects: 0 });
  expect(lowerAgain.headers()['x-page-cache'], 'a redirect is rendered each time, never kept').toBe('miss');
});

test('a deposit reaches the cached page with the block that indexes it', async ({ request, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;
  const usdc = stack.manifest.contracts.USDC.address;
  const path = `/pools/${pool}?chain=${stack.chainId}`;
  await request.get(path, { headers: HTML });
  expect((await request.get(path, { headers: HTML })).headers()['x-page-cache']).toBe('hit');

  // An investor the seed never used: the faucet's USDC, then a deposit of an amount no other test makes.
  const investor = mnemonicToAccount('test test test test test test test test test test test junk', {
    addressIndex: 14,
  });
  const wallet = createWalletClient({ account: investor, chain: stack.chain.chain!, transport: http(stack.rpcUrl) });
  const amount = parseUnits('313.37', 6);
  const receipts = [];
  for (const send of [
    () =>
      wallet.writeContract({ address: usdc, abi: mockUsdcAbi, functionName: 'mint', args: [investor.address, amount] }),
    () => wallet.writeContract({ address: usdc, abi: mockUsdcAbi, functionName: 'approve', args: [pool, amount] }),
    () =>
      wallet.writeContract({
        address: pool,
        abi: financingPoolAbi,
        functionName: 'deposit',
        args: [amount, investor.address],
      }),
  ]) {
    receipts.push(await stack.chain.waitForTransactionReceipt({ hash: await send() }));
  }
  expect(receipts.every((r) => r.status === 'success')).toBe(true);
  const block = receipts.at(-1)!.blockNumber;
  await expect.poll(() => indexedBlock(request), { timeout: 30_000 }).toBeGreaterThanOrEqual(block);

  // The cache reads the indexer's state once per 50 ms: the block reaches the page within that of being indexed.
  await expect
    .poll(async () => {
      const after = await request.get(path, { headers: HTML });
      return (await after.text()).includes('313.37');
    })
    .toBe(true);
});

test('a returning wallet’s page is its own, and each theme has its own copy', async ({ request }) => {
  const wallet = await request.get('/pools', {
    headers: { ...HTML, cookie: `wagmi.store=${encodeURIComponent(JSON.stringify({ state: { current: null } }))}` },
  });
  expect(wallet.status()).toBe(200);
  expect(wallet.headers()['x-page-cache'], 'rendered for this visitor, not kept').toBeUndefined();

  for (const theme of ['dark', 'light'] as const) {
    await request.get('/pools', { headers: { ...HTML, cookie: `theme=${theme}` } });
    const res = await request.get('/pools', { headers: { ...HTML, cookie: `theme=${theme}` } });
    expect(res.headers()['x-page-cache']).toBe('hit');
    expect(await res.text()).toMatch(new RegExp(`<html[^>]*class="[^"]*\\b${theme}\\b`));
  }
  const system = await request.get('/pools', { headers: HTML });
  expect(await system.text()).not.toMatch(/<html[^>]*class="[^"]*\b(dark|light)\b/);
});

test('a parameter the page does not read is rendered for the visitor, not kept', async ({ request }) => {
  const res = await request.get('/pools?utm_source=newsletter', { headers: HTML });
  expect(res.status()).toBe(200);
  expect(res.headers()['x-page-cache']).toBeUndefined();
});

test('Next’s client navigation to a cached route gets its RSC payload, never the cached HTML', async ({ page }) => {
  await page.goto('/portfolio'); // not a cached page: it hydrates on load and its links navigate in the app
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  const rsc = page.waitForResponse(
    (res) => new URL(res.url()).pathname === '/pools' && res.request().resourceType() !== 'document',
  );
  await page.getByRole('banner').getByRole('link', { name: 'Pools' }).click();
  const answer = await rsc;
  expect(answer.headers()['content-type']).toContain('text/x-component');
  expect(answer.headers()['x-page-cache']).toBeUndefined();
  await expect(page.getByRole('heading', { level: 1, name: 'Financing pools' })).toBeVisible();
  // A soft navigation: the app was not loaded again.
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
});
