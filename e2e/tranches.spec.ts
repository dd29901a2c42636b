import { createWalletClient, http, parseEventLogs, parseUnits, type Address } from 'viem';
import { mockUsdcAbi, trancheVaultAbi, tranchedPoolAbi } from '../lib/contracts/abis';
import { formatBps } from '../lib/format/percent';
import { expect, test, type StackChain } from './fixtures';

/**
 * Pools with a senior and a junior tranche (contracts/src/tranche): the page shows the waterfall, the subordination
 * and the losses; an investor deposits into each tranche, is told why the pool refuses a senior deposit, and a junior
 * holder claims the tranche's revenue in cash, and queues an exit and cancels it.
 */

// anvil's account 23: funded by no one in the seed, so it starts from zero in every tranche.
const DEPOSITOR: Address = '0x5E661B79FE2D3F6cE70F5AAC07d8Cd9abb2743F1';
// anvil's account 6: holds Rotterdam's junior tranche from the seed, and never claims its revenue there.
const JUNIOR_HOLDER: Address = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const AUSTIN = 0;
const ROTTERDAM = 1;

async function fund(chain: StackChain, rpcUrl: string, usdc: Address, account: Address, amount: bigint) {
  const wallet = createWalletClient({ account, chain: chain.chain!, transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    address: usdc,
    abi: mockUsdcAbi,
    functionName: 'mint',
    args: [account, amount],
  });
  await chain.waitForTransactionReceipt({ hash, pollingInterval: 50 });
}

test('a tranched pool shows its waterfall, subordination and the loss junior absorbed', async ({ page, stack }) => {
  const rotterdam = stack.manifest.contracts.TranchedPools![ROTTERDAM]!;
  await page.goto('/pools?tranche=junior');
  await expect(page.getByRole('heading', { name: 'Junior tranches' })).toBeVisible();
  await page.getByRole('link', { name: /Rotterdam Forklift Fleet · Tranched/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rotterdam Forklift Fleet · Tranched' })).toBeVisible();
  await expect(page.getByTestId('tranche-switch').getByRole('link', { name: /Junior/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Subordination, as the pool computes it now.
  const subordination = Number(
    await stack.chain.readContract({
      abi: tranchedPoolAbi,
      address: rotterdam.address,
      functionName: 'subordinationBps',
    }),
  );
  await expect(page.getByTestId('subordination')).toContainText(formatBps(subordination));
  await expect(page.getByTestId('subordination')).toContainText('minimum 25.0%');

  // Every distribution in the table, with the periods that fell short of senior's rate marked.
  const splits = await stack.chain.getContractEvents({
    abi: tranchedPoolAbi,
    address: rotterdam.address,
    eventName: 'RevenueSplit',
    fromBlock: BigInt(rotterdam.deployedOnBlock),
  });
  await expect(page.getByTestId('waterfall-row')).toHaveCount(splits.length);
  const short = splits.filter((s) => s.args.carried! > 0n).length;
  expect(short).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="waterfall-row"][data-shortfall]')).toHaveCount(short);

  // The fire's write-down: junior took it, senior nothing.
  const losses = page.getByTestId('tranche-losses');
  await expect(losses).toContainText('Loss shared out');
  await expect(losses).toContainText('senior −$0.00');
});

test.describe('an investor in each tranche', () => {
  test.use({ walletAccount: DEPOSITOR });

  test('deposits into senior and junior, and is told why a senior deposit is refused', async ({
    page,
    wallet,
    stack,
  }) => {
    const { USDC } = stack.manifest.contracts;
    const austin = stack.manifest.contracts.TranchedPools![AUSTIN]!;
    const rotterdam = stack.manifest.contracts.TranchedPools![ROTTERDAM]!;
    await fund(stack.chain, stack.rpcUrl, USDC.address, DEPOSITOR, parseUnits('10000', 6));

    for (const side of ['senior', 'junior'] as const) {
      const vault = austin[side];
      await page.goto(`/pools/${austin.address}?tranche=${side}`);
      if (side === 'senior') await wallet.connect();
      const panel = page.getByTestId('tranche-actions');
      await expect(panel).toHaveAttribute('data-tranche', side);
      await panel.getByLabel('Amount (USDC)').fill('1500');
      await panel.getByRole('button', { name: `Deposit into ${side}` }).click();
      await expect(panel.getByText('Done.')).toBeVisible();
      await expect(panel.getByTestId('tranche-position-value')).toHaveText(/^\$1,(499\.9\d|500\.00)$/);

      // Real: the vault minted shares worth what was paid in.
      const shares = await stack.chain.readContract({
        abi: trancheVaultAbi,
        address: vault,
        functionName: 'balanceOf',
        args: [DEPOSITOR],
      });
      const value = await stack.chain.readContract({
        abi: trancheVaultAbi,
        address: vault,
        functionName: 'convertToAssets',
        args: [shares],
      });
      expect(value).toBeGreaterThanOrEqual(parseUnits('1499.99', 6));
      expect(value).toBeLessThanOrEqual(parseUnits('1500', 6));
    }

    // An exit the pool can pay now, from idle cash: 500 back from senior, shares burned on chain.
    await page.goto(`/pools/${austin.address}?tranche=senior`);
    const exitPanel = page.getByTestId('tranche-actions');
    await exitPanel.getByRole('tab', { name: 'Withdraw' }).click();
    await exitPanel.getByLabel('Amount (USDC)').fill('500');
    await expect(exitPanel.getByTestId('tranche-exit-note')).toHaveCount(0);
    const before = await stack.chain.readContract({
      abi: mockUsdcAbi,
      address: USDC.address,
      functionName: 'balanceOf',
      args: [DEPOSITOR],
    });
    await exitPanel.getByRole('button', { name: 'Withdraw from senior' }).click();
    await expect(exitPanel.getByText('Done.')).toBeVisible();
    await expect(exitPanel.getByTestId('tranche-position-value')).toHaveText(/^\$(999\.9\d|1,000\.00)$/);
    const after = await stack.chain.readContract({
      abi: mockUsdcAbi,
      address: USDC.address,
      functionName: 'balanceOf',
      args: [DEPOSITOR],
    });
    expect(after - before).toBe(parseUnits('500', 6));

    // The portfolio lists both tranches, each at the vault's price.
    await page.goto(`/portfolio/${DEPOSITOR}`);
    const rows = page.getByTestId('tranche-position-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Senior' })).toContainText('Austin B200 Inference · Tranched');
    await expect(rows.filter({ hasText: 'Junior' })).toContainText('$1,');

    // Rotterdam's junior fell below its minimum share after the fire: the pool takes no senior deposit, and says why.
    const [room, bySubordination] = await stack.chain.readContract({
      abi: tranchedPoolAbi,
      address: rotterdam.address,
      functionName: 'maxDeposit',
      args: [true],
    });
    expect(bySubordination).toBe(true);
    expect(room).toBe(0n);
    await page.goto(`/pools/${rotterdam.address}?tranche=senior`);
    const panel = page.getByTestId('tranche-actions');
    await panel.getByLabel('Amount (USDC)').fill('100');
    const refusal = panel.getByTestId('tranche-refusal');
    await expect(refusal).toContainText('minimum subordination');
    await expect(refusal).toContainText('at least 25.0%');
    await expect(refusal).toContainText('deposits into junior raise the limit');
    await expect(panel.getByRole('button', { name: 'Deposit into senior' })).toBeDisabled();
    // Nothing reached the wallet from this page, and the chain holds no senior shares of Rotterdam for the investor.
    expect((await wallet.asked()).eth_sendTransaction ?? 0).toBe(0);
    expect(
      await stack.chain.readContract({
        abi: trancheVaultAbi,
        address: rotterdam.senior,
        functionName: 'balanceOf',
        args: [DEPOSITOR],
      }),
    ).toBe(0n);
  });
});

test.describe('a junior holder', () => {
  test.use({ walletAccount: JUNIOR_HOLDER });

  test('claims the junior tranche’s revenue in cash', async ({ page, wallet, stack }) => {
    const rotterdam = stack.manifest.contracts.TranchedPools![ROTTERDAM]!;
    const from = await stack.chain.getBlockNumber();
    await page.goto(`/pools/${rotterdam.address}?tranche=junior`);
    await wallet.connect();
    const panel = page.getByTestId('tranche-actions');
    await panel.getByRole('tab', { name: 'Claim' }).click();
    await expect(panel.getByTestId('tranche-claimable')).toHaveText(/^\$[1-9][\d,]*\.\d\d$/);
    await panel.getByRole('button', { name: /^Claim \$/ }).click();
    await expect(panel.getByText('Done.')).toBeVisible();

    const logs = await stack.chain.getLogs({ address: rotterdam.junior, fromBlock: from + 1n, toBlock: 'latest' });
    const claims = parseEventLogs({ abi: trancheVaultAbi, logs, eventName: 'RevenueClaimed' });
    expect(claims).toHaveLength(1);
    expect(claims[0]!.args.account).toBe(JUNIOR_HOLDER);
    expect(claims[0]!.args.amount).toBeGreaterThan(parseUnits('1', 6));
  });
  test('queues an exit the pool cannot pay now, sees it waiting in the queue, and cancels it', async ({
    page,
    wallet,
    stack,
  }) => {
    const rotterdam = stack.manifest.contracts.TranchedPools![ROTTERDAM]!;
    const locked = () =>
      stack.chain.readContract({
        abi: trancheVaultAbi,
        address: rotterdam.junior,
        functionName: 'lockedShares',
        args: [JUNIOR_HOLDER],
      });
    expect(await locked()).toBe(0n);
    await page.goto(`/pools/${rotterdam.address}?tranche=junior`);
    await wallet.connect();
    const panel = page.getByTestId('tranche-actions');
    await panel.getByRole('tab', { name: 'Withdraw' }).click();
    // Junior is below its minimum share of the pool after the fire: nothing of it is paid now, an exit queues.
    await panel.getByLabel('Amount (USDC)').fill('150');
    await expect(panel.getByTestId('tranche-exit-note')).toBeVisible();
    await panel.getByRole('button', { name: 'Request exit' }).click();
    await expect(panel.getByText('Done.')).toBeVisible();

    const queued = panel.getByRole('region', { name: 'Your queued exits' });
    const request = queued.getByTestId('tranche-exit-request');
    await expect(request).toHaveCount(1);
    await expect(request.getByTestId('tranche-queue-position')).toHaveText(/^#\d+ · [\d,.]+ shares ahead$/);
    await expect(request).toContainText('about $1');
    const shares = await locked();
    expect(shares).toBeGreaterThan(0n);

    const from = await stack.chain.getBlockNumber();
    await request.getByRole('button', { name: /^Cancel exit #\d+$/ }).click();
    await expect(queued.getByText('Done.')).toBeVisible();
    await expect(request).toHaveCount(0);
    await expect(queued.getByText('None waiting.')).toBeVisible();

    // Real: the vault unlocked every share the request held, and logged the cancel for this holder.
    expect(await locked()).toBe(0n);
    const logs = await stack.chain.getLogs({ address: rotterdam.junior, fromBlock: from + 1n, toBlock: 'latest' });
    const cancels = parseEventLogs({ abi: trancheVaultAbi, logs, eventName: 'CancelRedeemClaim' });
    expect(cancels.map((c) => [c.args.controller, c.args.receiver, c.args.shares])).toEqual([
      [JUNIOR_HOLDER, JUNIOR_HOLDER, shares],
    ]);
  });
});
