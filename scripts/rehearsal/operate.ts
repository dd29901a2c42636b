/**
 * Steps 3 and 4 of the rehearsal, done as a team would do them on Base Sepolia: the production deploy command
 * (dry run first) with the deployer's key from the environment, then the operators' command line, each
 * command a child process with the key of the role it needs. Nothing here calls a contract itself except to
 * read what a command created and to move anvil's clock past the timelock's delay (on a testnet: waiting).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestClient, http, publicActions, type Address } from 'viem';
import { appChain } from '../../lib/chain/app-chain';
import { hardwareAssetRegistryAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { readManifest } from '../../lib/deployments/manifest';
import { run } from '../stack/processes';
import { castAddress, castKey, REHEARSAL_CHAIN_ID, REHEARSAL_MARKET, type Role } from './world';

type Paths = { rpcUrl: string; stateDir: string; deploymentsDir: string };

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** One command line run, as `role`: its key in the variable the command reads, nothing on the command line. */
function command(script: 'deploy' | 'ops', args: string[], role: Role, { rpcUrl, deploymentsDir }: Paths) {
  const keyVariable = script === 'deploy' ? 'DEPLOYER_PRIVATE_KEY' : 'OPERATOR_PRIVATE_KEY';
  console.log(`  $ npm run ${script} -- ${args.join(' ')}   (as ${role})`);
  return run(tsx, [`scripts/${script}/cli.ts`, ...args], {
    env: { ...process.env, RPC_URL: rpcUrl, DEPLOYMENTS_DIR: deploymentsDir, [keyVariable]: castKey(role) },
  });
}

export async function deployWithTheProductionCommand(paths: Paths & { usdc: Address }) {
  const eoa = (role: Role) => ({ address: castAddress(role), kind: 'eoa' });
  const config = {
    description: 'The rehearsal: anvil with Base Sepolia’s chain id; every role an anvil account of its own.',
    chainId: REHEARSAL_CHAIN_ID,
    usdc: paths.usdc,
    protocolFeeBps: 1_000,
    revenueStreamDays: 7,
    timelockDelaySeconds: REHEARSAL_MARKET.timelockDelaySeconds,
    roles: {
      admin: eoa('admin'),
      timelockProposer: eoa('admin'),
      guardian: castAddress('guardian'),
      manager: castAddress('manager'),
      reporter: castAddress('reporter'),
      compliance: castAddress('compliance'),
      registrar: castAddress('registrar'),
      treasury: castAddress('treasury'),
    },
  };
  const file = path.join(paths.stateDir, 'deploy.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  // An anvil with Base Sepolia's id and a stand-in for Circle's USDC: both refused unless named.
  const rehearsal = ['--config', file, '--allow-fork', '--allow-other-usdc'];
  await command('deploy', [...rehearsal, '--dry-run'], 'deployer', paths);
  await command('deploy', rehearsal, 'deployer', paths);
}

export async function operateWithTheCommandLine(paths: Paths) {
  const { contracts } = readManifest(REHEARSAL_CHAIN_ID, paths.deploymentsDir);
  const chain = createTestClient({
    chain: appChain({ id: REHEARSAL_CHAIN_ID, rpcUrl: paths.rpcUrl }),
    mode: 'anvil',
    transport: http(paths.rpcUrl),
  }).extend(publicActions);
  const ops = (args: string[], role: Role) => command('ops', args, role, paths);
  const { project, pool: poolSpec, assets } = REHEARSAL_MARKET;

  await ops(
    [
      'register-project',
      ...['--operator', castAddress('operator'), '--category', project.category],
      ...['--name', project.name, '--metadata-uri', project.metadataUri],
    ],
    'admin',
  );
  const projectId = await chain.readContract({
    address: contracts.PoolFactory.address,
    abi: poolFactoryAbi,
    functionName: 'projectCount',
  });
  await ops(
    [
      'create-pool',
      ...['--project-id', String(projectId), '--name', poolSpec.name, '--symbol', poolSpec.symbol],
      ...['--deposit-cap', poolSpec.depositCapUsdc, '--min-deposit', poolSpec.minDepositUsdc],
      ...['--metadata-uri', poolSpec.metadataUri],
    ],
    'admin',
  );
  const poolCount = await chain.readContract({
    address: contracts.PoolFactory.address,
    abi: poolFactoryAbi,
    functionName: 'poolCount',
  });
  const pool = await chain.readContract({
    address: contracts.PoolFactory.address,
    abi: poolFactoryAbi,
    functionName: 'pools',
    args: [poolCount - 1n],
  });

  const assetIds: bigint[] = [];
  for (const asset of assets) {
    await ops(
      [
        'register-asset',
        ...['--pool', pool, '--operator', castAddress('operator'), '--kind', asset.kind, '--model', asset.model],
        ...['--units', String(asset.units), '--location', asset.location, '--metadata-uri', poolSpec.metadataUri],
      ],
      'registrar',
    );
    assetIds.push(
      await chain.readContract({
        address: contracts.HardwareAssetRegistry.address,
        abi: hardwareAssetRegistryAbi,
        functionName: 'assetCount',
      }),
    );
  }
  await ops(['activate', '--pool', pool], 'manager');

  // Per-asset limits are the pools' admin's, a timelock: scheduled now, executed once the delay is over.
  const operations = assets.map((_, i) => path.join(paths.stateDir, `asset-limit-${i + 1}.json`));
  for (const [i, asset] of assets.entries()) {
    await ops(
      [
        'set-limits',
        ...['--pool', pool, '--asset', String(assetIds[i]), '--asset-limit', asset.limitUsdc],
        ...['--operation-out', operations[i]!],
      ],
      'admin',
    );
  }
  await chain.increaseTime({ seconds: REHEARSAL_MARKET.timelockDelaySeconds + 1 });
  await chain.mine({ blocks: 1 });
  for (const operation of operations) await ops(['timelock-execute', '--from-file', operation], 'admin');

  // Last week's revenue and utilization of both machine groups, from the CSVs an operator's books would give.
  const now = Number((await chain.getBlock()).timestamp);
  const periodEnd = now - 3_600;
  const periodStart = periodEnd - 7 * 86_400;
  const revenueCsv = path.join(paths.stateDir, 'revenue.csv');
  fs.writeFileSync(
    revenueCsv,
    [
      'asset_id,amount_usdc,period_start,period_end',
      ...assets.map((a, i) => `${assetIds[i]},${a.revenueUsdc},${periodStart},${periodEnd}`),
    ].join('\n') + '\n',
  );
  await ops(['distribute-revenue', '--pool', pool, '--csv', revenueCsv, '--dry-run'], 'reporter');
  await ops(['distribute-revenue', '--pool', pool, '--csv', revenueCsv], 'reporter');
  const utilizationCsv = path.join(paths.stateDir, 'utilization.csv');
  fs.writeFileSync(
    utilizationCsv,
    [
      'asset_id,period_start,period_end,utilization_pct',
      ...assetIds.map((id, i) => `${id},${periodStart},${periodEnd},${i === 0 ? '87.5' : '72'}`),
    ].join('\n') + '\n',
  );
  await ops(['report-utilization', '--csv', utilizationCsv], 'reporter');
  console.log(`  pool ${pool}: ${assets.length} machine groups, one revenue period distributed`);
}
