/**
 * Steps 3 and 4 of the rehearsal, done as a team would do them on a testnet: the production deploy command
 * (dry run first) with the deployer's key from the environment, then the operators' command line, each
 * command a child process with the key of the role it needs. Nothing here calls a contract itself except to
 * read what a command created and to move anvil's clock past the timelock's delay (on a testnet: waiting).
 * Each chain has a state folder of its own and its own files in the shared manifest folder, so two chains can be
 * deployed and operated at once; each line a command prints starts with its chain's id.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestClient, http, publicActions, type Address } from 'viem';
import { appChain } from '../../lib/chain/app-chain';
import { hardwareAssetRegistryAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { readManifest } from '../../lib/deployments/manifest';
import { castAddress, castKey, type RehearsalChain, type Role } from './world';

/** One chain of the rehearsal: where its RPC is, where its commands keep their files. */
export type ChainPaths = { chain: RehearsalChain; rpcUrl: string; stateDir: string; deploymentsDir: string };

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Prints `text` with each line marked by the chain it is about, two chains' output being interleaved. */
export function chainLog(chain: RehearsalChain, text: string) {
  console.log(
    text
      .split('\n')
      .map((line) => `[${chain.id}] ${line}`)
      .join('\n'),
  );
}

/**
 * One command line run, as `role`: its key in the variable the command reads, nothing on the command line; its
 * output line by line under the chain's mark. Rejects on a non-zero exit.
 */
function command(script: 'deploy' | 'ops', args: string[], role: Role, paths: ChainPaths): Promise<void> {
  const keyVariable = script === 'deploy' ? 'DEPLOYER_PRIVATE_KEY' : 'OPERATOR_PRIVATE_KEY';
  chainLog(paths.chain, `  $ npm run ${script} -- ${args.join(' ')}   (as ${role})`);
  const env = { ...process.env, RPC_URL: paths.rpcUrl, DEPLOYMENTS_DIR: paths.deploymentsDir };
  const child = spawn(tsx, [`scripts/${script}/cli.ts`, ...args], {
    env: { ...env, [keyVariable]: castKey(role) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) out.write(`[${paths.chain.id}] ${line}\n`);
    });
    stream.on('end', () => void (pending && out.write(`[${paths.chain.id}] ${pending}\n`)));
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`chain ${paths.chain.id}: npm run ${script} -- ${args[0]} failed (${signal ?? `exit ${code}`})`),
          ),
    );
  });
}

export async function deployWithTheProductionCommand(paths: ChainPaths & { usdc: Address }) {
  const { chain } = paths;
  const eoa = (role: Role) => ({ address: castAddress(role), kind: 'eoa' });
  const config = {
    description: `The rehearsal: anvil with ${chain.network}’s chain id; every role an anvil account of its own.`,
    chainId: chain.id,
    usdc: paths.usdc,
    protocolFeeBps: 1_000,
    revenueStreamDays: 7,
    timelockDelaySeconds: chain.market.timelockDelaySeconds,
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
  // An anvil with a testnet's id and a stand-in for Circle's USDC: both refused unless named.
  const rehearsal = ['--config', file, '--allow-fork', '--allow-other-usdc'];
  await command('deploy', [...rehearsal, '--dry-run'], 'deployer', paths);
  await command('deploy', rehearsal, 'deployer', paths);
}

export async function operateWithTheCommandLine(paths: ChainPaths) {
  const { contracts } = readManifest(paths.chain.id, paths.deploymentsDir);
  const chain = createTestClient({
    chain: appChain({ id: paths.chain.id, rpcUrl: paths.rpcUrl }),
    mode: 'anvil',
    transport: http(paths.rpcUrl),
  }).extend(publicActions);
  // `--chain`: with two networks operated side by side, a command never lands on the other one.
  const ops = (args: string[], role: Role) => command('ops', [...args, '--chain', String(paths.chain.id)], role, paths);
  const { project, pool: poolSpec, assets } = paths.chain.market;

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
  await chain.increaseTime({ seconds: paths.chain.market.timelockDelaySeconds + 1 });
  await chain.mine({ blocks: 1 });
  for (const operation of operations) await ops(['timelock-execute', '--from-file', operation], 'admin');

  // Last week's revenue and utilization of every machine group, from the CSVs an operator's books would give.
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
      ...assets.map((a, i) => `${assetIds[i]},${periodStart},${periodEnd},${a.utilizationPct}`),
    ].join('\n') + '\n',
  );
  await ops(['report-utilization', '--csv', utilizationCsv], 'reporter');
  chainLog(paths.chain, `  pool ${pool}: ${assets.length} machine group(s), one revenue period distributed`);
}
