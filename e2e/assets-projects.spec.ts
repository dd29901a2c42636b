import { getAddress } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi, poolFactoryAbi } from '../lib/contracts/abis';
import { formatUsdc } from '../lib/format/usdc';
import { E2E_PORTS } from './ports';
import { expect, test } from './fixtures';

const indexer = `http://127.0.0.1:${E2E_PORTS.indexer}`;
const indexerJson = async <T>(path: string) => (await (await fetch(`${indexer}${path}`)).json()) as T;

// The registry's enums, in their Solidity order, as the app names them.
const STATUS = ['Pending', 'Active', 'In maintenance', 'Retired', 'Impaired'] as const;
const KIND = ['GPU cluster', 'Robot fleet', 'Other hardware'] as const;

test('the projects list shows every project the factory registered, with the indexer’s figures', async ({
  page,
  stack,
}) => {
  const factory = stack.manifest.contracts.PoolFactory.address;
  const count = await stack.chain.readContract({ abi: poolFactoryAbi, address: factory, functionName: 'projectCount' });
  expect(count).toBeGreaterThan(0n);
  const { projects } = await indexerJson<{
    projects: { id: string; name: string; poolCount: number; assetCount: number; tvl: string; revenueNet: string }[];
  }>('/api/projects');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const rows = page.getByTestId('project-row');
  await expect(rows).toHaveCount(Number(count));

  for (let id = 1n; id <= count; id++) {
    const onChain = await stack.chain.readContract({
      abi: poolFactoryAbi,
      address: factory,
      functionName: 'getProject',
      args: [id],
    });
    const indexed = projects.find((p) => p.id === id.toString())!;
    expect(indexed.name).toBe(onChain.name);
    const row = rows.filter({ has: page.getByRole('link', { name: onChain.name, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(onChain.category === 0 ? 'AI compute' : 'Robots as a service');
    await expect(row.getByTestId('project-pools')).toHaveText(String(indexed.poolCount));
    await expect(row.getByTestId('project-machines')).toHaveText(String(indexed.assetCount));
    await expect(row.getByTestId('project-tvl')).toHaveText(formatUsdc(BigInt(indexed.tvl)));
    await expect(row.getByTestId('project-revenue')).toHaveText(formatUsdc(BigInt(indexed.revenueNet)));
  }

  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\/1\?chain=31337$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(projects[0]!.name);
});

test('a project page lists exactly the pools the chain says are its own, and links to them', async ({
  page,
  stack,
}) => {
  const pools = stack.manifest.contracts.FinancingPools.map((p) => p.address);
  const owners = await Promise.all(
    pools.map((address) => stack.chain.readContract({ abi: financingPoolAbi, address, functionName: 'projectId' })),
  );
  const mine = pools.filter((_, i) => owners[i] === 1n);
  expect(mine.length).toBeGreaterThan(0);

  await page.goto('/projects/1');
  const cards = page.getByTestId('project-pool');
  await expect(cards).toHaveCount(mine.length);
  const hrefs = await cards.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  // Each link names the chain its pool is on.
  expect(hrefs.every((h) => h!.endsWith('?chain=31337'))).toBe(true);
  expect(hrefs.map((h) => getAddress(h!.replace('/pools/', '').replace('?chain=31337', '')))).toEqual(
    expect.arrayContaining(mine),
  );

  const name = await stack.chain.readContract({ abi: financingPoolAbi, address: mine[0]!, functionName: 'name' });
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/pools/${mine[0]}\\?chain=31337$`, 'i'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a project’s machines link to their pages', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/projects/1');
  const rows = page.getByTestId('asset-row');
  expect(await rows.count()).toBeGreaterThan(0);
  const model = (await rows.first().getByRole('link').textContent())!;
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/assets\/\d+\?chain=31337$/);
  await expect(page.getByTestId('asset-model')).toHaveText(model);
});

test('an asset page shows what the HardwareAssetRegistry says about the machine', async ({ page, stack }) => {
  const registry = stack.manifest.contracts.HardwareAssetRegistry.address;
  const count = await stack.chain.readContract({
    abi: hardwareAssetRegistryAbi,
    address: registry,
    functionName: 'assetCount',
  });
  // The first machine and the last: the seed leaves them in different states.
  for (const id of new Set([1n, count])) {
    const machine = await stack.chain.readContract({
      abi: hardwareAssetRegistryAbi,
      address: registry,
      functionName: 'getAsset',
      args: [id],
    });
    await page.goto(`/assets/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${machine.units}× ${machine.model}`);
    await expect(page.getByTestId('asset-model')).toHaveText(machine.model);
    await expect(page.getByTestId('asset-units')).toHaveText(String(machine.units));
    await expect(page.getByTestId('asset-location')).toHaveText(machine.location);
    await expect(page.getByRole('main').locator('header').getByTestId('asset-status')).toHaveText(
      STATUS[machine.status]!,
    );
    await expect(page.getByRole('main').locator('header')).toContainText(KIND[machine.kind]!);
    const poolName = await stack.chain.readContract({
      abi: financingPoolAbi,
      address: machine.pool,
      functionName: 'name',
    });
    await expect(page.getByRole('link', { name: poolName }).first()).toHaveAttribute(
      'href',
      new RegExp(`/pools/${machine.pool}\\?chain=31337$`, 'i'),
    );
  }
});

test('the revenue chart draws the indexer’s series and its tooltip shows exact amounts', async ({ page }) => {
  const { series } = await indexerJson<{ series: { revenueNet: string }[] }>(
    '/api/assets/1/series?interval=week&days=180',
  );
  const amounts = series.filter((p) => p.revenueNet !== '0').map((p) => formatUsdc(BigInt(p.revenueNet)));
  expect(amounts.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/assets/1');
  const chart = page.getByRole('figure', { name: 'Net revenue per week' });
  // Drawn with the page as SVG, one bar per week with revenue, each titled with its exact amount.
  await expect(chart.locator('rect.chart-bar')).toHaveCount(amounts.length);
  await expect(chart.locator('rect.chart-bar').last().locator('title')).toContainText(amounts.at(-1)!);
  await expect(page.getByRole('figure', { name: 'Utilization per week' }).locator('path')).not.toHaveCount(0);

  // Pointing at it loads the interactive chart, whose tooltip shows exact amounts too.
  await chart.hover();
  await expect(chart).toHaveAttribute('data-interactive', 'true');
  const bars = chart.locator('.recharts-bar-rectangle');
  await expect(bars).toHaveCount(amounts.length);
  await bars.last().hover();
  const tooltip = chart.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/\$[\d,]+\.\d\d/);
  const shown = (await tooltip.textContent())!.match(/\$[\d,]+\.\d\d/)![0];
  expect(amounts).toContain(shown);

  await page.getByRole('group', { name: 'Chart interval' }).getByRole('link', { name: 'Month' }).click();
  await expect(page).toHaveURL(/interval=month/);
  // Still interactive after the switch (the chart code is loaded): Recharts draws the new buckets.
  await expect(
    page
      .getByRole('figure', { name: 'Net revenue per month' })
      .locator('rect.chart-bar, .recharts-bar-rectangle')
      .first(),
  ).toBeVisible();
});

test('an unknown or malformed asset or project id is a 404 page', async ({ page, stack }) => {
  const count = await stack.chain.readContract({
    abi: hardwareAssetRegistryAbi,
    address: stack.manifest.contracts.HardwareAssetRegistry.address,
    functionName: 'assetCount',
  });
  const unknown = await page.goto(`/assets/${count + 1n}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'No machine with this id' })).toBeVisible();
  for (const path of ['/assets/abc', '/assets/0', '/assets/-1']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }

  const projects = await stack.chain.readContract({
    abi: poolFactoryAbi,
    address: stack.manifest.contracts.PoolFactory.address,
    functionName: 'projectCount',
  });
  expect((await page.goto(`/projects/${projects + 1n}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'No project with this id' })).toBeVisible();
  expect((await page.goto('/projects/not-a-number'))?.status()).toBe(404);
});
