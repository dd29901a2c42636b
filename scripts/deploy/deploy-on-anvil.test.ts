/**
 * The production deploy against a chain like Base Sepolia: our own anvil on port 9545 carrying chain id 84532,
 * where "Circle" (dev account 9) has issued a USDC with no public mint; the deployer is dev account 0, its key
 * given through the environment. Run as a function and once as the real CLI process: the manifest, the roles on
 * chain, a rerun that sends nothing, a dry run that sends nothing, the refusals, and resuming after a crash at
 * each phase of a step with every contract deployed once.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getContractAddress, keccak256, parseTransaction, zeroHash, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardwareAssetRegistryAbi, poolFactoryAbi, protocolTimelockAbi } from '../../lib/contracts/abis';
import { parseDeployConfig, type DeployConfig } from '../../lib/deployments/deploy-config';
import { readManifest, writeManifest } from '../../lib/deployments/manifest';
import { deployCommand } from './command';
import { runDeploy } from './deploy';
import { devAccount, devKey, issueFiatToken, safeLikeCode, startChainWithId } from './fiat-token-chain';
import { fileJournal } from './journal';
import { ROLE } from './plan';

const PORT = 9545;
const CHAIN_ID = 84532;
const STEPS = 9;
const SAFE: Address = '0x5afe000000000000000000000000000000000001';
const deployerKey = devKey(0);
const deployer = privateKeyToAccount(deployerKey);

let chain: Awaited<ReturnType<typeof startChainWithId>>;
let usdc: Address;
let rawConfig: Record<string, unknown>;
let config: DeployConfig;

const nonce = () => chain.client.getTransactionCount({ address: deployer.address });
const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
const quiet = () => {};
const deploy = (dir: string, extra: Partial<Parameters<typeof runDeploy>[0]> = {}) =>
  runDeploy({ config, rpcUrl: chain.rpcUrl, account: deployer, dir, log: quiet, ...extra });
const hasRole = (
  address: Address,
  abi: typeof hardwareAssetRegistryAbi | typeof protocolTimelockAbi | typeof poolFactoryAbi,
  role: `0x${string}`,
  account: Address,
) =>
  chain.client.readContract({
    address,
    abi,
    functionName: 'hasRole',
    args: [role, account],
  } as never) as Promise<boolean>;

beforeAll(async () => {
  chain = await startChainWithId(PORT, CHAIN_ID);
  usdc = await issueFiatToken(chain.rpcUrl, CHAIN_ID);
  // The admin and the timelock's proposer are a Safe, as in production (code that answers like one).
  await chain.client.request({
    method: 'anvil_setCode',
    params: [SAFE, safeLikeCode([devAccount(10).address, devAccount(11).address, devAccount(12).address])],
  } as never);
  rawConfig = {
    chainId: CHAIN_ID,
    usdc,
    protocolFeeBps: 1000,
    revenueStreamDays: 7,
    timelockDelaySeconds: 3600,
    roles: {
      admin: { address: SAFE, kind: 'safe' },
      timelockProposer: { address: SAFE, kind: 'safe' },
      guardian: { address: devAccount(11).address, kind: 'eoa' },
      manager: devAccount(12).address,
      reporter: devAccount(13).address,
      compliance: devAccount(14).address,
      registrar: devAccount(15).address,
      treasury: devAccount(16).address,
    },
  };
  config = parseDeployConfig(rawConfig);
}, 60_000);

afterAll(async () => {
  await chain?.stop();
});

describe('npm run deploy on a chain with Circle-like USDC', () => {
  it('deploys, hands every role over, verifies it, and writes the manifest; a rerun sends nothing', async () => {
    const dir = freshDir();
    const before = await nonce();
    const report = await deploy(dir);
    expect(report.status).toBe('deployed');
    expect(await nonce()).toBe(before + STEPS);

    const manifest = readManifest(CHAIN_ID, dir);
    const { HardwareAssetRegistry, ProtocolTimelock, PoolFactory, USDC, FinancingPools } = manifest.contracts;
    expect(USDC.address).toBe(usdc);
    expect(FinancingPools).toEqual([]);
    expect(manifest.startBlock).toBe(HardwareAssetRegistry.deployedOnBlock);
    expect(USDC.deployedOnBlock).toBe(HardwareAssetRegistry.deployedOnBlock);

    const registry = HardwareAssetRegistry.address;
    const timelock = ProtocolTimelock!.address;
    const factory = PoolFactory.address;
    expect(await hasRole(registry, hardwareAssetRegistryAbi, zeroHash, SAFE)).toBe(true);
    expect(await hasRole(registry, hardwareAssetRegistryAbi, zeroHash, deployer.address)).toBe(false);
    expect(await hasRole(registry, hardwareAssetRegistryAbi, ROLE.REGISTRAR, devAccount(15).address)).toBe(true);
    expect(await hasRole(timelock, protocolTimelockAbi, ROLE.CANCELLER, devAccount(11).address)).toBe(true);
    expect(await hasRole(timelock, protocolTimelockAbi, zeroHash, deployer.address)).toBe(false);
    expect(await hasRole(timelock, protocolTimelockAbi, zeroHash, timelock)).toBe(true);
    expect(await hasRole(factory, poolFactoryAbi, zeroHash, SAFE)).toBe(true);
    expect(await hasRole(factory, poolFactoryAbi, zeroHash, deployer.address)).toBe(false);
    const roles = await chain.client.readContract({
      address: factory,
      abi: poolFactoryAbi,
      functionName: 'defaultRoles',
    });
    expect(roles[0]).toBe(timelock);

    const again = await deploy(dir);
    expect(again.status).toBe('already-deployed');
    expect(await nonce()).toBe(before + STEPS);
  }, 30_000);

  it('runs as the real CLI with the key from the environment; rerun, it says already deployed', async () => {
    const dir = freshDir();
    const configFile = path.join(dir, 'rehearsal.json');
    fs.writeFileSync(configFile, JSON.stringify(rawConfig));
    const argv = ['--config', configFile, '--rpc-url', chain.rpcUrl];
    const env = { ...process.env, DEPLOYER_PRIVATE_KEY: deployerKey, DEPLOYMENTS_DIR: dir, RPC_URL: '' };
    const before = await nonce();
    const first = await promisify(execFile)(
      path.join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      ['scripts/deploy/cli.ts', ...argv],
      { env },
    );
    expect(first.stdout).toMatch(/PoolFactory\s+0x[0-9a-fA-F]{40}/);
    expect(first.stdout).toContain('Next steps');
    expect(readManifest(CHAIN_ID, dir).contracts.USDC.address).toBe(usdc);
    expect(await nonce()).toBe(before + STEPS);

    // The same command as a function (no second process to start): already deployed, exit 0, nothing sent.
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await deployCommand(args, { env, log: (l) => out.push(l), error: (l) => err.push(l) });
      return { code, out: out.join('\n'), err };
    };
    const second = await run(argv);
    expect(second.code).toBe(0);
    expect(second.out).toContain('already deployed');
    expect(await nonce()).toBe(before + STEPS);

    // A bad config is one line naming the field, exit 1, nothing sent.
    fs.writeFileSync(configFile, JSON.stringify({ ...rawConfig, protocolFeeBps: 5000 }));
    const failed = await run(argv);
    expect(failed.code).toBe(1);
    expect(failed.err).toHaveLength(1);
    expect(failed.err[0]).toMatch(/^deploy: .*protocolFeeBps: must be at most 2000/);
    fs.writeFileSync(configFile, JSON.stringify(rawConfig));
    const noKey = await run([...argv, '--private-key-env', 'NO_SUCH_KEY']);
    expect(noKey.err[0]).toMatch(/NO_SUCH_KEY/);
    expect(await nonce()).toBe(before + STEPS);
  }, 30_000);

  it('--dry-run runs the plan on a fork, prints the gas, and sends and writes nothing', async () => {
    const dir = freshDir();
    const lines: string[] = [];
    const before = await nonce();
    const report = await deploy(dir, { dryRun: true, log: (line) => lines.push(line) });
    if (report.status !== 'dry-run') throw new Error('expected a dry run');
    expect(report.steps).toHaveLength(STEPS);
    expect(report.steps.every((step) => step.gasUsed > 0n)).toBe(true);
    expect(report.totalGas).toBe(report.steps.reduce((sum, step) => sum + step.gasUsed, 0n));
    expect(lines.join('\n')).toMatch(/deploy PoolFactory\(usdc_=0x/);
    expect(lines.join('\n')).toMatch(/total gas [\d,]+ ×/);
    expect(await nonce()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('refuses before sending: wrong chain, a Safe that is not one, the deployer as a role, a foreign manifest', async () => {
    const dir = freshDir();
    const before = await nonce();
    await expect(deploy(dir, { config: { ...config, chainId: 8453 } })).rejects.toThrow(
      /chainId: the config says 8453, but the RPC .* is chain 84532/,
    );
    const notASafe = parseDeployConfig({
      ...rawConfig,
      roles: { ...(rawConfig.roles as object), admin: { address: devAccount(10).address, kind: 'safe' } },
    });
    await expect(deploy(dir, { config: notASafe })).rejects.toThrow(
      /roles\.admin: declared a Safe, but .* no contract code/,
    );
    const deployerAsManager = parseDeployConfig({
      ...rawConfig,
      roles: { ...(rawConfig.roles as object), manager: deployer.address },
    });
    await expect(deploy(dir, { config: deployerAsManager })).rejects.toThrow(/roles\.manager: .* is the deployer/);
    const elsewhere = { address: devAccount(20).address, deployedOnBlock: 1 };
    writeManifest(
      {
        chainId: CHAIN_ID,
        startBlock: 1,
        contracts: { USDC: elsewhere, HardwareAssetRegistry: elsewhere, PoolFactory: elsewhere, FinancingPools: [] },
      },
      dir,
    );
    await expect(deploy(dir)).rejects.toThrow(/84532\.json already exists: give --force/);
    expect(await nonce()).toBe(before);
  }, 30_000);
});

describe('resuming an interrupted deploy', () => {
  const crashAt = (at: number, phase: 'signed' | 'sent' | 'mined') => (index: number, now: string) => {
    if (index === at && now === phase) throw new Error(`crash at step ${index} ${phase}`);
  };

  it.each([
    ['after step 4 was mined', 3, 'mined'],
    ['after signing step 2, before broadcasting it (the node never saw it)', 1, 'signed'],
    ['after broadcasting step 6, before its receipt', 5, 'sent'],
  ] as const)(
    'crash %s: the rerun finishes with each contract deployed once',
    async (_, at, phase) => {
      const dir = freshDir();
      const start = await nonce();
      await expect(deploy(dir, { interrupt: crashAt(at, phase) })).rejects.toThrow(/crash at step/);
      const journal = fileJournal(CHAIN_ID, dir).load()!;
      const recorded = Object.values(journal.steps);
      expect(recorded).toHaveLength(at + 1);
      const pendingHash = recorded[at]!.hash;
      expect(fs.existsSync(path.join(dir, `${CHAIN_ID}.json`))).toBe(false);

      const report = await deploy(dir);
      expect(report.status).toBe('deployed');
      // Exactly one transaction per step: nothing sent twice, each contract created once, at the nonce it was signed.
      expect(await nonce()).toBe(start + STEPS);
      const finished = fileJournal(CHAIN_ID, dir).load()!;
      expect(Object.values(finished.steps)[at]!.hash).toBe(pendingHash);
      const manifest = readManifest(CHAIN_ID, dir);
      expect(manifest.contracts.HardwareAssetRegistry.address).toBe(
        getContractAddress({ from: deployer.address, nonce: BigInt(start) }),
      );
      expect(manifest.contracts.ProtocolTimelock!.address).toBe(
        getContractAddress({ from: deployer.address, nonce: BigInt(start + 1) }),
      );
      expect(manifest.contracts.PoolFactory.address).toBe(
        getContractAddress({ from: deployer.address, nonce: BigInt(start + 2) }),
      );
    },
    30_000,
  );

  it('replaces a recorded transaction whose fees the node refuses, at the same nonce', async () => {
    const dir = freshDir();
    const start = await nonce();
    await expect(deploy(dir, { interrupt: crashAt(0, 'signed') })).rejects.toThrow(/crash/);
    // As if it had been signed long ago, when gas was cheap: a fee under today's base fee.
    const store = fileJournal(CHAIN_ID, dir);
    const journal = store.load()!;
    const record = journal.steps.registry!;
    const signed = parseTransaction(record.raw);
    const stale = await deployer.signTransaction({
      type: 'eip1559',
      chainId: signed.chainId!,
      nonce: signed.nonce!,
      gas: signed.gas!,
      data: signed.data!,
      maxFeePerGas: 1n,
      maxPriorityFeePerGas: 1n,
    });
    Object.assign(record, { raw: stale, hash: keccak256(stale) });
    store.save(journal);

    expect((await deploy(dir)).status).toBe('deployed');
    const finished = store.load()!.steps.registry!;
    expect(finished.replaced).toEqual([keccak256(stale)]);
    expect(finished.nonce).toBe(start);
    expect(await nonce()).toBe(start + STEPS);
  }, 30_000);

  it('refuses to resume with a config other than the journal’s', async () => {
    const dir = freshDir();
    await expect(deploy(dir, { interrupt: crashAt(0, 'mined') })).rejects.toThrow(/crash/);
    const before = await nonce();
    await expect(deploy(dir, { config: { ...config, protocolFeeBps: 500 } })).rejects.toThrow(
      /unfinished deploy that differs in config fields protocolFeeBps/,
    );
    expect(await nonce()).toBe(before);
    // With its own config it finishes.
    expect((await deploy(dir)).status).toBe('deployed');
  }, 30_000);
});
