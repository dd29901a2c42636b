import { createWalletClient, erc20Abi, http, parseEventLogs, parseUnits, type Address } from 'viem';
import { financingPoolAbi, mockUsdcAbi } from '../lib/contracts/abis';
import { expect, test, type StackChain } from './fixtures';

/**
 * EIP-5792 (lib/wallet/wallet-calls.ts): a wallet that batches takes the approval and the deposit as one
 * request, both mined; a Safe-style wallet only proposes, and the deposit stays pending, across a reload,
 * until its owners execute it.
 */

// anvil's accounts 21 and 22: funded by no one in the seed, so each test starts from zero.
const BATCHING: Address = '0x02484cb50AAC86Eae85610D6f4Bf026f30f6627D';
const SAFE: Address = '0x08135Da0A343E492FA2d4282F2AE34c6c5CC1BbE';
const ROTTERDAM = 1;

/** USDC from the local faucet (MockUSDC's public mint), sent by the account itself: anvil unlocks it. */
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

test.describe('a wallet that batches calls (EIP-5792)', () => {
  test.use({ walletAccount: BATCHING, walletCalls: 'ready' });

  test('approves and deposits in one request, both calls mined', async ({ page, wallet, stack }) => {
    const usdc = stack.manifest.contracts.USDC.address;
    const pool = stack.manifest.contracts.FinancingPools[ROTTERDAM]!.address;
    await fund(stack.chain, stack.rpcUrl, usdc, BATCHING, parseUnits('5000', 6));
    const from = await stack.chain.getBlockNumber();

    await page.goto(`/pools/${pool}`);
    await wallet.connect();
    await expect(page.getByTestId('usdc-balance')).toHaveText('$5,000.00');
    await page.getByLabel('Amount (USDC)').fill('1200');
    await page.getByRole('button', { name: 'Deposit', exact: true }).click();

    const progress = page.getByRole('list', { name: 'Deposit progress' });
    await expect(progress.locator('[data-step="approve"]')).toContainText('in the same batch');
    await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');
    await expect(progress.locator('[data-step="approve"]')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('position-value')).toHaveText('$1,200.00');

    // One request to the wallet for both, and no transaction or signature asked for apart from it.
    const asked = await wallet.asked();
    expect(asked.wallet_sendCalls).toBe(1);
    expect(asked.eth_sendTransaction ?? 0).toBe(0);
    expect(asked.eth_signTypedData_v4 ?? 0).toBe(0);

    // Both calls mined, in order: the exact approval, used up by the deposit.
    const logs = await stack.chain.getLogs({ fromBlock: from + 1n, toBlock: 'latest' });
    const approvals = parseEventLogs({ abi: erc20Abi, logs, eventName: 'Approval', args: { owner: BATCHING } });
    const deposits = parseEventLogs({ abi: financingPoolAbi, logs, eventName: 'Deposit', args: { owner: BATCHING } });
    expect(approvals).toHaveLength(1);
    expect(deposits).toHaveLength(1);
    expect(deposits[0]!.args.assets).toBe(parseUnits('1200', 6));
    expect(approvals[0]!.blockNumber).toBeLessThanOrEqual(deposits[0]!.blockNumber);
    const allowance = await stack.chain.readContract({
      address: usdc,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [BATCHING, pool],
    });
    expect(allowance).toBe(0n);
  });
});

test.describe('a Safe-style wallet that only proposes', () => {
  test.use({ walletAccount: SAFE, walletCalls: 'safe' });

  test('the deposit stays pending, across a reload, until the Safe executes it', async ({ page, wallet, stack }) => {
    test.setTimeout(90_000);
    const usdc = stack.manifest.contracts.USDC.address;
    const pool = stack.manifest.contracts.FinancingPools[ROTTERDAM]!.address;
    await fund(stack.chain, stack.rpcUrl, usdc, SAFE, parseUnits('3000', 6));
    const shares = () =>
      stack.chain.readContract({ address: pool, abi: financingPoolAbi, functionName: 'balanceOf', args: [SAFE] });

    await page.goto(`/pools/${pool}`);
    await wallet.connect();
    await page.getByLabel('Amount (USDC)').fill('800');
    await page.getByRole('button', { name: 'Deposit', exact: true }).click();

    const progress = page.getByRole('list', { name: 'Deposit progress' });
    await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'proposed');
    await expect(progress.locator('[data-step="deposit"]')).toContainText('waiting for your wallet to execute it');
    // Proposed, not sent: nothing on chain however long the page waits.
    await page.waitForTimeout(2_000);
    expect(await shares()).toBe(0n);
    await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'proposed');

    // A reload does not lose it: the page follows the proposal through the wallet.
    await page.reload();
    const pending = page.getByTestId('pending-transaction');
    await expect(pending).toHaveAttribute('data-outcome', 'waiting');
    await expect(pending).toContainText('waiting for your wallet to execute it');
    expect(await shares()).toBe(0n);

    // The Safe's owners execute it: the page sees it mined and recorded, and the position appears.
    await wallet.executeProposed();
    await expect(pending).toHaveAttribute('data-outcome', 'confirmed');
    await expect(page.getByTestId('position-value')).toHaveText('$800.00');
    expect(await shares()).toBeGreaterThan(0n);
    const asked = await wallet.asked();
    expect(asked.eth_sendTransaction ?? 0).toBe(0);
  });
});
