/**
 * Deploys the contracts to a running local chain, seeds them with real transactions, and writes
 * deployments/<chainId>.json. Used by `npm run dev`, the indexer tests and the end-to-end tests.
 *
 *   npm run deploy:local            (RPC_URL defaults to http://127.0.0.1:8545)
 */
import { createTestClient, createWalletClient, http, parseUnits, publicActions, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { financingPoolAbi, mockUsdcAbi } from '../lib/contracts/abis';
import { writeManifest, type Manifest } from '../lib/deployments/manifest';
import { creationBytecode } from './seed/artifacts';
import { SEED_POOLS, SEED_DEPOSITS, INVESTOR_FUNDING_USDC } from './seed/world';

export async function deployAndSeed(opts: { rpcUrl: string; deploymentsDir?: string; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {});
  const chain = { ...foundry, rpcUrls: { default: { http: [opts.rpcUrl] } } };
  const client = createTestClient({ chain, mode: 'anvil', transport: http(opts.rpcUrl) }).extend(publicActions);
  const wallet = (account: Address) => createWalletClient({ chain, account, transport: http(opts.rpcUrl) });
  // anvil's unlocked dev accounts: 0 deploys and operates, the rest are investors.
  const accounts = await createWalletClient({ chain, transport: http(opts.rpcUrl) }).getAddresses();
  const deployer = wallet(accounts[0]!);

  const mined = async (hash: Hex) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };

  const usdcReceipt = await mined(
    await deployer.deployContract({ abi: mockUsdcAbi, bytecode: creationBytecode('MockUSDC'), args: [] }),
  );
  const usdc = usdcReceipt.contractAddress!;
  log(`MockUSDC       ${usdc}`);

  const pools: { address: Address; deployedOnBlock: number }[] = [];
  for (const spec of SEED_POOLS) {
    const receipt = await mined(
      await deployer.deployContract({
        abi: financingPoolAbi,
        bytecode: creationBytecode('FinancingPool'),
        args: [usdc, spec.name, spec.symbol, spec.category, spec.metadataURI],
      }),
    );
    pools.push({ address: receipt.contractAddress!, deployedOnBlock: Number(receipt.blockNumber) });
    log(`FinancingPool  ${receipt.contractAddress} ${spec.name}`);
  }

  for (const investor of accounts.slice(1)) {
    await mined(
      await deployer.writeContract({
        abi: mockUsdcAbi,
        address: usdc,
        functionName: 'mint',
        args: [investor, parseUnits(INVESTOR_FUNDING_USDC, 6)],
      }),
    );
  }

  for (const deposit of SEED_DEPOSITS) {
    await client.increaseTime({ seconds: deposit.afterDays * 86_400 });
    await client.mine({ blocks: 1 });
    const investor = wallet(accounts[deposit.investor]!);
    const pool = pools[deposit.pool]!.address;
    const assets = parseUnits(deposit.usdc, 6);
    await mined(
      await investor.writeContract({ abi: mockUsdcAbi, address: usdc, functionName: 'approve', args: [pool, assets] }),
    );
    await mined(
      await investor.writeContract({
        abi: financingPoolAbi,
        address: pool,
        functionName: 'deposit',
        args: [assets, investor.account.address],
      }),
    );
  }
  log(`${SEED_DEPOSITS.length} deposits from ${new Set(SEED_DEPOSITS.map((d) => d.investor)).size} investors`);

  // History is done: bring the chain's clock to the present so new blocks carry today's date.
  const now = BigInt(Math.floor(Date.now() / 1000));
  const { timestamp } = await client.getBlock();
  if (timestamp < now) {
    await client.setNextBlockTimestamp({ timestamp: now });
    await client.mine({ blocks: 1 });
  }

  const manifest: Manifest = {
    chainId: await client.getChainId(),
    startBlock: Number(usdcReceipt.blockNumber),
    contracts: {
      MockUSDC: { address: usdc, deployedOnBlock: Number(usdcReceipt.blockNumber) },
      FinancingPools: pools,
    },
  };
  const file = writeManifest(manifest, opts.deploymentsDir);
  log(`manifest       ${file}`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  deployAndSeed({ rpcUrl: process.env.RPC_URL ?? 'http://127.0.0.1:8545', log: console.log }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
