/**
 * The production deploy, as a function the CLI and the tests call: check everything that can be checked before a
 * transaction is sent (chain id, USDC, role holders, the journal and the manifest), run the plan through the
 * journal, verify the result on chain, and only then write deployments/<chainId>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatEther, type LocalAccount } from 'viem';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { readManifest, writeManifest, type Manifest } from '../../lib/deployments/manifest';
import { connect } from './connection';
import { DeployError } from './deploy-error';
import { dryRunOnFork, type DryRunReport } from './dry-run';
import { deploymentsDir } from '../../lib/deployments/manifest';
import { fileJournal, journalMismatch, lockJournal, newJournal, type Journal } from './journal';
import { executePlan } from './execute-plan';
import { creationCodes } from './plan';
import { checkRoleHolders, multisigWarnings } from './role-check';
import type { Interruption, StepOutcome } from './step-runner';
import { checkUsdc } from './usdc-check';

export type DeployOptions = {
  config: DeployConfig;
  rpcUrl: string;
  account: LocalAccount;
  dryRun?: boolean;
  /** Overwrite a manifest this deploy did not write; deploy anew over a finished journal (archived first). */
  force?: boolean;
  log?: (line: string) => void;
  /** Tests only: play a crash at a step. */
  interrupt?: Interruption;
  dir?: string;
};

export type DeployReport =
  | { status: 'deployed' | 'already-deployed'; manifest: Manifest; manifestFile: string; steps: StepOutcome[] }
  | ({ status: 'dry-run' } & DryRunReport);

/** The manifest on disk, if any, and whether it is the one this journal's deploy wrote (or was about to). */
function existingManifest(chainId: number, dir: string, journal: Journal | undefined) {
  const file = path.join(dir, `${chainId}.json`);
  if (!fs.existsSync(file)) return undefined;
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(chainId, dir);
  } catch {
    manifest = undefined;
  }
  const ours = manifest?.contracts.HardwareAssetRegistry.address === journal?.steps.registry?.result?.address;
  return { file, manifest, ours: manifest !== undefined && ours };
}

export async function runDeploy(opts: DeployOptions): Promise<DeployReport> {
  const { config, account, force = false, dryRun = false } = opts;
  const log = opts.log ?? ((line: string) => console.log(line));
  const dir = opts.dir ?? deploymentsDir();
  const chain = await connect(opts.rpcUrl, account, config.chainId);
  const deployer = account.address;
  const codes = creationCodes();
  const expected = newJournal(chain.chainId, deployer, config, codes);
  const store = fileJournal(chain.chainId, dir);
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
  if (existing && !existing.ours && !force) {
    throw new DeployError(`${existing.file} already exists: give --force to replace it with this deploy's`);
  }

  // Everything the chain can tell before a transaction goes out.
  const usdc = await checkUsdc(chain.client, config.usdc, deployer);
  log(`USDC ${config.usdc}: "${usdc.name}" (${usdc.symbol}), 6 decimals, no open mint`);
  const holders = await checkRoleHolders(chain.client, config, deployer);
  for (const warning of multisigWarnings(config)) log(warning);
  for (const line of holders) log(`  ${line}`);

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

  const unlock = lockJournal(store);
  try {
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
  } finally {
    unlock();
  }
}
