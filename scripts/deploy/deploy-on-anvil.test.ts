/**
 * The production deploy against a chain like Base Sepolia: our own anvil on port 9545 carrying chain id 84532,
 * where "Circle" (dev account 9) has issued a stand-in USDC with no public mint (so --allow-fork and
 * --allow-other-usdc); the deployer is dev account 0, its key given through the environment. Run as a function and
 * once as the real CLI process: the manifest, the roles on chain, a rerun that sends nothing, a dry run that signs
 * and sends nothing, and the refusals. Resuming is in resume-on-anvil.test.ts.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { zeroHash, type Address, type LocalAccount } from 'viem';
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
import { checkRoleHolders } from './role-check';

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
/** This chain is an anvil with a real network's id and a stand-in for Circle's USDC: both allowed by name. */
const ALLOW = { allowFork: true, allowOtherUsdc: true };
const deploy = (dir: string, extra: Partial<Parameters<typeof runDeploy>[0]> = {}) =>
  runDeploy({ config, rpcUrl: chain.rpcUrl, account: deployer, dir, log: quiet, ...ALLOW, ...extra });
const setCode = (address: Address, code: `0x${string}`) =>
  chain.client.request({ method: 'anvil_setCode', params: [address, code] } as never);
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
    const argv = ['--config', configFile, '--rpc-url', chain.rpcUrl, '--allow-fork', '--allow-other-usdc'];
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

  it('--dry-run runs the plan on a fork, prints the gas and the worst case, and signs, sends and writes nothing', async () => {
    const dir = freshDir();
    const lines: string[] = [];
    const before = await nonce();
    // The deployer's key must sign nothing: a dry run's transactions would be valid on the real chain.
    const refuse = () => Promise.reject(new Error('the dry run asked the deployer key to sign'));
    const noSigning: LocalAccount = {
      ...deployer,
      signTransaction: refuse,
      signMessage: refuse,
      signTypedData: refuse,
    };
    const report = await deploy(dir, { dryRun: true, account: noSigning, log: (line) => lines.push(line) });
    if (report.status !== 'dry-run') throw new Error('expected a dry run');
    expect(report.steps).toHaveLength(STEPS);
    expect(report.steps.every((step) => step.gasUsed > 0n && step.gasLimit > step.gasUsed)).toBe(true);
    expect(report.totalGas).toBe(report.steps.reduce((sum, step) => sum + step.gasUsed, 0n));
    // What the deployer must hold: every gas limit at the max fee a real send offers, not gas used × gas price.
    const limits = report.steps.reduce((sum, step) => sum + step.gasLimit, 0n);
    expect(report.maxCost).toBe(limits * report.maxFeePerGas);
    expect(report.maxCost).toBeGreaterThan(report.cost);
    const output = lines.join('\n');
    expect(output).toMatch(/deploy PoolFactory\(usdc_=0x/);
    expect(output).toMatch(/the deployer must hold: gas limits [\d,]+ × max fee/);
    expect(await nonce()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('refuses before sending: wrong chain, a Safe that is not one, the deployer as a role, a foreign manifest', async () => {
    const dir = freshDir();
    const before = await nonce();
    // The RPC URL's query (a provider's API key) is never printed.
    const rpcUrl = `${chain.rpcUrl}/?apikey=SECRET`;
    const wrongChain = deploy(dir, { rpcUrl, config: { ...config, chainId: 8453, timelockDelaySeconds: 7200 } });
    await expect(wrongChain).rejects.toThrow(/chainId: the config says 8453, but the RPC .* is chain 84532/);
    await expect(wrongChain).rejects.not.toThrow(/SECRET/);
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
    await expect(deploy(dir)).rejects.toThrow(/84532\.json already exists \(.*no code.*\): give --force/);
    expect(await nonce()).toBe(before);
  }, 30_000);

  it('refuses an anvil with a real network’s id, and another USDC than Circle’s there, unless named', async () => {
    const dir = freshDir();
    await expect(deploy(dir, { allowFork: false })).rejects.toThrow(
      /is an anvil with chain id 84532, not the real network; give --allow-fork/,
    );
    await expect(deploy(dir, { allowOtherUsdc: false })).rejects.toThrow(
      /usdc: 0x.* is not Circle's USDC on chain 84532 \(0x036CbD53842c5426634e7929541eC2318f3dCF7e\).*--allow-other-usdc/,
    );
    // A timelock delay of minutes on a mainnet, before anything is asked of the chain.
    await expect(deploy(dir, { config: { ...config, chainId: 8453, timelockDelaySeconds: 0 } })).rejects.toThrow(
      /timelockDelaySeconds: 0 s on mainnet chain 8453 .*--allow-short-delay/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says "already deployed" only when the manifest’s contracts are on this chain', async () => {
    const dir = freshDir();
    const report = await deploy(dir);
    if (report.status !== 'deployed') throw new Error('expected a deploy');
    const before = await nonce();
    // As on a fork that is gone, or a reset anvil: same chain id, no contracts.
    await setCode(report.manifest.contracts.PoolFactory.address, '0x');
    await expect(deploy(dir)).rejects.toThrow(/names PoolFactory 0x[0-9a-fA-F]{40}, which have no code at/);
    expect(await nonce()).toBe(before);
  }, 30_000);

  it('replaces a manifest whose contracts are live only with --replace-live-manifest', async () => {
    const live = freshDir();
    const report = await deploy(live);
    if (report.status !== 'deployed') throw new Error('expected a deploy');
    const dir = freshDir();
    fs.copyFileSync(report.manifestFile, path.join(dir, `${CHAIN_ID}.json`));
    const before = await nonce();
    await expect(deploy(dir, { force: true })).rejects.toThrow(
      /names a deployment live on this chain: HardwareAssetRegistry 0x.* \(live on chain\).*--replace-live-manifest/,
    );
    expect(await nonce()).toBe(before);
    const lines: string[] = [];
    const replaced = await deploy(dir, { replaceLiveManifest: true, log: (line) => lines.push(line) });
    expect(replaced.status).toBe('deployed');
    expect(lines.join('\n')).toMatch(/warning: replacing .*84532\.json, whose HardwareAssetRegistry/);
  }, 30_000);

  it('takes the journal’s lock before reading it: another running deploy is waited for', async () => {
    const dir = freshDir();
    expect((await deploy(dir)).status).toBe('deployed');
    // Another deploy holds the lock (a live process): this one must not answer from a journal it may be rewriting.
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(`${fileJournal(CHAIN_ID, dir).file}.lock`, String(other.pid));
      await expect(deploy(dir)).rejects.toThrow(new RegExp(`another deploy \\(pid ${other.pid}\\) is running`));
    } finally {
      process.kill(other.pid!, 'SIGTERM');
    }
  }, 30_000);

  it('warns of a 1-of-N Safe holding admin', async () => {
    const oneOfThree: Address = '0x5afe000000000000000000000000000000000002';
    await setCode(oneOfThree, safeLikeCode([devAccount(10).address, devAccount(11).address], 1));
    const lines = await checkRoleHolders(
      chain.client as never,
      { ...config, roles: { ...config.roles, admin: { address: oneOfThree, kind: 'safe' } } },
      deployer.address,
    );
    expect(lines).toContain(
      `warning: roles.admin is a 1-of-2 Safe: any one owner's key acts alone; raise its threshold`,
    );
  });
});
