import fs from 'node:fs';
import { formatUnits, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { financingPoolAbi, trancheVaultAbi } from '../lib/contracts/abis';
import { formatShares, formatUsdc, formatUsdcExact } from '../lib/format/usdc';
import { POSITIONS_CSV_HEADER } from '../lib/portfolio/portfolio-csv';
import { statementPageTexts } from './fixtures/statement-pdf-text';
import { expect, test, type StackChain } from './fixtures';
import type { Download, Page } from '@playwright/test';

// anvil's account 2: a seeded investor with positions in several pools, claims and a redemption request.
const INVESTOR: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** The block the page's figures reflect; the chain is read at that block, so revenue streaming in since cannot differ. */
async function indexedBlock(page: Page): Promise<bigint> {
  const block = await page.getByTestId('indexed-block').getAttribute('data-block');
  expect(block).toMatch(/^\d+$/);
  return BigInt(block!);
}

/** A pool's per-account figures read at one block, as a statement states them. */
function poolReader(chain: StackChain, pool: Address, blockNumber: bigint) {
  return (functionName: 'balanceOf' | 'claimableRevenue' | 'previewRedeem', arg: Address | bigint) =>
    chain.readContract({
      address: pool,
      abi: financingPoolAbi,
      functionName,
      args: [arg],
      blockNumber,
    } as never) as Promise<bigint>;
}

/** RFC 4180, enough for our statements: quoted fields, doubled quotes, CRLF-ended lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function downloadedCsv(download: Download): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const text = fs.readFileSync((await download.path())!, 'utf8');
  // The byte-order mark is there for Excel; a header row follows it.
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return {
    header: header!,
    rows: rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? '']))),
  };
}

test('an investor’s portfolio, read without a wallet, shows each position as the chain holds it', async ({
  page,
  stack,
}) => {
  await page.goto(`/portfolio/${INVESTOR}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(page.getByTestId('portfolio-address')).toHaveText(INVESTOR);
  await expect(page).toHaveTitle(/Portfolio 0x3C44…93BC/);
  const block = await indexedBlock(page);

  const read = <T>(pool: Address, functionName: 'balanceOf' | 'claimableRevenue') =>
    stack.chain.readContract({
      address: pool,
      abi: financingPoolAbi,
      functionName,
      args: [INVESTOR],
      blockNumber: block,
    }) as Promise<T>;

  // Every pool where the investor holds shares on chain has a row...
  const held: Address[] = [];
  for (const { address } of stack.manifest.contracts.FinancingPools) {
    if ((await read<bigint>(address, 'balanceOf')) > 0n) held.push(address);
  }
  expect(held.length).toBeGreaterThan(1);
  const rows = page.getByTestId('position-row');
  const shown = (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-pool')))) as Address[];
  expect(shown).toEqual(expect.arrayContaining(held));

  // ...and every row says what the pool's own views say at the indexed block.
  for (const pool of shown) {
    const row = rows.and(page.locator(`[data-pool="${pool}"]`));
    await expect(row.getByTestId('position-shares')).toHaveText(formatShares(await read<bigint>(pool, 'balanceOf')));
    await expect(row.getByTestId('position-claimable')).toHaveText(
      formatUsdc(await read<bigint>(pool, 'claimableRevenue')),
    );
    await expect(row.getByRole('link').first()).toHaveAttribute('href', `/pools/${pool}?chain=31337`);
  }
});

test('filtering the history by type narrows it, lives in the URL, and exports as filtered', async ({ page }) => {
  await page.goto(`/portfolio/${INVESTOR}`);
  const rows = page.getByTestId('history-row');
  const all = await rows.count();
  const kinds = new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))));
  expect(kinds.has('deposit') && kinds.has('claim')).toBe(true);

  const filters = page.getByRole('search', { name: 'Filter history' });
  await filters.getByLabel('Type').selectOption('claim');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]kind=claim(&|#|$)/);
  // The select is server-rendered from the URL: seeing it set means the filtered page has arrived.
  await expect(filters.getByLabel('Type')).toHaveValue('claim');
  await expect(rows.first()).toHaveAttribute('data-kind', 'claim');
  const claims = await rows.count();
  expect(claims).toBeGreaterThan(0);
  expect(claims).toBeLessThan(all);
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))))).toEqual(
    new Set(['claim']),
  );

  // The URL is the view: opened afresh, it shows the same rows with the filter selected.
  const pool = (await rows.first().getAttribute('data-pool'))!;
  await page.goto(`/portfolio/${INVESTOR}?kind=claim&pool=${pool}`);
  await expect(page.getByRole('search', { name: 'Filter history' }).getByLabel('Type')).toHaveValue('claim');
  // A link from before the app served several chains names the pool alone: it selects the one pool it can mean.
  await expect(page.getByRole('search', { name: 'Filter history' }).getByLabel('Pool')).toHaveValue(`31337:${pool}`);
  const narrowed = await rows.count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThanOrEqual(claims);
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-kind', 'claim');
    await expect(row).toHaveAttribute('data-pool', pool);
  }

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /History CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`machine-yield-${INVESTOR}-history-claim-${pool}.csv`);
  const csv = await downloadedCsv(download);
  expect(csv.rows).toHaveLength(narrowed);
  for (const row of csv.rows) {
    expect(row.kind).toBe('claim');
    expect(row.pool).toBe(pool);
    expect(row.date_utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(row.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(row.amount_usdc).toMatch(/^\d+(\.\d{1,6})?$/);
  }
});

test('the positions statement downloads as CSV, one row per position, amounts exact', async ({ page, stack }) => {
  await page.goto(`/portfolio/${INVESTOR}`);
  const positions = await page.getByTestId('position-row').count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Positions CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`machine-yield-${INVESTOR}-positions.csv`);
  const { header, rows } = await downloadedCsv(download);
  expect(header).toEqual([...POSITIONS_CSV_HEADER]);
  expect(rows).toHaveLength(positions);

  for (const row of rows) {
    const pool = row.pool as Address;
    const blockNumber = BigInt(row.indexed_block!);
    const read = poolReader(stack.chain, pool, blockNumber);
    const shares = await read('balanceOf', INVESTOR);
    expect(row.account).toBe(INVESTOR);
    expect(row.shares).toBe(formatUnits(shares, 18));
    expect(row.value_usdc).toBe(formatUnits(await read('previewRedeem', shares), 6));
    expect(row.yield_claimable_usdc).toBe(formatUnits(await read('claimableRevenue', INVESTOR), 6));
    expect(row.indexed_at_utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
});

test('the PDF statement downloads with every position as the chain holds it at the stated block', async ({
  page,
  stack,
}) => {
  await page.goto(`/portfolio/${INVESTOR}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Statement (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`machine-yield-${INVESTOR}-statement.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = (await statementPageTexts(bytes)).join('\n');
  expect(text).toContain(INVESTOR);
  const blockNumber = BigInt(/Figures as of block (\d+)/.exec(text)?.[1] ?? '0');
  expect(blockNumber).toBeGreaterThan(0n);

  // Every pool the investor holds shares in at that block, its value and claimable yield to the base unit.
  let held = 0;
  for (const { address: pool } of stack.manifest.contracts.FinancingPools) {
    const read = poolReader(stack.chain, pool, blockNumber);
    const shares = await read('balanceOf', INVESTOR);
    if (shares === 0n) continue;
    held++;
    expect(text).toContain(formatUsdcExact(await read('previewRedeem', shares)));
    expect(text).toContain(formatUsdcExact(await read('claimableRevenue', INVESTOR)));
  }
  expect(held).toBeGreaterThan(1);

  // The tranches it holds (the seed's junior of Rotterdam, at least), at the vault's price, and in the summary.
  let tranches = 0;
  for (const listed of stack.manifest.contracts.TranchedPools ?? []) {
    for (const vault of [listed.senior, listed.junior]) {
      const read = (functionName: 'balanceOf' | 'claimableRevenue' | 'convertToAssets', arg: Address | bigint) =>
        stack.chain.readContract({
          address: vault,
          abi: trancheVaultAbi,
          functionName,
          args: [arg],
          blockNumber,
        } as never) as Promise<bigint>;
      const shares = await read('balanceOf', INVESTOR);
      if (shares === 0n) continue;
      tranches++;
      expect(text).toContain(formatUsdcExact(await read('convertToAssets', shares)));
      expect(text).toContain(formatUsdcExact(await read('claimableRevenue', INVESTOR)));
    }
  }
  expect(tranches).toBeGreaterThan(0);
  expect(text).toContain('Tranche positions');
  expect(text).toMatch(/History/);
  expect(text).toMatch(/0x[0-9a-f]{64}/); // transactions in full, to look up
});

test('the history has the tranche deposits and claims, named by pool and tranche, and filters to a tranched pool', async ({
  page,
  stack,
}) => {
  // The seed's investor 2 holds Rotterdam's junior tranche and claims its revenue every 30 days.
  const rotterdam = stack.manifest.contracts.TranchedPools![1]!;
  await page.goto(`/portfolio/${INVESTOR}`);
  const filters = page.getByRole('search', { name: 'Filter history' });
  await filters.getByLabel('Pool').selectOption({ label: 'Rotterdam Forklift Fleet · Tranched' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]pool=31337(%3A|:)${rotterdam.address}`, 'i'));
  const rows = page.getByTestId('history-row');
  await expect(rows.first()).toHaveAttribute('data-pool', rotterdam.address);
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-pool'))))).toEqual(
    new Set([rotterdam.address]),
  );
  const kinds = new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))));
  expect(kinds.has('deposit') && kinds.has('claim')).toBe(true);
  const link = rows.first().getByRole('link', { name: 'Rotterdam Forklift Fleet · Tranched · Junior' });
  await expect(link).toHaveAttribute('href', `/pools/${rotterdam.address}?chain=31337&tranche=junior`);

  // The CSV says the tranche of each row.
  const csv = parseCsv(
    (await (await page.request.get(`/portfolio/${INVESTOR}/history.csv?pool=31337:${rotterdam.address}`)).text()).slice(
      1,
    ),
  );
  const column = csv[0]!.indexOf('tranche');
  expect(column).toBeGreaterThan(0);
  expect(new Set(csv.slice(1).map((row) => row[column]))).toEqual(new Set(['junior']));
});

test('an address with nothing shows an empty portfolio, not an error', async ({ page }) => {
  const nobody = privateKeyToAccount(generatePrivateKey()).address;
  const res = await page.goto(`/portfolio/${nobody}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
  await expect(page.getByTestId('position-row')).toHaveCount(0);

  const csv = await page.request.get(`/portfolio/${nobody}/positions.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.text()).replace(/^\uFEFF/, '')).toBe(`${POSITIONS_CSV_HEADER.join(',')}\r\n`);
});

test('a malformed address is a 404 that says so', async ({ page }) => {
  const res = await page.goto('/portfolio/0x1234');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'That is not a wallet address' })).toBeVisible();
  expect((await page.request.get('/portfolio/0x1234/positions.csv')).status()).toBe(404);
  expect((await page.request.get('/portfolio/0x1234/history.csv')).status()).toBe(404);
  expect((await page.request.get('/portfolio/0x1234/statement.pdf')).status()).toBe(404);
});

test('without a wallet, /portfolio offers to connect one or to view any address', async ({ page }) => {
  await page.goto('/portfolio');
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: 'Connect Wallet' })).toBeVisible();

  const input = main.getByLabel('Wallet address');
  await input.fill('0x1234');
  await main.getByRole('button', { name: 'View portfolio' }).click();
  await expect(main.getByRole('alert')).toHaveText('That has 4 hexadecimal characters after 0x; an address has 40.');
  await expect(input).toHaveValue('0x1234');
  // Checked in the browser, or (before hydration) by the server from ?address=: the same message either way.
  await expect(page).toHaveURL(/\/portfolio(\?address=0x1234)?$/);

  // Pasted in lower case, as explorers print it: the portfolio opens under the checksummed address.
  await input.fill(INVESTOR.toLowerCase());
  await main.getByRole('button', { name: 'View portfolio' }).click();
  await expect(page).toHaveURL(new RegExp(`/portfolio/${INVESTOR}$`));
  await expect(page.getByTestId('portfolio-address')).toHaveText(INVESTOR);
});

test('with the wallet connected, /portfolio lands on its own portfolio', async ({ page, wallet }) => {
  await page.goto('/portfolio');
  await wallet.connect();
  await expect(page).toHaveURL(new RegExp(`/portfolio/${wallet.account}$`));
  await expect(page.getByTestId('portfolio-address')).toHaveText(wallet.account);
  await expect(page.getByText('This is your wallet')).toBeVisible();
});

test('past positions stay listed, filterable, with what their pool wrote down and recovered, and when', async ({
  page,
}) => {
  // anvil's accounts 2, 3 and 4: seeded investors, among them holders of the impaired pool and past holders.
  const wallets = [
    INVESTOR,
    '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  ];
  let sawPast = false;
  let sawLosses = false;
  for (const wallet of wallets) {
    await page.goto(`/portfolio/${wallet}`);
    const views = page.getByRole('navigation', { name: 'Which positions' });
    const count = async (label: string) =>
      Number(/\((\d+)\)/.exec((await views.getByRole('link', { name: new RegExp(`^${label}`) }).textContent())!)![1]);
    const [all, current, past] = [await count('All'), await count('Current'), await count('Past')];
    expect(all).toBe(current + past);
    const losses = page.getByTestId('position-losses');
    if ((await losses.count()) > 0) {
      sawLosses = true;
      await expect(losses.first()).toContainText(/pool wrote down \$[\d.,]+[KM]?, recovered \$[\d.,]+[KM]? \(last /);
    }
    if (past === 0) continue;
    sawPast = true;
    await views.getByRole('link', { name: /^Past/ }).click();
    await expect(page).toHaveURL(/[?&]positions=past/);
    const table = page
      .locator('table')
      .filter({ has: page.getByRole('columnheader', { name: /Pool/ }) })
      .first();
    await expect(table.locator('tbody tr')).toHaveCount(past);
    for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText('Exited');
    await views.getByRole('link', { name: /^Current/ }).click();
    await expect(page).toHaveURL(/[?&]positions=current/);
    await expect(page.getByText('Exited', { exact: true })).toHaveCount(0);
  }
  expect(sawPast, 'a seeded investor has left a pool').toBe(true);
  expect(sawLosses, 'a seeded investor holds or held the impaired pool').toBe(true);
});
