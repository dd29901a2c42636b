import { expect, rainbowKitShort, test } from './fixtures';

// anvil's account 8: funded by the seed, never deposits, so it appears in no public activity list, and
// any trace of it in server HTML could only come from leaked wallet state.
const VISITOR = '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f' as const;
test.use({ walletAccount: VISITOR });

test('server HTML for a new visitor never carries a previous visitor’s wallet address', async ({
  page,
  wallet,
  browser,
  stack,
}) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;
  await page.goto(`/pools/${pool}`);
  await wallet.connect();
  await page.reload();
  // The connection survives a reload (cookie state plus the wallet's own persistence).
  await expect(page.getByRole('banner').getByRole('button', { name: rainbowKitShort(VISITOR) })).toBeVisible();
  await expect(page.getByTestId('usdc-balance')).toHaveText('$1,000,000.00');

  const fresh = await browser.newContext();
  try {
    for (const path of ['/', '/pools', `/pools/${pool}`]) {
      const res = await fresh.request.get(path);
      expect(res.status()).toBe(200);
      const html = (await res.text()).toLowerCase();
      expect(html).toContain('machine yield');
      expect(html).not.toContain(VISITOR.toLowerCase());
      expect(html).not.toContain(VISITOR.slice(2).toLowerCase());
      expect(html).not.toContain(rainbowKitShort(VISITOR).toLowerCase());
    }
  } finally {
    await fresh.close();
  }
});
