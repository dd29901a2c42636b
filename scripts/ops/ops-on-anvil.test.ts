/**
 * The operators' command line against a real chain: the protocol deployed as the seed deploys it, on our own
 * anvil (port 9645), then a pool's life through the commands, run as functions and once as the CLI process, with
 * each effect read back from the chain; and the refusals (bad CSV row, amount over what is outstanding, missing
 * role, a dry run) checked to send nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bytesToHex, decodeFunctionData, getAddress, parseUnits, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { writeManifest } from '../../lib/deployments/manifest';
import { deployProtocol, type Protocol } from '../seed/protocol';
import { connectSeedChain, DAY, type SeedChain } from '../seed/seed-chain';
import { ACCOUNTS } from '../seed/world';
import { startAnvil } from '../stack/anvil';
import type { Service } from '../stack/processes';
import { runOps } from './run-ops';
import { hasValidChecksum, type SafeBatchFile } from './safe-batch';

const PORT = 9645;
const MNEMONIC = 'test test test test test test test test test test test junk';
const keyOf = (index: number): Hex =>
  bytesToHex(mnemonicToAccount(MNEMONIC, { addressIndex: index }).getHdKey().privateKey!);
const usdc = (text: string) => parseUnits(text, 6);

let anvil: Service & { rpcUrl: string };
let chain: SeedChain;
let protocol: Protocol;
let dir: string;
let env: Record<string, string | undefined>;

type Key = 'ADMIN_KEY' | 'MANAGER_KEY' | 'REPORTER_KEY' | 'REGISTRAR_KEY';

/**
 * Runs `line` (words split on spaces; values with spaces go in `more`) as a command function with the key in
 * env var `key` (or no key: a Safe); collects its output and refusals.
 */
async function run(key: Key | null, line: string, ...more: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const argv = [...line.split(' '), ...more, ...(key ? ['--private-key-env', key] : [])];
  const { code, result } = await runOps(argv, {
    env,
    cwd: process.cwd(),
    log: (l) => out.push(l),
    error: (l) => err.push(l),
  });
  return { code, result, out: out.join('\n'), err: err.join('\n') };
}

const nonceOf = (index: number) => chain.client.getTransactionCount({ address: chain.addr(index) });

beforeAll(async () => {
  anvil = await startAnvil(PORT, { quiet: true });
  chain = await connectSeedChain(anvil.rpcUrl);
  protocol = await deployProtocol(chain, () => {});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-test-'));
  const entry = (c: { address: Address; block: number }) => ({ address: c.address, deployedOnBlock: c.block });
  writeManifest(
    {
      chainId: 31337,
      startBlock: protocol.usdc.block,
      contracts: {
        USDC: entry(protocol.usdc),
        HardwareAssetRegistry: entry(protocol.registry),
        ProtocolTimelock: entry(protocol.timelock),
        PoolFactory: entry(protocol.factory),
        FinancingPools: [],
      },
    },
    dir,
  );
  env = {
    RPC_URL: anvil.rpcUrl,
    DEPLOYMENTS_DIR: dir,
    ADMIN_KEY: keyOf(ACCOUNTS.admin),
    MANAGER_KEY: keyOf(ACCOUNTS.manager),
    REPORTER_KEY: keyOf(ACCOUNTS.reporter),
    REGISTRAR_KEY: keyOf(ACCOUNTS.registrar),
  };
}, 60_000);

afterAll(() => {
  if (anvil?.child.pid) process.kill(-anvil.child.pid, 'SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the back office on a chain', () => {
  let pool: Address;
  const onPool = () => ({ address: pool, abi: financingPoolAbi }) as const;
  const onRegistry = () => ({ address: protocol.registry.address, abi: hardwareAssetRegistryAbi }) as const;
  const operator = () => chain.addr(13);
  const outstanding = (asset: bigint) =>
    chain.client.readContract({ ...onPool(), functionName: 'outstandingOf', args: [asset] });
  const assetCapital = (asset: bigint) =>
    chain.client.readContract({ ...onPool(), functionName: 'assetCapital', args: [asset] });
  const balanceOf = (account: Address) =>
    chain.client.readContract({
      address: protocol.usdc.address,
      abi: mockUsdcAbi,
      functionName: 'balanceOf',
      args: [account],
    });

  it('registers a project from the real command line', async () => {
    const argv = ['register-project', '--operator', operator(), '--category', 'compute', '--name', 'Test GPU Cloud'];
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/ops/cli.ts', ...argv, '--metadata-uri', '/metadata/projects/ashburn-gpu-cloud.json'],
      { env: { ...process.env, RPC_URL: anvil.rpcUrl, DEPLOYMENTS_DIR: dir, OPERATOR_PRIVATE_KEY: env.ADMIN_KEY } },
    );
    expect(stdout).toMatch(/step 1 mined: tx 0x[0-9a-f]{64}/);
    expect(stdout).toContain('project id 1');
    const project = await chain.client.readContract({
      address: protocol.factory.address,
      abi: poolFactoryAbi,
      functionName: 'getProject',
      args: [1n],
    });
    expect([project.name, project.operator]).toEqual(['Test GPU Cloud', operator()]);
  }, 30_000);

  it('creates a pool, registers two assets, and opens the pool', async () => {
    const metadata = '--metadata-uri /metadata/pools/ashburn-h100-round-1.json';
    const created = await run(
      'ADMIN_KEY',
      `create-pool --project-id 1 --symbol tH100 --deposit-cap 2000000 --min-deposit 100 ${metadata}`,
      ...['--name', 'Test H100 Round'],
    );
    expect(created.err).toBe('');
    pool = created.result!.outputs.pool as Address;
    const isPool = await chain.client.readContract({
      address: protocol.factory.address,
      abi: poolFactoryAbi,
      functionName: 'isPool',
      args: [pool],
    });
    expect(isPool).toBe(true);
    expect(await chain.client.readContract({ ...onPool(), functionName: 'depositCap' })).toBe(usdc('2000000'));

    const ids: string[] = [];
    for (const [model, units] of [
      ['H100 SXM', '64'],
      ['H200 SXM', '32'],
    ]) {
      const r = await run(
        'REGISTRAR_KEY',
        `register-asset --pool ${pool} --kind gpu --units ${units} ${metadata}`,
        ...['--model', model!, '--location', 'Ashburn, VA'],
      );
      expect(r.err).toBe('');
      ids.push(r.result!.outputs.assetId!);
    }
    expect(ids).toEqual(['1', '2']);
    const second = await chain.client.readContract({ ...onRegistry(), functionName: 'getAsset', args: [2n] });
    expect([second.pool, second.operator, second.model, second.units]).toEqual([pool, operator(), 'H200 SXM', 32]);

    expect((await run('MANAGER_KEY', `activate --pool ${pool}`)).err).toBe('');
    expect(await chain.client.readContract({ ...onPool(), functionName: 'status' })).toBe(1);
  }, 30_000);

  it('schedules asset limits on the timelock and executes them once the delay is over', async () => {
    const opFile = path.join(dir, 'limit-2.json');
    const first = await run('ADMIN_KEY', `set-limits --pool ${pool} --asset 1 --asset-limit 500000`);
    const second = await run(
      'ADMIN_KEY',
      `set-limits --pool ${pool} --asset 2 --asset-limit 400000 --operation-out ${opFile}`,
    );
    expect([first.err, second.err]).toEqual(['', '']);
    const id = first.result!.outputs.operationId!;
    expect(first.out).toContain(`timelock operation ${id}`);
    expect(first.out).toMatch(/ready at \d{4}-\d\d-\d\dT/);

    const early = await run('MANAGER_KEY', `timelock-execute --id ${id}`);
    expect(early.err).toMatch(/is not ready until/);

    await chain.client.increaseTime({ seconds: 2 * DAY + 60 });
    await chain.client.mine({ blocks: 1 });
    expect((await run('MANAGER_KEY', `timelock-execute --id ${id}`)).err).toBe('');
    expect((await run('MANAGER_KEY', `timelock-execute --from-file ${opFile}`)).err).toBe('');
    expect([(await assetCapital(1n))[5], (await assetCapital(2n))[5]]).toEqual([usdc('500000'), usdc('400000')]);
  }, 30_000);

  it('deploys capital after a deposit, within the deployable cash and the asset limit', async () => {
    const investor = ACCOUNTS.investors[0];
    await chain.send(investor, {
      address: protocol.usdc.address,
      abi: mockUsdcAbi,
      functionName: 'approve',
      args: [pool, usdc('800000')],
    });
    await chain.send(investor, { ...onPool(), functionName: 'deposit', args: [usdc('800000'), chain.addr(investor)] });

    const before = await balanceOf(operator());
    expect((await run('MANAGER_KEY', `deploy-capital --pool ${pool} --asset 1 --amount 300000`)).err).toBe('');
    expect((await run('MANAGER_KEY', `deploy-capital --pool ${pool} --asset 2 --amount 200000`)).err).toBe('');
    expect((await balanceOf(operator())) - before).toBe(usdc('500000'));
    expect(await outstanding(1n)).toBe(usdc('300000'));

    const nonce = await nonceOf(ACCOUNTS.manager);
    const overLimit = await run('MANAGER_KEY', `deploy-capital --pool ${pool} --asset 1 --amount 250000`);
    expect(overLimit.err).toMatch(/over its limit of 500,000 USDC/);
    const overCash = await run('MANAGER_KEY', `deploy-capital --pool ${pool} --asset 2 --amount 350000`);
    expect(overCash.err).toMatch(/over the pool's deployable capital of 300,000 USDC/);
    const wrongRole = await run('REPORTER_KEY', `deploy-capital --pool ${pool} --asset 1 --amount 1`);
    expect(wrongRole.err).toContain(
      `the sender ${chain.addr(ACCOUNTS.reporter)} lacks POOL_MANAGER_ROLE on pool ${pool}`,
    );
    const notPool = await run('MANAGER_KEY', `deploy-capital --pool ${protocol.usdc.address} --asset 1 --amount 1`);
    expect(notPool.err).toMatch(/is not a pool of the PoolFactory/);
    expect(await nonceOf(ACCOUNTS.manager)).toBe(nonce);
  }, 30_000);

  it('distributes revenue of two assets from a CSV, and refuses bad rows naming them, sending nothing', async () => {
    const now = Number((await chain.client.getBlock()).timestamp);
    const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
    const [start, end] = [now - 8 * DAY, now - DAY];
    const csv = path.join(dir, 'revenue.csv');
    const header = 'asset_id,amount_usdc,period_start,period_end';
    fs.writeFileSync(csv, [header, `1,12500.50,${iso(start)},${iso(end)}`, `2,8000,${start},${end}`].join('\n'));
    const r = await run('REPORTER_KEY', `distribute-revenue --pool ${pool} --csv ${csv}`);
    expect(r.err).toBe('');
    expect(r.result!.receipts).toHaveLength(2); // the approval of the sum, then the batch
    const events = await chain.client.getContractEvents({
      ...onPool(),
      eventName: 'RevenueDistributed',
      fromBlock: 0n,
    });
    expect(events.map((e) => [e.args.assetId, e.args.grossAmount, e.args.periodEnd])).toEqual([
      [1n, usdc('12500.5'), BigInt(end)],
      [2n, usdc('8000'), BigInt(end)],
    ]);

    const nonce = await nonceOf(ACCOUNTS.reporter);
    const bad = path.join(dir, 'revenue-bad.csv');
    const rows = [
      `1,100,${end},${now}`, // fine: starts where the last one ended
      `2,100,${end - DAY},${now}`, // overlaps asset 2's distributed period
      `1,100,${now},${now + DAY}`, // in the future
    ];
    fs.writeFileSync(bad, [header, ...rows].join('\n'));
    const refused = await run('REPORTER_KEY', `distribute-revenue --pool ${pool} --csv ${bad}`);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('2 problems, nothing sent');
    expect(refused.err).toMatch(
      /row 2 \(line 3\): asset 2's period .* overlaps its period .* already distributed \(tx 0x/,
    );
    expect(refused.err).toMatch(/row 3 \(line 4\): period_end .* is in the future/);
    expect(await nonceOf(ACCOUNTS.reporter)).toBe(nonce);
  }, 30_000);

  it('reports utilization from a CSV, once per period', async () => {
    const now = Number((await chain.client.getBlock()).timestamp);
    const csv = path.join(dir, 'utilization.csv');
    const [start, end] = [now - 7 * DAY, now - 60];
    fs.writeFileSync(
      csv,
      `asset_id,period_start,period_end,utilization_pct\n1,${start},${end},87.5\n2,${start},${end},64\n`,
    );
    expect((await run('REPORTER_KEY', `report-utilization --csv ${csv}`)).err).toBe('');
    const events = await chain.client.getContractEvents({
      ...onRegistry(),
      eventName: 'UtilizationReported',
      fromBlock: 0n,
    });
    expect(events.map((e) => [e.args.assetId, e.args.utilizationBps])).toEqual([
      [1n, 8750],
      [2n, 6400],
    ]);
    const again = await run('REPORTER_KEY', `report-utilization --csv ${csv}`);
    expect(again.err).toMatch(/row 1 \(line 2\): asset 1's period .* already reported/);
  }, 30_000);

  it('records a repayment (a dry run first, which sends nothing) and refuses one over what is outstanding', async () => {
    const nonce = await nonceOf(ACCOUNTS.manager);
    const dry = await run('MANAGER_KEY', `record-repayment --dry-run --pool ${pool} --asset 1 --amount 50000`);
    expect(dry.out).toContain('dry run: simulated only, nothing sent');
    expect(dry.out).toMatch(/approve\(spender=0x[0-9a-fA-F]{40}, value=50000000000\)/);
    expect(dry.out).toMatch(/recordRepayment\(assetId=1, amount=50000000000\)\n\s+gas ≈ [\d,]+/);
    expect(await nonceOf(ACCOUNTS.manager)).toBe(nonce);
    expect(await outstanding(1n)).toBe(usdc('300000'));

    const over = await run('MANAGER_KEY', `record-repayment --pool ${pool} --asset 1 --amount 300000.000001`);
    expect(over.err).toMatch(/over the 300,000 USDC outstanding in asset 1/);
    expect(await nonceOf(ACCOUNTS.manager)).toBe(nonce);

    expect((await run('MANAGER_KEY', `record-repayment --pool ${pool} --asset 1 --amount 50000`)).err).toBe('');
    expect(await outstanding(1n)).toBe(usdc('250000'));
  }, 30_000);

  it('marks an impairment once the registry says the asset is impaired', async () => {
    const mark = `mark-impairment --pool ${pool} --asset 2 --provision 20000`;
    expect((await run('MANAGER_KEY', mark)).err).toMatch(/not impaired: set-asset-status --status impaired first/);
    expect((await run('REGISTRAR_KEY', 'set-asset-status --asset 2 --status impaired')).err).toBe('');
    expect((await run('MANAGER_KEY', mark)).err).toBe('');
    expect((await assetCapital(2n))[4]).toBe(usdc('20000'));
    expect(await chain.client.readContract({ ...onPool(), functionName: 'totalProvisions' })).toBe(usdc('20000'));
  }, 30_000);

  it("writes a Safe batch, checked against the Safe's role and simulated from it, and sends nothing", async () => {
    // A contract account stands in for the Safe.
    const safe = chain.addr(22);
    await chain.client.setCode({ address: safe, bytecode: '0x00' });
    const asset = `--pool ${pool} --kind robot --model AMR --units 40 --location Rotterdam --metadata-uri /m.json`;
    const noRole = await run(null, `register-asset --safe ${safe} --out ${path.join(dir, 'none.json')} ${asset}`);
    expect(noRole.err).toContain(`the Safe ${safe} lacks REGISTRAR_ROLE on the HardwareAssetRegistry`);

    const registrar = await chain.client.readContract({ ...onRegistry(), functionName: 'REGISTRAR_ROLE' });
    await chain.send(ACCOUNTS.admin, { ...onRegistry(), functionName: 'grantRole', args: [registrar, safe] });
    const out = path.join(dir, 'batch.json');
    expect((await run(null, `register-asset --safe ${safe} --out ${out} ${asset}`)).err).toBe('');
    const batch = JSON.parse(fs.readFileSync(out, 'utf8')) as SafeBatchFile;
    expect([batch.chainId, batch.meta.createdFromSafeAddress, hasValidChecksum(batch)]).toEqual(['31337', safe, true]);
    expect(batch.transactions).toHaveLength(1);
    const [tx] = batch.transactions;
    expect(tx!.to).toBe(getAddress(protocol.registry.address));
    expect(decodeFunctionData({ abi: hardwareAssetRegistryAbi, data: tx!.data }).functionName).toBe('registerAsset');
    expect(tx!.contractInputsValues).toMatchObject({ pool, units: '40', model: 'AMR' });
    expect(await chain.client.readContract({ ...onRegistry(), functionName: 'assetCount' })).toBe(2n);
  }, 30_000);

  it('says a step sent but not seen mined may still be mined, and plans nothing while it is pending', async () => {
    const line = `register-project --operator ${operator()} --category compute --metadata-uri /metadata/projects/ashburn-gpu-cloud.json`;
    const nonce = await nonceOf(ACCOUNTS.admin);
    await chain.client.setAutomine(false);
    env.OPS_RECEIPT_TIMEOUT_SECONDS = '1';
    try {
      const sent = await run('ADMIN_KEY', line, '--name', 'Slow Cloud');
      expect(sent.code).toBe(1);
      const hash = /step 1 \(.*\) was sent as tx (0x[0-9a-f]{64}) but no receipt/.exec(sent.err)?.[1];
      expect(sent.err).toMatch(
        /but no receipt came within 1 s: it may still be mined\. Do not rerun; check it on the explorer\. No later step was sent\./,
      );
      expect(sent.err).not.toMatch(/nothing was mined/);
      expect(hash).toBeDefined();

      for (const again of [line, `${line} --dry-run`]) {
        const refused = await run('ADMIN_KEY', again, '--name', 'Slow Cloud');
        expect(refused.err).toMatch(
          new RegExp(
            `sender ${chain.addr(ACCOUNTS.admin)} has 1 transaction sent and not yet mined \\(nonce ${nonce}\\)`,
          ),
        );
        expect(refused.err).toMatch(/nothing planned$/);
      }
      await chain.client.mine({ blocks: 1 });
      expect((await chain.client.getTransactionReceipt({ hash: hash as Hex })).status).toBe('success');
      expect(await nonceOf(ACCOUNTS.admin)).toBe(nonce + 1);
    } finally {
      delete env.OPS_RECEIPT_TIMEOUT_SECONDS;
      await chain.client.setAutomine(true);
    }
  }, 30_000);
});
