import { getAddress, parseUnits, type Address } from 'viem';
import { formatUsdc } from '../lib/format/usdc';
import { POSITIONS_CSV_HEADER } from '../lib/portfolio/portfolio-csv';
import { TRANCHE_POSITIONS_CSV_HEADER } from '../lib/portfolio/tranche-csv';
import { expect, test } from './fixtures';

/**
 * Entities (lib/portfolio/entity.ts): several wallets read as one portfolio at a shareable URL, with totals that
 * are the wallets' own added up to the base unit, a row per wallet, statements and a feed; bad and duplicate
 * addresses refused with a message naming them.
 */

// anvil's accounts 2, 3 and 4: seeded investors.
const WALLETS: Address[] = [
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
];

/** A positions CSV's value column (pools' or tranches'), per wallet, exact, added to `sums`. */
function valuesByWallet(
  csv: string,
  columns: readonly string[] = POSITIONS_CSV_HEADER,
  sums = new Map<Address, bigint>(),
): Map<Address, bigint> {
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(header!.split(',')).toEqual([...columns]);
  const account = columns.indexOf('account');
  const value = columns.indexOf('value_usdc');
  for (const row of rows) {
    const cells = csvCells(row);
    const wallet = getAddress(cells[account]!);
    sums.set(wallet, (sums.get(wallet) ?? 0n) + parseUnits(cells[value]!, 6));
  }
  return sums;
}

/** One CSV row's fields, quoted ones (a pool name with a comma) unquoted. */
function csvCells(row: string): string[] {
  const cells: string[] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g;
  for (let m = field.exec(row); m && m.index < row.length; m = field.exec(row)) {
    cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    if (m[3] === '') break;
  }
  return cells;
}

test('three wallets read as one: the totals are theirs added up, with a row per wallet, statements and a feed', async ({
  page,
  request,
}) => {
  await page.goto('/portfolio');
  const form = page.getByRole('form', { name: 'Combine wallets' });
  await form.getByLabel('Name').fill('Acme Fund I');
  // As pasted from a spreadsheet: one per line, one in lower case.
  await form.getByLabel(/^Wallets/).fill(`${WALLETS[0]}\n${WALLETS[1]!.toLowerCase()}\n${WALLETS[2]}`);
  await form.getByRole('button', { name: 'View as one portfolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Fund I' })).toBeVisible();
  const shared = page.url();
  expect(new URL(shared).pathname).toBe('/portfolio/entity');

  const rows = page.getByTestId('entity-wallet-row');
  await expect(rows).toHaveCount(3);
  // The history is every wallet's, each row naming its wallet.
  await expect(page.getByRole('columnheader', { name: 'Wallet' }).last()).toBeVisible();
  await expect(page.getByTestId('history-row').filter({ hasText: '0x3C44…93BC' }).first()).toBeVisible();
  const block = await page.getByTestId('indexed-block').getAttribute('data-block');

  // Each wallet's row is that wallet's own portfolio total.
  const own = new Map<Address, string>();
  for (const [i, wallet] of WALLETS.entries()) {
    await expect(rows.nth(i)).toContainText(wallet);
    own.set(wallet, (await rows.nth(i).getByTestId('entity-wallet-value').textContent())!);
  }

  // The statement names each wallet's rows; added up, to the base unit, they are the entity's total.
  const csv = await request.get(`/portfolio/entity/positions.csv${new URL(shared).search}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toContain('machine-yield-acme-fund-i-positions.csv');
  // Their tranche positions count too: two of these investors hold tranches (the seed's).
  const tranches = await request.get(`/portfolio/entity/tranches.csv${new URL(shared).search}`);
  expect(tranches.status()).toBe(200);
  expect(tranches.headers()['content-disposition']).toContain('machine-yield-acme-fund-i-tranches.csv');
  const poolValues = valuesByWallet(await csv.text());
  const trancheRows = (await tranches.text()).trim().split(/\r?\n/).length - 1;
  expect(trancheRows).toBeGreaterThan(0);
  await expect(page.getByTestId('tranche-position-row')).toHaveCount(trancheRows);
  const values = valuesByWallet(await tranches.text(), TRANCHE_POSITIONS_CSV_HEADER, poolValues);
  const total = [...values.values()].reduce((sum, v) => sum + v, 0n);
  expect(total).toBeGreaterThan(0n);
  await expect(page.getByTestId('total-value')).toHaveText(formatUsdc(total));
  for (const wallet of WALLETS) expect(own.get(wallet)).toBe(formatUsdc(values.get(wallet) ?? 0n));

  // ...and each wallet's own portfolio page says the same, at the same block.
  for (const wallet of WALLETS) {
    await page.goto(`/portfolio/${wallet}`);
    await expect(page.getByTestId('indexed-block')).toHaveAttribute('data-block', block!);
    await expect(page.getByTestId('total-value')).toHaveText(own.get(wallet)!);
  }

  const feed = await request.get(`/portfolio/entity/feed.json${new URL(shared).search}`);
  expect(feed.status()).toBe(200);
  expect(((await feed.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

  // The link is the entity: opened afresh, the same page.
  await page.goto(shared);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Fund I' })).toBeVisible();
  await expect(page.getByTestId('total-value')).toHaveText(formatUsdc(total));
});

test('bad and duplicate addresses are refused, each named, and what was typed is kept', async ({ page, request }) => {
  await page.goto('/portfolio');
  const form = page.getByRole('form', { name: 'Combine wallets' });
  await form.getByLabel('Name').fill('Typo Fund');
  const typed = `${WALLETS[0]}, 0x1234, ${WALLETS[0]!.toLowerCase()}, vitalik`;
  await form.getByLabel(/^Wallets/).fill(typed);
  await form.getByRole('button', { name: 'View as one portfolio' }).click();
  const errors = page.locator('#entity-errors');
  await expect(errors).toContainText('Not addresses: 0x1234, vitalik.');
  await expect(errors).toContainText('Listed more than once: 0x3C44…93BC.');
  await expect(page.getByLabel(/^Wallets/)).toHaveValue(typed);
  await expect(page.getByLabel('Name')).toHaveValue('Typo Fund');
  // The statements and feeds say so too, with a 400, never a partial file.
  for (const statement of ['positions.csv', 'tranches.csv']) {
    const csv = await request.get(`/portfolio/entity/${statement}?wallets=0x1234`);
    expect(csv.status(), statement).toBe(400);
    expect(await csv.text()).toContain('Not an address: 0x1234.');
  }
});
