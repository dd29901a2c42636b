import { createTestClient, createWalletClient, http, parseUnits, type Address } from 'viem';
import { foundry } from 'viem/chains';
import { financingPoolAbi, mockUsdcAbi } from '../lib/contracts/abis';
import { formatUsdc } from '../lib/format/usdc';
import { sendWithGasMargin } from '../scripts/stack/contract-write';
import { expect, test } from './fixtures';

/** anvil's account 2: an investor of the seeded world, with revenue to claim in every pool it holds. */
const INVESTOR: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/** anvil's account 10: the pools' manager in the seeded world (records repayments). */
const MANAGER: Address = '0xBcd4042DE499D14e55001CcbB24a551F3b954096';

const POOL = { ash1: 0, rotA: 1, aus1: 2, ash2: 5 } as const;

test.describe('an investor with revenue to claim', () => {
  test.use({ walletAccount: INVESTOR });

  test('claims the real yield in one click, is paid in USDC, and sees the claim in the list', async ({
    page,
    wallet,
    stack,
  }) => {
    const pool = stack.manifest.contracts.FinancingPools[POOL.ash1]!.address;
    const usdc = stack.manifest.contracts.MockUSDC.address;
    const balanceBefore = await stack.chain.readContract({
      abi: mockUsdcAbi,
      address: usdc,
      functionName: 'balanceOf',
      args: [INVESTOR],
    });
    await page.goto(`/pools/${pool}`);
    await wallet.connect();
    await page.getByRole('tab', { name: 'Claim' }).click();
    await expect(page.getByTestId('claimable-revenue')).not.toHaveText('—');
    await expect(page.getByTestId('claimable-revenue')).not.toHaveText('$0.00');

    await page.getByRole('button', { name: /^Claim \$/ }).click();
    await expect(page.locator('[data-phase="done"]')).toBeVisible();

    const balanceAfter = await stack.chain.readContract({
      abi: mockUsdcAbi,
      address: usdc,
      functionName: 'balanceOf',
      args: [INVESTOR],
    });
    const paid = balanceAfter - balanceBefore;
    expect(paid).toBeGreaterThan(0n);
    // The newest claim in the list is this one, to the cent.
    await expect(page.getByTestId('claim-row').first()).toContainText(formatUsdc(paid));
  });

  test('a claim sent before a reload is followed to its end after the reload', async ({ page, wallet, stack }) => {
    const pool = stack.manifest.contracts.FinancingPools[POOL.rotA]!.address;
    const anvil = createTestClient({ chain: foundry, mode: 'anvil', transport: http(stack.rpcUrl) });
    await page.goto(`/pools/${pool}`);
    await wallet.connect();
    await page.getByRole('tab', { name: 'Claim' }).click();
    await expect(page.getByRole('button', { name: /^Claim \$/ })).toBeEnabled();

    await anvil.setAutomine(false);
    try {
      await page.getByRole('button', { name: /^Claim \$/ }).click();
      await expect(page.locator('[data-phase="mining"]')).toBeVisible();
      await page.reload();
      const notice = page.getByTestId('pending-transaction');
      await expect(notice).toHaveAttribute('data-outcome', 'waiting');
      await expect(notice).toContainText('Claim revenue');
    } finally {
      await anvil.mine({ blocks: 1 });
      await anvil.setAutomine(true);
    }
    await expect(page.getByTestId('pending-transaction')).toHaveAttribute('data-outcome', 'confirmed');
    await page.reload();
    await expect(page.getByTestId('pending-transaction')).toHaveCount(0);
  });
});

test('deposits with a permit signature: one transaction, no allowance left behind', async ({ page, wallet, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[POOL.rotA]!.address;
  const usdc = stack.manifest.contracts.MockUSDC.address;
  const nonceBefore = await stack.chain.getTransactionCount({ address: wallet.account });
  const permitNonce = await stack.chain.readContract({
    abi: mockUsdcAbi,
    address: usdc,
    functionName: 'nonces',
    args: [wallet.account],
  });
  await page.goto(`/pools/${pool}`);
  await wallet.connect();
  await page.getByLabel('Amount (USDC)').fill('300');
  await page.getByLabel(/Approve by signature/).check();
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  const progress = page.getByRole('list', { name: 'Deposit progress' });
  await expect(progress.locator('[data-step="approve"]')).toContainText('Sign permit');
  await expect(progress.locator('[data-step="approve"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');

  expect(await stack.chain.getTransactionCount({ address: wallet.account })).toBe(nonceBefore + 1);
  expect(
    await stack.chain.readContract({ abi: mockUsdcAbi, address: usdc, functionName: 'nonces', args: [wallet.account] }),
  ).toBe(permitNonce + 1n);
  expect(
    await stack.chain.readContract({
      abi: mockUsdcAbi,
      address: usdc,
      functionName: 'allowance',
      args: [wallet.account, pool],
    }),
  ).toBe(0n);
  const shares = await stack.chain.readContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(shares).toBeGreaterThan(0n);
});

test('deposits into a raising pool and withdraws part of it at once', async ({ page, wallet, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[POOL.ash2]!.address;
  await page.goto(`/pools/${pool}`);
  await wallet.connect();
  // Its minimum is 500 USDC: below it the form says so before any wallet prompt.
  await page.getByLabel('Amount (USDC)').fill('200');
  await expect(page.getByText('The minimum is $500.00.')).toBeVisible();
  await page.getByLabel('Amount (USDC)').fill('1000');
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  await expect(page.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');

  await page.getByRole('tab', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('unlocked-shares')).toHaveText('1,000');
  await page.getByLabel(/Shares to redeem/).fill('250');
  await expect(page.getByText('Worth about $250.00 at today’s share price')).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw now' }).click();
  await expect(page.locator('[data-phase="done"]')).toBeVisible();
  await expect(page.getByTestId('unlocked-shares')).toHaveText('750');

  const shares = await stack.chain.readContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(shares).toBe(parseUnits('750', 18));
});

test('queues an exit beyond idle cash, cancels it, queues again, and collects once repayments fill it', async ({
  page,
  wallet,
  stack,
}) => {
  test.setTimeout(180_000);
  const pool = stack.manifest.contracts.FinancingPools[POOL.aus1]!.address;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    stack.chain.readContract({ abi: financingPoolAbi, address: pool, functionName, args } as never) as Promise<T>;

  await page.goto(`/pools/${pool}`);
  await wallet.connect();
  // The deposit goes to the exits already waiting: nothing stays idle for an instant exit.
  await page.getByLabel('Amount (USDC)').fill('1000');
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  await expect(page.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');

  await page.getByRole('tab', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('instant-limit')).toContainText('0 shares');
  await page.getByLabel(/Shares to redeem/).fill('400');
  await page.getByRole('button', { name: 'Request redemption' }).click();
  await expect(page.locator('[data-phase="done"]')).toBeVisible();

  const request = page.getByTestId('redemption-request');
  await expect(request).toHaveCount(1);
  const requestId = (await read<bigint>('redeemRequestCount')) - 1n;
  const ahead = await read<bigint>('sharesAheadOf', [requestId]);
  expect(ahead).toBeGreaterThan(0n);
  await expect(request.getByTestId('queue-position')).toContainText('shares ahead');
  await expect(request.getByTestId('expected-fill')).not.toBeEmpty();
  expect(await read<bigint>('pendingRedeemRequest', [requestId, wallet.account])).toBe(parseUnits('400', 18));

  await request.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByTestId('redemption-request')).toHaveCount(0);
  expect(await read<bigint>('pendingRedeemRequest', [requestId, wallet.account])).toBe(0n);

  // Queue every share, then let the manager repay enough principal to fill the whole queue.
  await page.getByRole('button', { name: 'Max' }).click();
  await page.getByRole('button', { name: 'Request redemption' }).click();
  await expect(page.getByTestId('redemption-request')).toHaveCount(1);
  const queued = (await read<bigint>('redeemRequestCount')) - 1n;

  const manager = createWalletClient({ account: MANAGER, chain: foundry, transport: http(stack.rpcUrl) });
  const usdc = stack.manifest.contracts.MockUSDC.address;
  const needed = (await read<bigint>('previewRedeem', [await read<bigint>('pendingRedeemShares')])) + 1_000_000n;
  const asManager = (request: Parameters<typeof sendWithGasMargin>[2]) =>
    sendWithGasMargin(stack.chain, manager, request);
  await asManager({ abi: mockUsdcAbi, address: usdc, functionName: 'mint', args: [MANAGER, needed] });
  await asManager({ abi: mockUsdcAbi, address: usdc, functionName: 'approve', args: [pool, needed] });
  let left = needed;
  for (let assetId = 1n; left > 0n && assetId <= 100n; assetId++) {
    const outstanding = await read<bigint>('outstandingOf', [assetId]);
    if (outstanding === 0n) continue;
    const amount = outstanding < left ? outstanding : left;
    await asManager({ abi: financingPoolAbi, address: pool, functionName: 'recordRepayment', args: [assetId, amount] });
    left -= amount;
  }
  await asManager({ abi: financingPoolAbi, address: pool, functionName: 'fillRedemptions', args: [100n] });
  const collectable = (await read<{ claimableAssets: bigint }>('redeemRequest', [queued])).claimableAssets;
  expect(collectable).toBeGreaterThan(0n);

  await expect(async () => {
    await page.reload();
    await page.getByRole('tab', { name: 'Withdraw' }).click();
    await expect(page.getByTestId('collectable')).toHaveText(formatUsdc(collectable), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const before = await stack.chain.readContract({
    abi: mockUsdcAbi,
    address: usdc,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  await page.getByRole('button', { name: /^Collect \$/ }).click();
  await expect(page.locator('[data-phase="done"]')).toBeVisible();
  const after = await stack.chain.readContract({
    abi: mockUsdcAbi,
    address: usdc,
    functionName: 'balanceOf',
    args: [wallet.account],
  });
  expect(after - before).toBe(collectable);
  await expect(page.getByTestId('redemption-request')).toHaveCount(0);
});

test('a wallet on another network cannot write, and can switch back in one click', async ({ page, wallet, stack }) => {
  await page.goto(`/pools/${stack.manifest.contracts.FinancingPools[POOL.ash1]!.address}`);
  await wallet.connect();
  await expect(page.getByLabel('Amount (USDC)')).toBeVisible();
  await wallet.moveToChain(1);
  await expect(page.getByRole('alert').filter({ hasText: 'Your wallet is on another network' })).toBeVisible();
  await expect(page.getByLabel('Amount (USDC)')).toHaveCount(0);
  await page.getByRole('button', { name: /^Switch to / }).click();
  await expect(page.getByLabel('Amount (USDC)')).toBeVisible();
});

test('with the RPC down, a deposit says so and keeps the amount typed', async ({ page, wallet, stack }) => {
  await page.goto(`/pools/${stack.manifest.contracts.FinancingPools[POOL.ash1]!.address}`);
  await wallet.connect();
  await page.getByLabel('Amount (USDC)').fill('250.25');
  await page.route(`${stack.rpcUrl}/**`, (route) => route.abort('connectionrefused'));
  await page.route(stack.rpcUrl, (route) => route.abort('connectionrefused'));
  await wallet.setRpcDown(true);
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /not answering/ })).toBeVisible({ timeout: 40_000 });
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('250.25');
});

test('every chart of a pool draws the indexer’s series, at each interval', async ({ page, stack }) => {
  await page.goto(`/pools/${stack.manifest.contracts.FinancingPools[POOL.ash1]!.address}`);
  const charts = (per: string) => [
    `Net revenue per ${per}`,
    `Trailing real yield per ${per}`,
    `Principal per ${per}`,
    `Utilization per ${per}`,
    'Cash claimed versus revenue distributed',
  ];
  for (const name of charts('week')) {
    await expect(page.getByRole('figure', { name }).locator('rect.chart-bar, svg path').first()).toBeVisible();
  }
  await page.getByRole('group', { name: 'Chart interval' }).getByRole('link', { name: 'Month' }).click();
  await expect(page).toHaveURL(/interval=month/);
  for (const name of charts('month')) {
    await expect(page.getByRole('figure', { name }).locator('rect.chart-bar, svg path').first()).toBeVisible();
  }
  // Pointing at a chart brings its tooltips, with exact amounts.
  const revenue = page.getByRole('figure', { name: 'Net revenue per month' });
  await revenue.hover();
  await expect(revenue).toHaveAttribute('data-interactive', 'true');
  await revenue.locator('.recharts-bar-rectangle').last().hover();
  await expect(revenue.locator('.recharts-tooltip-wrapper')).toContainText(/\$[\d,]+\.\d\d/);
});
