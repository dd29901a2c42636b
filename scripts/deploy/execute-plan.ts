/**
 * The plan run through the journal on one chain (the target, or the dry run's fork), then verified there; what
 * comes out is the manifest the deploy writes.
 */
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import type { Manifest } from '../../lib/deployments/manifest';
import type { Connection } from './connection';
import { DeployError } from './deploy-error';
import type { Journal, JournalStore } from './journal';
import { deployPlan, type creationCodes } from './plan';
import { runSteps, type Interruption, type StepOutcome } from './step-runner';
import { verifyDeployment } from './verify';

/** Runs the plan on `chain` through the journal, then verifies it; the manifest it would write. */
export async function executePlan(opts: {
  chain: Connection;
  config: DeployConfig;
  journal: Journal;
  store: JournalStore;
  codes: ReturnType<typeof creationCodes>;
  log: (line: string) => void;
  interrupt?: Interruption;
}): Promise<{ manifest: Manifest; steps: StepOutcome[] }> {
  const { chain, config, journal, store, codes, log, interrupt } = opts;
  const deployer = chain.wallet.account.address;
  const steps = await runSteps({ chain, steps: deployPlan(config, deployer, codes), journal, store, log, interrupt });
  const at = (id: string) => {
    const result = steps.find((outcome) => outcome.step.id === id)?.result;
    if (!result?.address) throw new DeployError(`step ${id} left no contract address in the journal`);
    return { address: result.address, deployedOnBlock: result.block };
  };
  const registry = at('registry');
  const timelock = at('timelock');
  const factory = at('factory');
  log('verifying roles and settings on chain');
  await verifyDeployment(
    chain.client,
    { registry: registry.address, timelock: timelock.address, factory: factory.address },
    config,
    deployer,
    codes.FinancingPool,
  );
  const manifest: Manifest = {
    chainId: chain.chainId,
    startBlock: Math.min(registry.deployedOnBlock, timelock.deployedOnBlock, factory.deployedOnBlock),
    contracts: {
      // The chain's USDC existed long before; the indexer needs no event of it older than the protocol.
      USDC: { address: config.usdc, deployedOnBlock: registry.deployedOnBlock },
      HardwareAssetRegistry: registry,
      PoolFactory: factory,
      ProtocolTimelock: timelock,
      FinancingPools: [],
    },
  };
  return { manifest, steps };
}
