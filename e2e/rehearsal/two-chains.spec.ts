/**
 * One app, two chains: the rehearsal puts the protocol on a chain with Base Sepolia's id and on one with
 * Ethereum Sepolia's, by the same deployer in the same order, so every address (factory, USDC, the pool) is
 * the same on both. Only the chain tells them apart: the pools list, the links, the pool page, the wallet's
 * network and the portfolio must each keep to the right one.
 */
import { createWalletClient, erc20Abi, http, parseUnits, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { financingPoolAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { appChain } from '../../lib/chain/app-chain';
import { castKey, REHEARSAL_CHAINS } from '../../scripts/rehearsal/world';
import { expect, test, type StackChain } from '../fixtures';

const [BASE, SEPOLIA] = REHEARSAL_CHAINS;

async function firstPool(chain: StackChain, factory: Address): Promise<Address> {
  return chain.readContract({ address: factory, abi: poolFactoryAbi, functionName: 'pools', args: [0n] });
}

test('the pools of both chains are listed with their chain, and the network filter narrows them', async ({
  page,
  stack,
}) => {
  expect(stack.chainIds).toEqual([BASE.id, SEPOLIA.id]);
  const [basePool, sepoliaPool] = await Promise.all(
    stack.chainIds.map((id) => firstPool(stack.chains[id]!, stack.manifests[id]!.contracts.PoolFactory.address)),
  );
  expect(basePool, 'the same deployer, the same addresses').toBe(sepoliaPool);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/pools');
  const rows = page.getByTestId('pool-row');
  await expect(rows).toHaveCount(2);
  for (const { id, market } of REHEARSAL_CHAINS) {
    const row = rows.filter({ hasText: market.pool.name });
    await expect(row.getByTestId('chain-badge')).toHaveText(appChain({ id, rpcUrl: 'http://x' }).name);
    await expect(row.getByRole('link', { name: market.pool.name })).toHaveAttribute(
      'href',
      `/pools/${basePool}?chain=${id}`,
    );
  }

  // To look at: both chains' pools side by side, on a desktop and on a phone.
  await page.screenshot({ path: 'test-results/screenshots/pools-two-chains-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/pools-two-chains-mobile.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const filters = page.getByRole('search', { name: 'Filter pools' });
  await filters.getByLabel('Network').selectOption(String(SEPOLIA.id));
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]chain=${SEPOLIA.id}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(SEPOLIA.market.pool.name);

  // The same address under each chain is each chain's own pool.
  for (const { id, market } of REHEARSAL_CHAINS) {
    await page.goto(`/pools/${basePool}?chain=${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(market.pool.name);
  }
  // A chain this app does not serve has no pool there.
  expect((await page.goto(`/pools/${basePool}?chain=8453`))!.status()).toBe(404);
});

test('the app answers for both chains: health, and a policy that reaches each RPC', async ({ request, stack }) => {
  const res = await request.get('/api/health');
  const health = (await res.json()) as { ok: boolean; chains: { chainId: number; ok: boolean }[] };
  expect(health.ok).toBe(true);
  expect(health.chains.map((c) => [c.chainId, c.ok])).toEqual([
    [BASE.id, true],
    [SEPOLIA.id, true],
  ]);
  const connect = /connect-src ([^;]+)/.exec(res.headers()['content-security-policy']!)![1]!.split(' ');
  for (const id of stack.chainIds) expect(connect).toContain(new URL(stack.rpcUrls[id]!).origin);
  for (const id of stack.chainIds) {
    const status = await request.get(`/api/indexer-status?chain=${id}`);
    expect(status.status()).toBe(200);
    expect(await status.json()).toMatchObject({ chainId: id });
  }
});

test('an investor on Base Sepolia switches to Sepolia to deposit there, and the portfolio spans both chains', async ({
  page,
  wallet,
  stack,
}) => {
  const pool = await firstPool(stack.chains[BASE.id]!, stack.manifests[BASE.id]!.contracts.PoolFactory.address);
  const usdc = stack.manifests[BASE.id]!.contracts.USDC.address;
  // A position on Base Sepolia, made outside the app (the investor's own key), so this test stands alone.
  const investor = privateKeyToAccount(castKey('investor'));
  expect(investor.address).toBe(wallet.account);
  const base = createWalletClient({
    account: investor,
    chain: appChain({ id: BASE.id, rpcUrl: stack.rpcUrls[BASE.id]! }),
    transport: http(stack.rpcUrls[BASE.id]),
  });
  const baseDeposit = parseUnits('700', 6);
  const mined = async (hash: `0x${string}`) => stack.chains[BASE.id]!.waitForTransactionReceipt({ hash });
  await mined(
    await base.writeContract({ address: usdc, abi: erc20Abi, functionName: 'approve', args: [pool, baseDeposit] }),
  );
  await mined(
    await base.writeContract({
      address: pool,
      abi: financingPoolAbi,
      functionName: 'deposit',
      args: [baseDeposit, investor.address],
    }),
  );
  const sharesOn = (id: number) =>
    stack.chains[id]!.readContract({
      address: pool,
      abi: financingPoolAbi,
      functionName: 'balanceOf',
      args: [wallet.account],
    });
  const baseShares = await sharesOn(BASE.id);
  const sepoliaSharesBefore = await sharesOn(SEPOLIA.id);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/pools');
  await wallet.connect();
  await page.getByRole('link', { name: SEPOLIA.market.pool.name }).click();
  await expect(page).toHaveURL(new RegExp(`/pools/${pool}\\?chain=${SEPOLIA.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEPOLIA.market.pool.name);

  // The wallet is on Base Sepolia: the guard names the pool's chain and switches to it.
  const guard = page.getByRole('alert').filter({ hasText: 'This pool lives on Sepolia' }).first();
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: 'Switch to Sepolia' }).click();
  await expect(guard).toBeHidden();

  await page.getByLabel('Amount (USDC)').fill('400');
  await page.getByLabel(/Approve by signature/).check();
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  const progress = page.getByRole('list', { name: 'Deposit progress' });
  await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('activity-row').first()).toContainText('+$400.00');

  // On Sepolia only: Base Sepolia's pool at the same address did not move.
  expect(await sharesOn(SEPOLIA.id)).toBeGreaterThan(sepoliaSharesBefore);
  expect(await sharesOn(BASE.id)).toBe(baseShares);

  await page.goto(`/portfolio/${wallet.account}`);
  const rows = page.getByTestId('position-row');
  const onBase = rows.and(page.locator(`[data-chain="${BASE.id}"]`));
  const onSepolia = rows.and(page.locator(`[data-chain="${SEPOLIA.id}"]`));
  await expect(onBase).toContainText(BASE.market.pool.name);
  await expect(onBase.getByTestId('chain-badge')).toHaveText('Base Sepolia');
  await expect(onSepolia).toContainText(SEPOLIA.market.pool.name);
  await expect(onSepolia.getByTestId('chain-badge')).toHaveText('Sepolia');
  await expect(onSepolia.getByTestId('position-shares')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/portfolio-two-chains-desktop.png', fullPage: true });

  // The statement names each row's chain.
  const csv = await page.request.get(`/portfolio/${wallet.account}/positions.csv`);
  const [header, ...lines] = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const chainColumn = header!.split(',').indexOf('chain_id');
  expect(new Set(lines.map((line) => line.split(',')[chainColumn]))).toEqual(
    new Set([String(BASE.id), String(SEPOLIA.id)]),
  );
});
