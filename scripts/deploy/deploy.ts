/**
 * The production deploy, as a function the CLI and the tests call: check everything that can be checked before a
 * transaction is sent (chain id, USDC, role holders, the journal and the manifest), run the plan through the
 * journal, verify the result on chain, and only then write deployments/<chainId>.json.
 */
import path from 'node:path';
import { formatEther, type LocalAccount } from 'viem';
import { foundry } from 'viem/chains';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { deploymentsDir, writeManifest, type Manifest } from '../../lib/deployments/manifest';
import { connect, rpcOrigin, type Connection } from './connection';
import { checkTimelockDelay } from './delay-policy';
import { DeployError } from './deploy-error';
import { dryRunOnFork, type DryRunReport } from './dry-run';
import { checkReplaceable, existingManifest, liveContracts } from './existing-manifest';
import { executePlan } from './execute-plan';
import { fileJournal, journalMismatch, lockJournal, newJournal, type Journal, type JournalStore } from './journal';
import { creationCodes } from './plan';
import { checkRoleHolders, multisigWarnings } from './role-check';
import type { Interruption, StepOutcome } from './step-runner';
import { checkUsdc } from './usdc-check';
import { verifyDeployment } from './verify';

export type DeployOptions = {
  config: DeployConfig;
  rpcUrl: string;
  account: LocalAccount;
  dryRun?: boolean;
  /** Overwrite a manifest whose contracts have no code; deploy anew over a finished journal (archived first). */
  force?: boolean;
  /** Overwrite a manifest whose contracts are live on chain (implies force). */
  replaceLiveManifest?: boolean;
  /** Deploy to an anvil carrying a real network's chain id (a fork, the rehearsal). */
  allowFork?: boolean;
  /** A USDC other than Circle's on a chain where Circle issues it (a stand-in, a bridged token). */
  allowOtherUsdc?: boolean;
  /** A timelock delay under an hour on a mainnet. */
  allowShortDelay?: boolean;
  log?: (line: string) => void;
  /** Tests only: play a crash at a step. */
  interrupt?: Interruption;
  dir?: string;
};

export type DeployReport =
  | { status: 'deployed' | 'already-deployed'; manifest: Manifest; manifestFile: string; steps: StepOutcome[] }
  | ({ status: 'dry-run' } & DryRunReport);

export async function runDeploy(opts: DeployOptions): Promise<DeployReport> {
  const { config, account } = opts;
  const log = opts.log ?? ((line: string) => console.log(line));
  for (const warning of checkTimelockDelay(config, opts.allowShortDelay)) log(warning);
  const chain = await connect(opts.rpcUrl, account, config.chainId);
  if (chain.isAnvil && chain.chainId !== foundry.id && !opts.allowFork) {
    // A fork keeps the real network's id: what is written for it would pass for the real network's deployment.
    throw new DeployError(
      `--rpc-url: ${rpcOrigin(opts.rpcUrl)} is an anvil with chain id ${chain.chainId}, not the real network; ` +
        `give --allow-fork to deploy to it anyway (its manifest and journal would name chain ${chain.chainId})`,
    );
  }
  const store = fileJournal(chain.chainId, opts.dir ?? deploymentsDir());
  // The lock comes before the journal is read: another deploy cannot change it between reading and acting.
  const unlock = opts.dryRun ? () => {} : lockJournal(store);
  try {
    return await deployUnderLock(opts, chain, store, log);
  } finally {
    unlock();
  }
}

async function deployUnderLock(
  opts: DeployOptions,
  chain: Connection,
  store: JournalStore,
  log: (line: string) => void,
): Promise<DeployReport> {
  const { config, account, dryRun = false } = opts;
  const replaceLiveManifest = opts.replaceLiveManifest ?? false;
  const force = (opts.force ?? false) || replaceLiveManifest;
  const dir = opts.dir ?? deploymentsDir();
  const deployer = account.address;
  const codes = creationCodes();
  const expected = newJournal(chain.chainId, deployer, config, codes);
  let journal = store.load();
  let archive = false;

  if (journal) {
    const mismatch = journalMismatch(journal, expected);
    const existing = existingManifest(chain.chainId, dir, journal);
    if (journal.finished && mismatch.length === 0 && !existing) {
      // Finished, but its manifest is gone: every step is skipped and the manifest written again.
      journal.finished = undefined;
    }
    if (journal.finished) {
      if (mismatch.length === 0 && !force && existing?.ours && existing.manifest) {
        await checkStillDeployed(chain, journal, existing.manifest, existing.file, config, codes.FinancingPool);
        log(`chain ${chain.chainId} is already deployed with this config (${existing.file}):`);
        return { status: 'already-deployed', manifest: existing.manifest, manifestFile: existing.file, steps: [] };
      }
      if (!force) {
        throw new DeployError(
          `chain ${chain.chainId} already has a finished deploy (${store.file})` +
            (mismatch.length > 0 ? ` that differs in ${mismatch.join('; ')}` : '') +
            ': give --force to deploy anew (the old journal is archived)',
        );
      }
      archive = true;
      journal = undefined;
    } else if (mismatch.length > 0) {
      throw new DeployError(
        `${store.file} records an unfinished deploy that differs in ${mismatch.join('; ')}. Rerun with what it ` +
          `was started with to finish it, or move the journal away to abandon it (its contracts stay on chain).`,
      );
    }
  }
  const existing = existingManifest(chain.chainId, dir, journal);
  if (existing && !existing.ours) {
    const warning = await checkReplaceable(chain.client, existing, { force, replaceLiveManifest });
    if (warning) log(warning);
  }

  // Everything the chain can tell before a transaction goes out.
  const usdc = await checkUsdc(chain.client, config.usdc, deployer, { allowOtherUsdc: opts.allowOtherUsdc });
  log(`USDC ${config.usdc}: "${usdc.name}" (${usdc.symbol}), 6 decimals, no open mint`);
  const holders = await checkRoleHolders(chain.client, config, deployer);
  for (const warning of multisigWarnings(config)) log(warning);
  for (const line of holders) log(line.startsWith('warning:') ? line : `  ${line}`);

  if (dryRun) {
    const report = await dryRunOnFork({ chain, config, codes, start: journal, file: store.file, log });
    return { status: 'dry-run', ...report };
  }

  const balance = await chain.client.getBalance({ address: deployer });
  if (balance === 0n) {
    throw new DeployError(
      `deployer ${deployer} has no ${chain.wallet.chain.nativeCurrency.symbol} for gas on chain ${chain.chainId}`,
    );
  }
  log(`deployer ${deployer}, balance ${formatEther(balance)} ${chain.wallet.chain.nativeCurrency.symbol}`);

  if (archive) log(`archived the finished journal to ${store.archive()}`);
  if (!journal) {
    journal = expected;
    store.save(journal);
  }
  log(`journal: ${store.file}`);
  const { manifest, steps } = await executePlan({
    chain,
    config,
    journal,
    store,
    codes,
    log,
    interrupt: opts.interrupt,
  });
  const manifestFile = writeManifest(manifest, dir);
  journal.finished = { at: new Date().toISOString(), manifest: path.relative(dir, manifestFile) };
  store.save(journal);
  log(`wrote ${manifestFile}`);
  return { status: 'deployed', manifest, manifestFile, steps };
}

/**
 * "Already deployed" is said of this chain, not of the files: a journal and a manifest name a chain by its id only,
 * and a fork or a reset anvil has the same id and none of the contracts.
 */
async function checkStillDeployed(
  chain: Connection,
  journal: Journal,
  manifest: Manifest,
  file: string,
  config: DeployConfig,
  poolCode: `0x${string}`,
) {
  const missing = (await liveContracts(chain.client, manifest)).filter((contract) => !contract.live);
  if (missing.length > 0) {
    throw new DeployError(
      `${file} names ${missing.map((contract) => `${contract.name} ${contract.address}`).join(', ')}, which ` +
        `have no code at ${rpcOrigin(chain.rpcUrl)}: point --rpc-url at the chain it was deployed on, or move ` +
        `the manifest and its journal away to deploy anew`,
    );
  }
  const at = (id: string) => journal.steps[id]?.result?.address;
  const [registry, timelock, factory] = [at('registry'), at('timelock'), at('factory')];
  if (!registry || !timelock || !factory) throw new DeployError(`${file}: its journal lacks a contract address`);
  await verifyDeployment(chain.client, { registry, timelock, factory }, config, journal.deployer, poolCode);
}
