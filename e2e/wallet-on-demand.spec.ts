/**
 * Read-only visitors never download the wallet's code: wagmi, RainbowKit and the action panels load when a visitor
 * presses Connect (or arrives already connected), and one press is enough to reach the wallet's modal. Only
 * RainbowKit's stylesheet (rules under `[data-rk]`, which changes nothing on the page) follows hydration, so that
 * restyling the page is not part of the press (components/wallet/wallet-styles.ts).
 */
import type { Page, Response } from '@playwright/test';
import { expect, rainbowKitShort, test } from './fixtures';

// Strings only RainbowKit's code carries: the modal's wallet-option test id and its CSS reset class.
const WALLET_CODE = /rk-wallet-option|RainbowKitProvider|iekbcc0/;

/** Every script the page loads from now on, with its body. */
function collectScripts(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (res: Response) => {
    if (res.request().resourceType() === 'script') bodies.push(res.text().catch(() => ''));
  });
  return bodies;
}

for (const route of ['/', '/pools', 'pool', '/portfolio']) {
  test(`a read-only visitor of ${route} loads no wallet code`, async ({ page, stack }) => {
    const path = route === 'pool' ? `/pools/${stack.manifest.contracts.FinancingPools[0]!.address}` : route;
    const scripts = collectScripts(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The pointer over the page: a page from the page cache hydrates now (on intent), the others already have.
    await page.getByRole('heading', { level: 1 }).hover();
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((body) => WALLET_CODE.test(body))).toHaveLength(0);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Connect Wallet' })).toBeVisible();
  });
}

test('a read-only page from the page cache runs no script until the visitor shows intent', async ({ page, stack }) => {
  const path = `/pools/${stack.manifest.contracts.FinancingPools[0]!.address}?chain=${stack.chainId}`;
  const scripts = collectScripts(page);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect(await Promise.all(scripts)).toHaveLength(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
  // A press on a button before the app has hydrated is kept and carried out once it has: one press is enough.
  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  await expect.poll(async () => (await Promise.all(scripts)).length).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page
        .context()
        .cookies()
        .then((c) => c.find((x) => x.name === 'theme')?.value),
    )
    .toBe('light');
});

test('one press on a pool’s Connect loads the wallet, opens its modal, and then the deposit form', async ({
  page,
  wallet,
  stack,
}) => {
  await page.goto(`/pools/${stack.manifest.contracts.FinancingPools[0]!.address}`);
  const scripts = collectScripts(page);
  await expect(page.getByTestId('pool-actions-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Connect wallet to deposit' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('button', { name: /Test Wallet/ }).click();
  await expect(modal).toBeHidden();
  expect((await Promise.all(scripts)).some((body) => WALLET_CODE.test(body))).toBe(true);
  // The panel and the header agree on the one connection.
  await expect(page.getByLabel('Amount (USDC)')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: rainbowKitShort(wallet.account) })).toBeVisible();
});

test('a connection made on one page holds on the next, without reloading the wallet', async ({
  page,
  wallet,
  stack,
}) => {
  await page.goto('/pools');
  await wallet.connect();
  await page
    .getByRole('link', { name: /Ashburn H100 Cluster/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/pools/${stack.manifest.contracts.FinancingPools[0]!.address}`, 'i'));
  await expect(page.getByLabel('Amount (USDC)')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Connect Wallet' })).toBeHidden();
});

for (const [chosen, system] of [
  ['light', 'dark'],
  ['dark', 'light'],
] as const) {
  test(`the connect modal is ${chosen} when the reader chose ${chosen} on a ${system} system`, async ({
    page,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme: system });
    await page.context().addCookies([{ name: 'theme', value: chosen, url: baseURL! }]);
    await page.goto('/pools');
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${chosen}\\b`));
    await page.getByRole('banner').getByRole('button', { name: 'Connect Wallet' }).click();
    const modal = page.getByRole('dialog');
    await expect(modal).toBeVisible();
    // RainbowKit's modal background: white in its light theme, near black in its dark one.
    const background = await modal.evaluate((el) =>
      getComputedStyle(el.closest('[data-rk]')!).getPropertyValue('--rk-colors-modalBackground').trim(),
    );
    expect(background.toLowerCase()).toBe(chosen === 'light' ? '#fff' : '#1a1b1f');
  });
}
