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

// anvil's accounts 7 and 18: seeded investors in several pools, whose yield no other test claims. 7 lets it
// accrue; 18 claims monthly in the seed, so each of its pools owes it a month or less.
const ACCRUER: Address = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955';
const MONTHLY: Address = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';

/** What each of the stack's pools owes the account now, on chain. */
async function owedByPool(
  stack: { chain: StackChain; manifest: { contracts: { FinancingPools: { address: Address }[] } } },
  account: Address,
) {
  const pools = stack.manifest.contracts.FinancingPools.map((p) => p.address);
  const owed = await Promise.all(
    pools.map((address) =>
      stack.chain.readContract({ address, abi: financingPoolAbi, functionName: 'claimableRevenue', args: [account] }),
    ),
  );
  return pools.map((address, i) => ({ address, owed: owed[i]! })).filter((p) => p.owed > 0n);
}

/** The account's claims mined since `from`: one per pool, each at least what the pool owed before the press. */
async function claimsSince(chain: StackChain, from: bigint, account: Address) {
  const logs = await chain.getLogs({ fromBlock: from + 1n, toBlock: 'latest' });
  return parseEventLogs({ abi: financingPoolAbi, logs, eventName: 'RevenueClaimed', args: { account } });
}

test.describe('claiming the yield of every pool at once, from the portfolio', () => {
  test.describe('with a wallet that batches calls', () => {
    test.use({ walletAccount: ACCRUER, walletCalls: 'ready' });

    test('every pool that owes yield is claimed in one request', async ({ page, wallet, stack }) => {
      const due = await owedByPool(stack, ACCRUER);
      expect(due.length).toBeGreaterThan(1);
      const from = await stack.chain.getBlockNumber();
      const usdcBefore = await stack.chain.readContract({
        address: stack.manifest.contracts.USDC.address,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [ACCRUER],
      });

      await page.goto(`/portfolio/${ACCRUER}`);
      // Nothing to claim for a visitor who is not this wallet: the card is the owner's only.
      await expect(page.getByTestId('claim-all')).toHaveCount(0);
      await wallet.connect();
      const card = page.getByTestId('claim-all');
      await expect(card.getByTestId('claim-all-pool')).toHaveCount(due.length);
      await card.getByRole('button', { name: `Claim all from ${due.length} pools` }).click();
      await expect(card.getByRole('status')).toHaveAttribute('data-phase', 'done');

      const asked = await wallet.asked();
      expect(asked.wallet_sendCalls).toBe(1);
      expect(asked.eth_sendTransaction ?? 0).toBe(0);
      const claims = await claimsSince(stack.chain, from, ACCRUER);
      expect(new Set(claims.map((c) => c.address.toLowerCase()))).toEqual(
        new Set(due.map((p) => p.address.toLowerCase())),
      );
      for (const p of due) {
        const claim = claims.find((c) => c.address.toLowerCase() === p.address.toLowerCase())!;
        expect(claim.args.receiver).toBe(ACCRUER);
        expect(claim.args.amount).toBeGreaterThanOrEqual(p.owed);
      }
      // Paid in USDC to the wallet: exactly what the claims say.
      const usdcAfter = await stack.chain.readContract({
        address: stack.manifest.contracts.USDC.address,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [ACCRUER],
      });
      expect(usdcAfter - usdcBefore).toBe(claims.reduce((sum, c) => sum + c.args.amount, 0n));
    });
  });

  test.describe('with a wallet that cannot batch', () => {
    test.use({ walletAccount: MONTHLY });

    test('the claims are asked for one after another, and all land', async ({ page, wallet, stack }) => {
      const due = await owedByPool(stack, MONTHLY);
      expect(due.length).toBeGreaterThan(1);
      const from = await stack.chain.getBlockNumber();

      await page.goto(`/portfolio/${MONTHLY}`);
      await wallet.connect();
      const card = page.getByTestId('claim-all');
      await card.getByRole('button', { name: `Claim all from ${due.length} pools` }).click();
      await expect(card.getByRole('status')).toHaveAttribute('data-phase', 'done');
      expect((await wallet.asked()).eth_sendTransaction).toBe(due.length);
      const claims = await claimsSince(stack.chain, from, MONTHLY);
      expect(claims).toHaveLength(due.length);
      // The card now has nothing left worth a claim, or only what streamed in since.
      for (const p of due) {
        const left = await stack.chain.readContract({
          address: p.address,
          abi: financingPoolAbi,
          functionName: 'claimableRevenue',
          args: [MONTHLY],
        });
        expect(left).toBeLessThan(p.owed);
      }
    });
  });
});
