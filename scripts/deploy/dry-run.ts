/**
 * `--dry-run`: the whole plan, run for real on a throwaway anvil fork of the target chain, so every step is
 * estimated against the state it would actually see (the role calls need the addresses the deployments create).
 * On the fork the deployer is impersonated and every transaction goes unsigned: the deployer's key signs nothing a
 * dry run makes, so no transaction valid on the real chain ever exists. Reports each step with its gas, what it
 * should cost, and the worst case the deployer must hold (each gas limit at the max fee per gas a real send would
 * offer); the target chain gets nothing but reads, and no journal or manifest is written.
 */
import { formatEther, formatGwei, toHex } from 'viem';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import type { Manifest } from '../../lib/deployments/manifest';
import { anvilBinary, rpcReady } from '../stack/anvil';
import { preferredOrFreePort } from '../stack/ports';
import { GiveUp, startService, waitFor } from '../stack/processes';
import { connect, rpcOrigin, type Connection } from './connection';
import { DeployError } from './deploy-error';
import { executePlan } from './execute-plan';
import { memoryJournal, newJournal, type Journal } from './journal';
import type { creationCodes } from './plan';

export type DryRunStep = { id: string; summary: string; gasUsed: bigint; gasLimit: bigint; done: boolean };
export type DryRunReport = {
  steps: DryRunStep[];
  totalGas: bigint;
  gasPrice: bigint;
  /** What the gas used should cost at today's gas price. */
  cost: bigint;
  /** Sum of the gas limits (estimate plus margin) times the max fee per gas: what the deployer must hold. */
  maxCost: bigint;
  maxFeePerGas: bigint;
  balance: bigint;
  manifest: Manifest;
  forkBlock: bigint;
};

/**
 * An anvil forking `rpcUrl` on a free port, in its own process group; stop() ends it and what it spawned. The URL
 * goes on anvil's command line (anvil reads no variable for it), so it shows in `ps` while the dry run lasts.
 */
async function startFork(rpcUrl: string) {
  const port = await preferredOrFreePort(0);
  const args = ['--fork-url', rpcUrl, '--host', '127.0.0.1', '--port', String(port), '--silent', '--no-rate-limit'];
  const { child } = startService('deploy-fork', anvilBinary(), args, { quiet: true });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
        resolve();
      }, 3_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      process.kill(-child.pid, 'SIGTERM');
    });
  try {
    await waitFor(
      'the dry run’s anvil fork',
      async () => {
        if (child.exitCode !== null)
          throw new GiveUp(`anvil --fork-url ${rpcOrigin(rpcUrl)} exited (${child.exitCode})`);
        return rpcReady(url);
      },
      60_000,
      100,
    );
  } catch (error) {
    await stop();
    throw new DeployError(`--dry-run: could not fork the chain: ${(error as Error).message}`);
  }
  return { url, stop };
}

export async function dryRunOnFork(opts: {
  chain: Connection;
  config: DeployConfig;
  codes: ReturnType<typeof creationCodes>;
  /** The real journal, if a deploy was started: the dry run shows what is left of it. */
  start: Journal | undefined;
  file: string;
  log: (line: string) => void;
}): Promise<DryRunReport> {
  const { chain, config, codes, log } = opts;
  const account = chain.wallet.account;
  const fork = await startFork(chain.rpcUrl);
  // The fork runs in its own process group: Ctrl-C must not leave it behind.
  const onSignal = (signal: NodeJS.Signals) =>
    void fork.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // The deployer by address only: the fork's wallet has no key to sign with.
    const onFork = await connect(fork.url, account.address, chain.chainId);
    const forkBlock = await onFork.client.getBlockNumber();
    await onFork.client.request({ method: 'anvil_impersonateAccount', params: [account.address] } as never);
    // The preview must not depend on the deployer being funded yet: its balance is reported separately.
    await onFork.client.request({
      method: 'anvil_setBalance',
      params: [account.address, toHex(10n ** 24n)],
    } as never);
    const store = memoryJournal(opts.start, opts.file);
    const journal = store.load() ?? newJournal(chain.chainId, account.address, config, codes);
    const { manifest, steps } = await executePlan({ chain: onFork, config, journal, store, codes, log: () => {} });

    const rows: DryRunStep[] = steps.map((outcome) => ({
      id: outcome.step.id,
      summary: outcome.summary,
      gasUsed: outcome.skipped ? 0n : BigInt(outcome.result.gasUsed),
      gasLimit: outcome.skipped ? 0n : (outcome.gasLimit ?? BigInt(outcome.result.gasUsed)),
      done: outcome.skipped,
    }));
    const totalGas = rows.reduce((sum, row) => sum + row.gasUsed, 0n);
    const totalLimit = rows.reduce((sum, row) => sum + row.gasLimit, 0n);
    const [gasPrice, fees, balance] = await Promise.all([
      chain.client.getGasPrice(),
      // The fee the real run's transactions will offer (viem prepares them the same way): the node wants
      // gas limit × max fee in the balance before it takes each one.
      chain.client.estimateFeesPerGas().catch(() => undefined),
      chain.client.getBalance({ address: account.address }),
    ]);
    const maxFeePerGas = fees?.maxFeePerGas ?? fees?.gasPrice ?? gasPrice;
    const cost = totalGas * gasPrice;
    const maxCost = totalLimit * maxFeePerGas;
    const symbol = chain.wallet.chain.nativeCurrency.symbol;

    log(`dry run on a fork of chain ${chain.chainId} at block ${forkBlock}: nothing is sent, no file is written`);
    for (const [i, row] of rows.entries()) {
      const gas = row.done ? 'done before' : `gas ${row.gasUsed.toLocaleString('en-US')}`;
      log(`  [${i + 1}/${rows.length}] ${row.summary}\n        ${gas}`);
    }
    log(
      `expected cost: gas ${totalGas.toLocaleString('en-US')} × ${formatGwei(gasPrice)} gwei = ` +
        `${formatEther(cost)} ${symbol}`,
    );
    log(
      `the deployer must hold: gas limits ${totalLimit.toLocaleString('en-US')} × max fee ${formatGwei(maxFeePerGas)}` +
        ` gwei = ${formatEther(maxCost)} ${symbol} (deployer ${account.address} has ${formatEther(balance)} ${symbol})`,
    );
    if (chain.wallet.chain.sourceId !== undefined) log('  plus the L1 data fee of each transaction (a rollup)');
    if (balance < maxCost) {
      log(`warning: fund the deployer with at least ${formatEther(maxCost - balance)} ${symbol} more before the run`);
    }
    log('verified on the fork: every role where the config says, the deployer holds none');
    return { steps: rows, totalGas, gasPrice, cost, maxCost, maxFeePerGas, balance, manifest, forkBlock };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await fork.stop();
  }
}
