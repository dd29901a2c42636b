import { formatUnits } from 'viem';
import { financingPoolAbi } from '../lib/contracts/abis';
import { expect, test } from './fixtures';

test('an investor connects, deposits 100 USDC, and sees the position and the activity update', async ({
  page,
  wallet,
  stack,
}) => {
  await page.goto('/pools');
  await expect(page.getByRole('heading', { name: 'Financing pools' })).toBeVisible();
  await wallet.connect();

  await page.getByRole('link', { name: 'Ashburn H100 Cluster · Round 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ashburn H100 Cluster · Round 1' })).toBeVisible();
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;

  await expect(page.getByTestId('usdc-balance')).toHaveText('$1,000,000.00');
  await expect(page.getByTestId('position-value')).toHaveText('$0.00');

  await page.getByLabel('Amount (USDC)').fill('100');
  await expect(page.getByText('You receive about 100 myASH1')).toBeVisible();
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();

  const progress = page.getByRole('list', { name: 'Deposit progress' });
  await expect(progress.locator('[data-step="approve"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');

  // Position and balance, read from the chain, refresh without a reload.
  await expect(page.getByTestId('position-value')).toHaveText('$100.00');
  await expect(page.getByTestId('position-shares')).toContainText('100');
  await expect(page.getByTestId('usdc-balance')).toHaveText('$999,900.00');

  // The deposit reaches the activity list once the indexer has its block.
  const rows = page.getByTestId('activity-row');
  await expect(rows.first()).toHaveAttribute('data-kind', 'deposit');
  await expect(rows.first()).toContainText('0x7099…79C8');
  await expect(rows.first()).toContainText('+$100.00');

  // And it is real: the chain agrees.
  const shares = await stack.chain.readContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(formatUnits(shares, 18)).toBe('100');
});

test('a rejected signature is a calm message and keeps the amount typed', async ({ page, wallet }) => {
  await page.goto('/pools');
  await wallet.connect();
  await page.getByRole('link', { name: 'Rotterdam AMR Fleet · Series A' }).click();
  await page.getByLabel('Amount (USDC)').fill('250.5');
  await wallet.rejectNextRequest();
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You declined the request in your wallet' })).toContainText(
    'Nothing was sent',
  );
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('250.5');
  await expect(page.getByTestId('position-value')).toHaveText('$0.00');
});

test('an amount beyond the balance is refused before any wallet prompt', async ({ page, wallet }) => {
  await page.goto('/pools');
  await wallet.connect();
  await page.getByRole('link', { name: 'Austin L40S Inference · Round 1' }).click();
  await page.getByLabel('Amount (USDC)').fill('2000000');
  await page.getByLabel('Amount (USDC)').blur();
  await expect(page.getByText(/^That is more than your balance of \$[\d,]+\.\d\d\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deposit', exact: true })).toBeDisabled();
});

test('a closed pool says it takes no deposits and offers no form', async ({ page, wallet }) => {
  await page.goto('/pools');
  await wallet.connect();
  await page.getByRole('link', { name: 'Osaka Cleaning Robots · Series A' }).first().click();
  // A closed pool opens on its exit tab; the deposit tab explains why there is nothing to do there.
  await expect(page.getByRole('tab', { name: 'Withdraw' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Deposit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'This pool is closed' })).toBeVisible();
  await expect(page.getByLabel('Amount (USDC)')).toHaveCount(0);
});
