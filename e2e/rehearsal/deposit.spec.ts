/**
 * The production rehearsal, seen by an investor: the pool that the production deploy command and the
 * operators' command line put on a chain with Base Sepolia's id is listed, its revenue period is there, and a
 * deposit through the wallet (a permit signed in Circle-style USDC's own domain) is indexed.
 */
import { erc20Abi, formatUnits, parseAbi } from 'viem';
import { financingPoolAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { REHEARSAL_MARKET } from '../../scripts/rehearsal/world';
import { expect, test } from '../fixtures';

const POOL_NAME = REHEARSAL_MARKET.pool.name;

test('the app runs on the rehearsal chain and names it', async ({ page, request }) => {
  const health = await request.get('/api/health');
  const report = (await health.json()) as { ok: boolean; chainId: number };
  expect(report, 'the RPC answers and the indexer on PostgreSQL keeps up').toMatchObject({ ok: true, chainId: 84532 });
  expect(health.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);

  await page.goto('/pools');
  await expect(page.getByRole('link', { name: POOL_NAME })).toBeVisible();
});

test('an investor connects on Base Sepolia, deposits with a permit, and sees the deposit indexed', async ({
  page,
  wallet,
  stack,
}) => {
  // Created by the command line after the manifest was written: the factory knows it, as the indexer does.
  const pool = await stack.chain.readContract({
    address: stack.manifest.contracts.PoolFactory.address,
    abi: poolFactoryAbi,
    functionName: 'pools',
    args: [0n],
  });
  const usdc = stack.manifest.contracts.USDC.address;
  // Circle's USDC has no ERC-5267 domain: the app must sign in the one its DOMAIN_SEPARATOR() commits to.
  await expect(
    stack.chain.readContract({
      address: usdc,
      abi: parseAbi(['function eip712Domain() view returns (bytes1,string,string,uint256,address,bytes32,uint256[])']),
      functionName: 'eip712Domain',
    }),
  ).rejects.toThrow();
  const balanceBefore = await stack.chain.readContract({
    address: usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [wallet.account],
  });

  await page.goto('/pools');
  await wallet.connect();
  await page.getByRole('link', { name: POOL_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: POOL_NAME })).toBeVisible();
  // The revenue period the reporter distributed from a CSV through the command line.
  await expect(
    page
      .getByTestId('activity-row')
      .filter({ hasText: /revenue/i })
      .first(),
  ).toBeVisible();

  await page.getByLabel('Amount (USDC)').fill('1500');
  await page.getByLabel(/Approve by signature/).check();
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  const progress = page.getByRole('list', { name: 'Deposit progress' });
  await expect(progress.locator('[data-step="approve"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');

  const rows = page.getByTestId('activity-row');
  await expect(rows.first()).toHaveAttribute('data-kind', 'deposit');
  await expect(rows.first()).toContainText('+$1,500.00');
  await expect(page.getByTestId('position-value')).toHaveText('$1,500.00');

  // The chain agrees, and the indexer has the position.
  const shares = await stack.chain.readContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(shares).toBeGreaterThan(0n);
  const balanceAfter = await stack.chain.readContract({
    address: usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(formatUnits(balanceBefore - balanceAfter, 6)).toBe('1500');
  await page.goto(`/portfolio/${wallet.account}`);
  const position = page.getByTestId('position-row').filter({ hasText: POOL_NAME });
  await expect(position).toContainText('1,500');
  await expect(position).toContainText('$1,500.00');
  await expect(page.getByTestId('history-row').filter({ hasText: POOL_NAME })).toHaveAttribute('data-kind', 'deposit');
});
