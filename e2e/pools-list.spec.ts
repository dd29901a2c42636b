import { E2E_PORTS } from './ports';
import { expect, test } from './fixtures';

const percent = (text: string) => (text.trim() === '—' ? -Infinity : Number.parseFloat(text));

test('filters and search narrow the list, and the URL keeps them', async ({ page }) => {
  await page.goto('/pools');
  await page.getByLabel('Category').selectOption('robotics');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/category=robotics/);
  const rows = page.getByTestId('pool-row');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText('Robotics');

  await page.goto('/pools?q=osaka&status=closed');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Osaka Cleaning Robots · Series A');

  await page.goto('/pools?q=no-such-pool');
  await expect(page.getByText('No pool matches these filters.')).toBeVisible();
});

test('sorting by 30-day real yield orders the pools by it, both ways', async ({ page }) => {
  await page.goto('/pools');
  await page.getByRole('link', { name: '30-day real yield' }).click();
  await expect(page).toHaveURL(/sort=yield&order=desc/);
  const desc = (await page.getByTestId('pool-yield').allTextContents()).map(percent);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  expect(desc.filter((y) => y > 0).length).toBeGreaterThanOrEqual(4);

  await page.getByRole('link', { name: '30-day real yield' }).click();
  await expect(page).toHaveURL(/sort=yield&order=asc/);
  const asc = (await page.getByTestId('pool-yield').allTextContents()).map(percent);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

test('the home page shows the protocol totals the indexer reports', async ({ page }) => {
  const indexer = `http://127.0.0.1:${E2E_PORTS.indexer}`;
  const { protocol } = (await (await fetch(`${indexer}/api/protocol`)).json()) as {
    protocol: { investors: number; unitsFinanced: number };
  };
  await page.goto('/');
  const totals = page.getByRole('definition').filter({ hasText: /^\d/ });
  await expect(page.getByLabel('Protocol totals')).toContainText(String(protocol.investors));
  await expect(page.getByLabel('Protocol totals')).toContainText(protocol.unitsFinanced.toLocaleString('en-US'));
  expect(await totals.count()).toBeGreaterThan(3);
  await expect(page.getByRole('heading', { name: 'Highest real yield this month' })).toBeVisible();
});
