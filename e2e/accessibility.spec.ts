import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const INVESTOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

// Every route, in both colour schemes, scanned by axe-core against WCAG 2.1 A and AA: no serious or
// critical violation. Moderate and minor findings are printed, not failed, so they stay visible.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`every route has no serious or critical accessibility violation (${colorScheme})`, async ({ page, stack }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    const pool = stack.manifest.contracts.FinancingPools[0]!.address;
    const routes = [
      '/',
      '/pools',
      `/pools/${pool}`,
      // A pool with senior and junior tranches, on each tranche, and the list of one tranche.
      `/pools/${stack.manifest.contracts.TranchedPools![0]!.address}`,
      `/pools/${stack.manifest.contracts.TranchedPools![1]!.address}?tranche=junior`,
      '/pools?tranche=senior',
      '/assets/1',
      '/projects',
      '/projects/1',
      '/portfolio',
      `/portfolio/${INVESTOR}`,
      `/portfolio/${INVESTOR}/statement?period=${new Date().getUTCFullYear()}`,
      `/portfolio/entity?name=Acme&wallets=${INVESTOR},0x90F79bf6EB2c4f870365E785982E1f101E93b906`,
      // The combine-wallets form with its errors.
      '/portfolio/entity?wallets=0x1234',
      '/pools/0x000000000000000000000000000000000000dEaD',
    ];
    const serious: string[] = [];
    for (const route of routes) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Charts load after the page: scan what the reader finally sees.
      await page.waitForLoadState('networkidle');
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const v of violations) {
        const line = `${route}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}×: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`;
        if (v.impact === 'serious' || v.impact === 'critical') serious.push(line);
        else console.log(line);
      }
    }
    expect(serious, serious.join('\n')).toEqual([]);
  });
}
