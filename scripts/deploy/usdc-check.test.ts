/**
 * The deploy's USDC checks on a second anvil (port 9546, anvil's own chain id, where MockUSDC's open faucet may
 * exist): a faucet token is refused before anything is sent, as are an empty address and a contract that is not an
 * ERC-20; a token like Circle's passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  http,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardwareAssetRegistryAbi, mockUsdcAbi } from '../../lib/contracts/abis';
import { parseDeployConfig } from '../../lib/deployments/deploy-config';
import { creationBytecode } from '../seed/artifacts';
import { deployContract } from '../stack/contract-write';
import { runDeploy } from './deploy';
import { CIRCLE_ACCOUNT, devAccount, devKey, issueFiatToken, startChainWithId } from './fiat-token-chain';
import { checkUsdc } from './usdc-check';

const PORT = 9546;
let chain: Awaited<ReturnType<typeof startChainWithId>>;
let client: PublicClient<Transport, Chain>;
let mockUsdc: Address;
let registry: Address;
const deployer = privateKeyToAccount(devKey(0));

beforeAll(async () => {
  chain = await startChainWithId(PORT, 31337);
  const local = { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } };
  client = createPublicClient({ chain: local, transport: http(chain.rpcUrl), pollingInterval: 20 });
  const wallet = createWalletClient({
    chain: local,
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
    const usdc = await issueFiatToken(chain.rpcUrl, 31337);
    await expect(checkUsdc(client, usdc, deployer.address)).resolves.toMatchObject({ symbol: 'USDC', decimals: 6 });
  });

  it('the deploy stops at the faucet check with nothing sent and nothing written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-faucet-'));
    const role = (index: number) => devAccount(index).address;
    const config = parseDeployConfig({
      chainId: 31337,
      usdc: mockUsdc,
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
    const before = await client.getTransactionCount({ address: deployer.address });
    await expect(runDeploy({ config, rpcUrl: chain.rpcUrl, account: deployer, dir, log: () => {} })).rejects.toThrow(
      /anyone can mint/,
    );
    expect(await client.getTransactionCount({ address: deployer.address })).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
