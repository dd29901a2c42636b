/**
 * The deploy on a second anvil (port 9546, anvil's own chain id 31337, where MockUSDC's open faucet may exist):
 * the USDC checks (a faucet token, an empty address, a non-ERC-20 refused; a token like Circle's passes), resuming
 * after a crash at each phase of a step with every contract deployed once, and an RPC whose node lags a block.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  getContractAddress,
  http,
  keccak256,
  parseTransaction,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardwareAssetRegistryAbi, mockUsdcAbi } from '../../lib/contracts/abis';
import { parseDeployConfig, type DeployConfig } from '../../lib/deployments/deploy-config';
import { readManifest } from '../../lib/deployments/manifest';
import { creationBytecode } from '../seed/artifacts';
import { deployContract } from '../stack/contract-write';
import { runDeploy } from './deploy';
import { CIRCLE_ACCOUNT, devAccount, devKey, issueFiatToken, startChainWithId } from './fiat-token-chain';
import { fileJournal } from './journal';
import { startLaggingRpc } from './lagging-rpc';
import { checkUsdc } from './usdc-check';

const PORT = 9546;
const CHAIN_ID = 31337;
const STEPS = 9;
let chain: Awaited<ReturnType<typeof startChainWithId>>;
let client: PublicClient<Transport, Chain>;
let mockUsdc: Address;
let registry: Address;
let config: DeployConfig;
const deployer = privateKeyToAccount(devKey(0));
const local = () => ({ ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } });
const role = (index: number) => devAccount(index).address;
const configFor = (usdc: Address) =>
  parseDeployConfig({
    chainId: CHAIN_ID,
    usdc,
    protocolFeeBps: 1000,
    revenueStreamDays: 7,
    timelockDelaySeconds: 60,
    roles: {
      admin: role(10),
      timelockProposer: role(10),
      guardian: role(11),
      manager: role(12),
      reporter: role(13),
      compliance: role(14),
      registrar: role(15),
      treasury: role(16),
    },
  });
const nonce = () => client.getTransactionCount({ address: deployer.address });
const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-resume-'));
const deploy = (dir: string, extra: Partial<Parameters<typeof runDeploy>[0]> = {}) =>
  runDeploy({ config, rpcUrl: chain.rpcUrl, account: deployer, dir, log: () => {}, ...extra });

beforeAll(async () => {
  chain = await startChainWithId(PORT, CHAIN_ID);
  client = createPublicClient({ chain: local(), transport: http(chain.rpcUrl), pollingInterval: 20 });
  const wallet = createWalletClient({
    chain: local(),
    transport: http(chain.rpcUrl),
    account: devAccount(CIRCLE_ACCOUNT),
  });
  mockUsdc = (
    await deployContract(client, wallet, { abi: mockUsdcAbi, bytecode: creationBytecode('MockUSDC'), args: [] })
  ).address;
  registry = (
    await deployContract(client, wallet, {
      abi: hardwareAssetRegistryAbi,
      bytecode: creationBytecode('HardwareAssetRegistry'),
      args: [wallet.account.address],
    })
  ).address;
  config = configFor(await issueFiatToken(chain.rpcUrl, CHAIN_ID));
}, 60_000);

afterAll(async () => {
  await chain?.stop();
});

describe('the USDC a deploy points at', () => {
  it('refuses a token anyone can mint (MockUSDC)', async () => {
    await expect(checkUsdc(client, mockUsdc, deployer.address)).rejects.toThrow(/usdc: anyone can mint .*faucet token/);
  });

  it('refuses an address without code and a contract that is not an ERC-20', async () => {
    await expect(checkUsdc(client, devAccount(5).address, deployer.address)).rejects.toThrow(/usdc: no contract at/);
    await expect(checkUsdc(client, registry, deployer.address)).rejects.toThrow(
      /does not answer decimals\(\): not an ERC-20/,
    );
  });

  it('accepts a token like Circle’s: 6 decimals, no public mint', async () => {
    await expect(checkUsdc(client, config.usdc, deployer.address)).resolves.toMatchObject({
      symbol: 'USDC',
      decimals: 6,
    });
  });

  it('the deploy stops at the faucet check with nothing sent and nothing written', async () => {
    const dir = freshDir();
    const before = await nonce();
    await expect(deploy(dir, { config: configFor(mockUsdc) })).rejects.toThrow(/anyone can mint/);
    expect(await nonce()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
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
      const { contracts } = readManifest(CHAIN_ID, dir);
      const created = (offset: number) => getContractAddress({ from: deployer.address, nonce: BigInt(start + offset) });
      expect(contracts.HardwareAssetRegistry.address).toBe(created(0));
      expect(contracts.ProtocolTimelock!.address).toBe(created(1));
      expect(contracts.PoolFactory.address).toBe(created(2));
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

  it('refuses to resume with a config other than the journal’s, but not for an edited description', async () => {
    const dir = freshDir();
    await expect(deploy(dir, { interrupt: crashAt(0, 'mined') })).rejects.toThrow(/crash/);
    const before = await nonce();
    await expect(deploy(dir, { config: { ...config, protocolFeeBps: 500 } })).rejects.toThrow(
      /unfinished deploy that differs in config fields protocolFeeBps/,
    );
    expect(await nonce()).toBe(before);
    // With its own config it finishes, whatever the people keeping the file wrote in its description since.
    expect((await deploy(dir, { config: { ...config, description: 'edited' } })).status).toBe('deployed');
  }, 30_000);

  it('refuses to resume on a chain without the journal’s contracts (a reset anvil, another fork)', async () => {
    const dir = freshDir();
    await expect(deploy(dir, { interrupt: crashAt(1, 'mined') })).rejects.toThrow(/crash/);
    const { registry: done } = fileJournal(CHAIN_ID, dir).load()!.steps;
    await client.request({ method: 'anvil_setCode', params: [done!.result!.address!, '0x'] } as never);
    const before = await nonce();
    await expect(deploy(dir)).rejects.toThrow(
      /step registry: the journal's 0x[0-9a-fA-F]{40} has no code on this chain/,
    );
    expect(await nonce()).toBe(before);
  }, 30_000);
});

describe('an RPC whose node is a block behind', () => {
  it('never signs a step with the nonce of the step just mined', async () => {
    const dir = freshDir();
    const start = await nonce();
    // Still counting the last mined transaction as pending-free: one behind, from the second step on.
    const lagging = await startLaggingRpc(chain.rpcUrl, (count) => Math.max(start, count - 1));
    try {
      expect((await deploy(dir, { rpcUrl: lagging.rpcUrl })).status).toBe('deployed');
    } finally {
      await lagging.close();
    }
    expect(await nonce()).toBe(start + STEPS);
    const nonces = Object.values(fileJournal(CHAIN_ID, dir).load()!.steps).map((record) => record.nonce);
    expect(nonces).toEqual([...Array(STEPS).keys()].map((i) => start + i));
  }, 30_000);

  it('a nonce used outside the journal is an error, not "already sent", and the rerun goes on', async () => {
    const dir = freshDir();
    const wallet = createWalletClient({ chain: local(), transport: http(chain.rpcUrl), account: deployer });
    const start = await nonce();
    await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: deployer.address }) });
    const lagging = await startLaggingRpc(chain.rpcUrl, () => start);
    try {
      await expect(deploy(dir, { rpcUrl: lagging.rpcUrl })).rejects.toThrow(
        new RegExp(`step registry: the deployer's nonce ${start} is already used by a transaction not in the journal`),
      );
    } finally {
      await lagging.close();
    }
    expect(fileJournal(CHAIN_ID, dir).load()!.steps.registry).toBeUndefined();
    expect((await deploy(dir)).status).toBe('deployed');
    expect(await nonce()).toBe(start + 1 + STEPS);
  }, 30_000);
});
