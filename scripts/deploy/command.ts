/**
 * The deploy's command line as a function: argv and environment in, exit code out (cli.ts runs it for
 * `npm run deploy`; tests call it directly). Refusals are one line on the error stream, exit 1.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DeployConfigError, readDeployConfig } from '../../lib/deployments/deploy-config';
import { OpsError } from '../ops/ops-error';
import { loadSigner } from '../ops/signer';
import { runDeploy } from './deploy';
import { DeployError } from './deploy-error';
import { deploySummary } from './summary';

export type DeployIo = {
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  error: (line: string) => void;
};

const HELP = `Deploy Machine Yield's contracts to a chain with an existing USDC.

npm run deploy -- --config deploy/<network>.json [flags]

  --config <file>           the deploy config (see deploy/base-sepolia.example.json)
  --rpc-url <url>           JSON-RPC endpoint (default: $RPC_URL); its chain id must be the config's
  --private-key-env <NAME>  environment variable holding the deployer's key (default: DEPLOYER_PRIVATE_KEY)
  --keystore <file>         a v3 keystore instead; its password from $KEYSTORE_PASSWORD
  --dry-run                 run the plan on a local anvil fork: print each step, its gas and the total cost;
                            nothing is sent, nothing is written
  --force                   replace a deployments/<chainId>.json whose contracts have no code on chain, or
                            deploy anew over a finished deploy (its journal is archived)
  --replace-live-manifest   replace a deployments/<chainId>.json whose contracts are live: the app, the
                            indexer and ops then follow the new deploy (the old one is orphaned)
  --allow-fork              deploy to an anvil that carries a real network's chain id (a fork, a rehearsal)
  --allow-other-usdc        a USDC other than Circle's on a chain where Circle issues it
  --allow-short-delay       a timelock delay under 1 hour on a mainnet (1, 8453, 42161)

Interrupted? Run the same command again: the journal deployments/<chainId>.deploy-journal.json says what was
sent, and nothing is sent twice. DEPLOYMENTS_DIR moves the manifest and the journal.`;

const flagsSchema = z.object({
  config: z.string({ error: '--config <file> is required' }).min(1, '--config <file> is required'),
  rpcUrl: z.url({ error: 'give --rpc-url <url> or set RPC_URL' }),
  dryRun: z.boolean(),
  force: z.boolean(),
  replaceLiveManifest: z.boolean(),
  allowFork: z.boolean(),
  allowOtherUsdc: z.boolean(),
  allowShortDelay: z.boolean(),
});

async function run(argv: readonly string[], io: DeployIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        'rpc-url': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'replace-live-manifest': { type: 'boolean', default: false },
        'allow-fork': { type: 'boolean', default: false },
        'allow-other-usdc': { type: 'boolean', default: false },
        'allow-short-delay': { type: 'boolean', default: false },
        keystore: { type: 'string' },
        'private-key-env': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DeployError(`${(error as Error).message.split('. ')[0]} (see npm run deploy -- --help)`);
  }
  if (values.help) {
    io.log(HELP);
    return 0;
  }
  const flags = flagsSchema.safeParse({
    config: values.config,
    rpcUrl: values['rpc-url'] ?? (io.env.RPC_URL || undefined),
    dryRun: values['dry-run'],
    force: values.force,
    replaceLiveManifest: values['replace-live-manifest'],
    allowFork: values['allow-fork'],
    allowOtherUsdc: values['allow-other-usdc'],
    allowShortDelay: values['allow-short-delay'],
  });
  if (!flags.success) throw new DeployError(flags.error.issues.map((issue) => issue.message).join('; '));
  const config = readDeployConfig(flags.data.config);
  const account = await loadSigner(
    {
      keystore: values.keystore,
      privateKeyEnv: values['private-key-env'] ?? (values.keystore ? undefined : 'DEPLOYER_PRIVATE_KEY'),
    },
    io.env,
  );
  const report = await runDeploy({
    config,
    rpcUrl: flags.data.rpcUrl,
    account,
    dryRun: flags.data.dryRun,
    force: flags.data.force,
    replaceLiveManifest: flags.data.replaceLiveManifest,
    allowFork: flags.data.allowFork,
    allowOtherUsdc: flags.data.allowOtherUsdc,
    allowShortDelay: flags.data.allowShortDelay,
    log: io.log,
    dir: io.env.DEPLOYMENTS_DIR || undefined,
  });
  if (report.status !== 'dry-run') {
    for (const line of deploySummary(report.manifest, config, report.manifestFile, flags.data.rpcUrl)) io.log(line);
  }
  return 0;
}

export async function deployCommand(argv: readonly string[], io: DeployIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const known = error instanceof DeployError || error instanceof DeployConfigError || error instanceof OpsError;
    // viem's errors carry a one-line shortMessage; the rest is for DEBUG.
    const short = (error as { shortMessage?: string }).shortMessage ?? String((error as Error)?.message ?? error);
    io.error(`deploy: ${known ? (error as Error).message : short.split('\n')[0]}`);
    if (!known && io.env.DEBUG) io.error(String((error as Error)?.stack ?? error));
    return 1;
  }
}
