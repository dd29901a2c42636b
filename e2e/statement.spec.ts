import { getAddress, parseUnits, type Address } from 'viem';
import { financingPoolAbi } from '../lib/contracts/abis';
import { expect, test, type StackChain } from './fixtures';
import { statementPageTexts } from './fixtures/statement-pdf-text';

/**
 * Period statements (lib/statements, indexer/src/holding-statement.ts) in the browser: the figures on the page
 * equal the pools' own views read at the two blocks the page names, each flow equals its logs, the
 * reconciliation ties, and the CSV and PDF say the same, with every transaction's hash.
 */

// anvil's accounts 2, 3 and 4: seeded investors. Investor 2 queues its whole Osaka A position and claims monthly.
const INVESTOR: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const ENTITY = [INVESTOR, '0x90F79bf6EB2c4f870365E785982E1f101E93b906', '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'];
const DAY = 86_400;
const isoDay = (t: bigint | number) => new Date(Number(t) * 1000).toISOString().slice(0, 10);

async function positionAt(chain: StackChain, pool: Address, account: Address, blockNumber: bigint) {
  if (!(await chain.getCode({ address: pool, blockNumber }))) return { value: 0n, unclaimed: 0n };
  const read = (functionName: string, args: readonly unknown[]) =>
    chain.readContract({
      address: pool,
      abi: financingPoolAbi,
      functionName,
      args,
      blockNumber,
    } as never) as Promise<bigint>;
  const shares = await read('balanceOf', [account]);
  return { value: await read('previewRedeem', [shares]), unclaimed: await read('claimableRevenue', [account]) };
}

test('a holder who deposited, exited through the queue and claimed: the period statement equals the chain', async ({
  page,
  request,
  stack,
}) => {
  test.setTimeout(120_000);
  const { chain } = stack;
  const [fill] = await chain.getContractEvents({
    abi: financingPoolAbi,
    eventName: 'RedeemRequestFilled',
    args: { owner: INVESTOR },
    fromBlock: 0n,
  });
  expect(fill, 'the seed fills an exit of investor 2').toBeDefined();
  const fillTime = (await chain.getBlock({ blockNumber: fill!.blockNumber })).timestamp;
  const from = isoDay(Number(fillTime) - 70 * DAY);
  const to = isoDay(Number(fillTime) + 2 * DAY);

  await page.goto(`/portfolio/${INVESTOR}`);
  await page.getByRole('link', { name: 'Period statement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Period statement' })).toBeVisible();
  // Any two days, through the form.
  await page.getByLabel('First day (UTC)').fill(from);
  await page.getByLabel('Last day (UTC)').fill(to);
  await page.getByRole('button', { name: 'Show statement' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(page.getByTestId('reconciliation')).toHaveAttribute('data-tied', 'true');

  const opening = BigInt((await page.getByTestId('statement-opening').getAttribute('data-block'))!);
  const closing = BigInt((await page.getByTestId('statement-closing').getAttribute('data-block'))!);
  // The last block before the first day, and the last of the last day.
  const startOf = (day: string) => BigInt(Date.parse(`${day}T00:00:00Z`) / 1000);
  const time = async (b: bigint) => (await chain.getBlock({ blockNumber: b })).timestamp;
  expect(await time(opening)).toBeLessThan(startOf(from));
  expect(await time(opening + 1n)).toBeGreaterThanOrEqual(startOf(from));
  expect(await time(closing)).toBeLessThan(startOf(to) + BigInt(DAY));
  expect(await time(closing + 1n)).toBeGreaterThanOrEqual(startOf(to) + BigInt(DAY));

  const cell = async (line: string, column: string) =>
    BigInt(
      (await page
        .locator(`[data-testid="statement-table"] tr[data-line="${line}"] td[data-column="${column}"]`)
        .getAttribute('data-amount'))!,
    );
  const pools = stack.manifest.contracts.FinancingPools.map((p) => p.address);
  let columns = 0;
  const totals = { deposits: 0n, queued: 0n, claimed: 0n };
  for (const pool of pools) {
    const column = pool.toLowerCase();
    if ((await page.locator(`td[data-column="${column}"]`).count()) === 0) continue;
    columns++;
    for (const [end, block] of [
      ['opening', opening],
      ['closing', closing],
    ] as const) {
      const onChain = await positionAt(chain, pool, INVESTOR, block);
      expect(await cell(`${end}Value`, column), `${end} value in ${pool}`).toBe(onChain.value);
      expect(await cell(`${end}Unclaimed`, column), `${end} unclaimed revenue in ${pool}`).toBe(onChain.unclaimed);
    }
    const logs = await chain.getContractEvents({
      address: pool,
      abi: financingPoolAbi,
      fromBlock: opening + 1n,
      toBlock: closing,
    });
    const sum = (name: string, field: string, who: string) =>
      logs
        .filter((l) => l.eventName === name && getAddress((l.args as Record<string, string>)[who]!) === INVESTOR)
        .reduce((a, l) => a + ((l.args as Record<string, bigint>)[field] ?? 0n), 0n);
    expect(await cell('deposits', column)).toBe(sum('Deposit', 'assets', 'owner'));
    expect(await cell('queuedWithdrawals', column)).toBe(-sum('RedeemRequestFilled', 'assets', 'owner'));
    expect(await cell('revenueClaimed', column)).toBe(-sum('RevenueClaimed', 'amount', 'account'));
    totals.deposits += await cell('deposits', column);
    totals.queued += await cell('queuedWithdrawals', column);
    totals.claimed += await cell('revenueClaimed', column);
  }
  expect(columns).toBeGreaterThan(0);
  expect(totals.deposits, 'deposited in the period').toBeGreaterThan(0n);
  expect(totals.queued, 'exited through the queue in the period').toBeLessThan(0n);
  expect(totals.claimed, 'claimed in the period').toBeLessThan(0n);
  expect(await cell('deposits', 'total')).toBe(totals.deposits);

  // The fill is listed with its full hash.
  await expect(page.getByTestId('statement-transactions')).toContainText(fill!.transactionHash);

  // The CSV: the same lines, each holding's reconciliation gap zero, the same transactions.
  const csvHref = (await page.getByRole('link', { name: '↓ CSV' }).getAttribute('href'))!;
  const csv = await request.get(csvHref);
  expect(csv.status()).toBe(200);
  const text = (await csv.text()).replace(/^\uFEFF/, '');
  const rows = text
    .trim()
    .split(/\r?\n/)
    .map((r) => r.split(','));
  const gaps = rows.filter((r) => r[0] === 'line' && r[5] === 'reconciliation_gap');
  expect(gaps.length).toBeGreaterThan(1);
  for (const gap of gaps) expect(gap[6]).toBe('0');
  const total = (item: string) => rows.find((r) => r[0] === 'line' && r[2] === '' && r[3] === '' && r[5] === item)!;
  expect(parseUnits(total('deposits')[6]!, 6)).toBe(totals.deposits);
  expect(rows.find((r) => r[0] === 'period' && r[5] === 'opening_block')![8]).toBe(opening.toString());
  expect(text).toContain(fill!.transactionHash);

  // The PDF says the same: the period, the blocks, the check, the fill's hash.
  const pdfHref = (await page.getByRole('link', { name: '↓ PDF' }).getAttribute('href'))!;
  const pdf = await request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const pages = (await statementPageTexts(await pdf.body())).join('\n');
  expect(pages).toContain('Period statement');
  expect(pages).toContain(`block ${opening}`);
  expect(pages).toContain('ties to the base unit');
  expect(pages).toContain(fill!.transactionHash);
});

test('a holder hit by a write-down: their share of it, as the pool valued their shares across its block', async ({
  page,
  stack,
}) => {
  test.setTimeout(120_000);
  const { chain } = stack;
  const [writeDown] = await chain.getContractEvents({
    abi: financingPoolAbi,
    eventName: 'PrincipalWrittenDown',
    fromBlock: 0n,
  });
  expect(writeDown).toBeDefined();
  const pool = writeDown!.address as Address;
  let holder: Address | undefined;
  for (const account of ENTITY as Address[]) {
    const { value } = await positionAt(chain, pool, account, writeDown!.blockNumber);
    if (value > 0n) holder = account;
  }
  const addresses = (await chain.request({ method: 'eth_accounts' } as never)) as Address[];
  for (const account of addresses) {
    if (holder) break;
    if ((await positionAt(chain, pool, getAddress(account), writeDown!.blockNumber)).value > 0n)
      holder = getAddress(account);
  }
  expect(holder, 'someone held the pool when it wrote down').toBeDefined();
  const when = new Date(Number((await chain.getBlock({ blockNumber: writeDown!.blockNumber })).timestamp) * 1000);
  const quarter = `${when.getUTCFullYear()}-Q${Math.floor(when.getUTCMonth() / 3) + 1}`;
  await page.goto(`/portfolio/${holder}/statement?period=${quarter}`);
  await expect(page.getByTestId('statement-period')).toHaveText(`Q${quarter.slice(-1)} ${when.getUTCFullYear()}`);
  await expect(page.getByTestId('reconciliation')).toHaveAttribute('data-tied', 'true');
  const opening = BigInt((await page.getByTestId('statement-opening').getAttribute('data-block'))!);
  const closing = BigInt((await page.getByTestId('statement-closing').getAttribute('data-block'))!);
  const column = pool.toLowerCase();
  const amount = async (line: string) =>
    BigInt(
      (await page
        .locator(`[data-testid="statement-table"] tr[data-line="${line}"] td[data-column="${column}"]`)
        .getAttribute('data-amount'))!,
    );
  // The fall of the holder's value across every block of the period that marked a loss or a recovery.
  const lossLogs = await chain.getContractEvents({
    address: pool,
    abi: financingPoolAbi,
    fromBlock: opening + 1n,
    toBlock: closing,
  });
  const blocks = [
    ...new Set(
      lossLogs
        .filter((l) => ['ProvisionUpdated', 'PrincipalWrittenDown', 'PrincipalRecovered'].includes(l.eventName))
        .map((l) => l.blockNumber),
    ),
  ];
  let share = 0n;
  for (const b of blocks) {
    share += (await positionAt(chain, pool, holder!, b)).value - (await positionAt(chain, pool, holder!, b - 1n)).value;
  }
  // The quarter may hold the recovery too: the write-down itself is a loss to the holder.
  expect(blocks.length).toBeGreaterThan(0);
  expect(await amount('writeDowns')).toBeLessThan(0n);
  expect((await amount('provisions')) + (await amount('writeDowns')) + (await amount('recoveries'))).toBe(share);
  for (const [end, block] of [
    ['opening', opening],
    ['closing', closing],
  ] as const) {
    expect(await amount(`${end}Value`)).toBe((await positionAt(chain, pool, holder!, block)).value);
  }
});

test('an entity’s statement: every wallet reconciled, and a bad period refused with a message', async ({ page }) => {
  const entity = `/portfolio/entity?name=Acme+Fund+I&wallets=${ENTITY.join(',')}`;
  await page.goto(entity);
  await page.getByRole('link', { name: 'Period statement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Period statement · Acme Fund I' })).toBeVisible();
  await page.getByRole('link', { name: String(new Date().getUTCFullYear()), exact: true }).click();
  await expect(page.getByTestId('reconciliation')).toHaveAttribute('data-tied', 'true');
  await expect(page.getByTestId('statement-wallet')).toHaveCount(3);
  await expect(page.getByTestId('statement-transaction').first()).toBeVisible();

  await page.goto(`/portfolio/entity/statement?name=Acme&wallets=${ENTITY.join(',')}&from=2026-02-30&to=2026-03-01`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('not a date of the calendar');
  const res = await page.request.get(`/portfolio/${INVESTOR}/statement/period.csv?period=2026-13`);
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain('not a period');
});
