import { expect, test } from './fixtures';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

// Every route, at both sizes, in both colour schemes: saved under test-results/screenshots for a person to
// look at, and checked for what a person would notice first (content overflowing the screen sideways).
for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every route fits a ${viewport.name} screen (${colorScheme})`, async ({ page, stack }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const pool = stack.manifest.contracts.FinancingPools[0]!.address;
      const routes = [
        { name: 'home', path: '/' },
        { name: 'pools', path: '/pools' },
        { name: 'pool', path: `/pools/${pool}` },
        // The pool with an impaired machine: its losses line and the machine's write-down and recovery.
        { name: 'pool-impaired', path: `/pools/${stack.manifest.contracts.FinancingPools[1]!.address}` },
        // Pools with senior and junior tranches: the waterfall, the subordination, each tranche's panel.
        { name: 'pool-tranched', path: `/pools/${stack.manifest.contracts.TranchedPools![0]!.address}` },
        {
          name: 'pool-tranched-junior',
          path: `/pools/${stack.manifest.contracts.TranchedPools![1]!.address}?tranche=junior`,
        },
        { name: 'pools-senior', path: '/pools?tranche=senior' },
        { name: 'asset', path: '/assets/1' },
        { name: 'projects', path: '/projects' },
        { name: 'project', path: '/projects/1' },
        { name: 'portfolio', path: '/portfolio' },
        { name: 'portfolio-investor', path: '/portfolio/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
        {
          name: 'entity',
          path: '/portfolio/entity?name=Acme+Fund+I&wallets=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,0x90F79bf6EB2c4f870365E785982E1f101E93b906,0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
        },
        // The period statement of an investor for this year so far, and of the entity for the last whole month.
        {
          name: 'statement',
          path: `/portfolio/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC/statement?period=${new Date().getUTCFullYear()}`,
        },
        {
          name: 'entity-statement',
          path: '/portfolio/entity/statement?name=Acme+Fund+I&wallets=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,0x90F79bf6EB2c4f870365E785982E1f101E93b906,0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
        },
        { name: 'not-found', path: '/pools/0x000000000000000000000000000000000000dEaD' },
      ];
      for (const route of routes) {
        await page.goto(route.path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route.path} overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `test-results/screenshots/${route.name}-${viewport.name}-${colorScheme}.png`,
          fullPage: true,
        });
      }
    });
  }
}

// RainbowKit's connect modal in the app's theme (components/wallet/wallet-theme.css): fits the screen, at each
// size and in each scheme.
for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the connect modal fits a ${viewport.name} screen (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto('/pools');
      await page.getByRole('banner').getByRole('button', { name: 'Connect Wallet' }).click();
      const modal = page.getByRole('dialog');
      await expect(modal.getByRole('heading', { name: 'Connect a Wallet' })).toBeVisible();
      // Its title and its close button on screen (the dialog element itself is wider than what it draws).
      for (const part of [
        modal.getByRole('heading', { name: 'Connect a Wallet' }),
        modal.getByRole('button', { name: 'Close' }),
      ]) {
        const box = (await part.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({ path: `test-results/screenshots/connect-modal-${viewport.name}-${colorScheme}.png` });
    });
  }
}

test('an unknown pool is a 404 page', async ({ page }) => {
  const res = await page.goto('/pools/0x000000000000000000000000000000000000dEaD');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No pool at this address' })).toBeVisible();
  const malformed = await page.goto('/pools/not-an-address');
  expect(malformed?.status()).toBe(404);
});

test('a connected wallet’s pool page on a phone', async ({ page, wallet, stack }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/pools/${stack.manifest.contracts.FinancingPools[1]!.address}`);
  await wallet.connect();
  await expect(page.getByTestId('usdc-balance')).not.toHaveText('—');
  await page.screenshot({ path: 'test-results/screenshots/pool-connected-mobile-light.png', fullPage: true });
});

test.describe('the owner’s own portfolio, connected', () => {
  // anvil's account 2: a seeded investor in several pools, with yield owed in each (only looked at here).
  test.use({ walletAccount: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' });

  for (const viewport of VIEWPORTS) {
    test(`offers to claim every pool’s yield at once (${viewport.name})`, async ({ page, wallet }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto('/portfolio/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
      await wallet.connect();
      const card = page.getByTestId('claim-all');
      await expect(card.getByRole('button', { name: /^Claim all from \d+ pools$/ })).toBeEnabled();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({
        path: `test-results/screenshots/portfolio-owner-${viewport.name}-light.png`,
        fullPage: true,
      });
    });
  }
});
