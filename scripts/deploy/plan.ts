/**
 * The production deploy as a list of transactions, each one step the journal can record: the seed's protocol
 * (scripts/seed/protocol.ts) with the config's roles and nothing of the seed's world. The deployer is a temporary
 * admin of the registry and the timelock only, and hands both over before the end; the factory's admin is the
 * config's from its constructor on.
 */
import {
  encodeDeployData,
  encodeFunctionData,
  keccak256,
  toHex,
  zeroAddress,
  zeroHash,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { hardwareAssetRegistryAbi, poolFactoryAbi, protocolTimelockAbi } from '../../lib/contracts/abis';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { creationBytecode } from '../seed/artifacts';

const DAY = 86_400;

/** OpenZeppelin's role ids; the final verification reads them back from the contracts. */
export const ROLE = {
  DEFAULT_ADMIN: zeroHash,
  REGISTRAR: keccak256(toHex('REGISTRAR_ROLE')),
  REPORTER: keccak256(toHex('REPORTER_ROLE')),
  PROPOSER: keccak256(toHex('PROPOSER_ROLE')),
  EXECUTOR: keccak256(toHex('EXECUTOR_ROLE')),
  CANCELLER: keccak256(toHex('CANCELLER_ROLE')),
} as const;

export type DeployedContractName = 'HardwareAssetRegistry' | 'ProtocolTimelock' | 'PoolFactory';

/** What a finished step left on chain: the address it created (deployments) and its block. */
export type StepResult = { address?: Address; block: number; gasUsed: string };
export type Done = Partial<Record<string, StepResult>>;

/** The transaction of a step, built once the addresses of earlier steps are known. */
export type StepTransaction = { to?: Address; data: Hex; summary: string };

export type Step = { id: string; contract: DeployedContractName; build: (done: Done) => StepTransaction };

/** Creation code of every contract the deploy uses; their hashes go into the journal's fingerprint. */
export function creationCodes() {
  return {
    HardwareAssetRegistry: creationBytecode('HardwareAssetRegistry'),
    ProtocolTimelock: creationBytecode('ProtocolTimelock'),
    PoolFactory: creationBytecode('PoolFactory'),
    FinancingPool: creationBytecode('FinancingPool'),
  };
}

/** `name=value` for each constructor argument, by the ABI's names, so the dry run shows what is deployed. */
function describeArgs(abi: Abi, args: readonly unknown[]): string {
  const inputs = abi.find((item) => item.type === 'constructor')?.inputs ?? [];
  const show = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(show).join(', ')}]`
      : typeof value === 'object' && value !== null
        ? `{ ${Object.entries(value)
            .map(([key, inner]) => `${key}: ${show(inner)}`)
            .join(', ')} }`
        : String(value);
  return args.map((arg, i) => `${inputs[i]?.name || `arg${i}`}=${show(arg)}`).join(', ');
}

function deployStep<const abi extends Abi>(
  id: string,
  contract: DeployedContractName,
  abi: abi,
  bytecode: Hex,
  args: (done: Done) => readonly unknown[],
): Step {
  return {
    id,
    contract,
    build: (done) => {
      const values = args(done);
      // The argument list is typed by each call site's literal; encodeDeployData's conditional type cannot be
      // related to a generic ABI, so it goes as the general parameter type.
      const data = encodeDeployData({ abi, bytecode, args: values } as Parameters<typeof encodeDeployData>[0]);
      return { data, summary: `deploy ${contract}(${describeArgs(abi, values)})` };
    },
  };
}

function addressOf(done: Done, stepId: string): Address {
  const address = done[stepId]?.address;
  if (!address) throw new Error(`step ${stepId} has not deployed its contract yet`);
  return address;
}

const ROLE_NAMES: Record<Hex, string> = Object.fromEntries(
  Object.entries(ROLE).map(([name, id]) => [id, `${name}_ROLE`]),
) as Record<Hex, string>;

function roleStep(
  id: string,
  contract: 'HardwareAssetRegistry' | 'ProtocolTimelock',
  target: string,
  functionName: 'grantRole' | 'renounceRole',
  role: Hex,
  account: Address,
): Step {
  const abi = contract === 'HardwareAssetRegistry' ? hardwareAssetRegistryAbi : protocolTimelockAbi;
  return {
    id,
    contract,
    build: (done) => ({
      to: addressOf(done, target),
      data: encodeFunctionData({ abi, functionName, args: [role, account] }),
      summary: `${contract}.${functionName}(${ROLE_NAMES[role]}, ${account})`,
    }),
  };
}

export function deployPlan(config: DeployConfig, deployer: Address, codes = creationCodes()): Step[] {
  const { roles } = config;
  return [
    deployStep('registry', 'HardwareAssetRegistry', hardwareAssetRegistryAbi, codes.HardwareAssetRegistry, () => [
      deployer,
    ]),
    // The deployer administers the timelock only until the guardian is a canceller; then it renounces.
    deployStep('timelock', 'ProtocolTimelock', protocolTimelockAbi, codes.ProtocolTimelock, () => [
      BigInt(config.timelockDelaySeconds),
      [roles.timelockProposer.address],
      [roles.timelockExecutor?.address ?? zeroAddress],
      deployer,
    ]),
    deployStep('factory', 'PoolFactory', poolFactoryAbi, codes.PoolFactory, (done) => [
      config.usdc,
      addressOf(done, 'registry'),
      roles.admin.address,
      roles.treasury.address,
      config.protocolFeeBps,
      config.revenueStreamDays * DAY,
      {
        admin: addressOf(done, 'timelock'),
        manager: roles.manager.address,
        reporter: roles.reporter.address,
        guardian: roles.guardian.address,
        compliance: roles.compliance.address,
      },
      keccak256(codes.FinancingPool),
    ]),
    roleStep(
      'registry-registrar',
      'HardwareAssetRegistry',
      'registry',
      'grantRole',
      ROLE.REGISTRAR,
      roles.registrar.address,
    ),
    roleStep(
      'registry-reporter',
      'HardwareAssetRegistry',
      'registry',
      'grantRole',
      ROLE.REPORTER,
      roles.reporter.address,
    ),
    roleStep(
      'registry-admin',
      'HardwareAssetRegistry',
      'registry',
      'grantRole',
      ROLE.DEFAULT_ADMIN,
      roles.admin.address,
    ),
    roleStep('registry-renounce', 'HardwareAssetRegistry', 'registry', 'renounceRole', ROLE.DEFAULT_ADMIN, deployer),
    roleStep('timelock-guardian', 'ProtocolTimelock', 'timelock', 'grantRole', ROLE.CANCELLER, roles.guardian.address),
    // From here on the timelock administers itself: a role change is a delayed action like any other.
    roleStep('timelock-renounce', 'ProtocolTimelock', 'timelock', 'renounceRole', ROLE.DEFAULT_ADMIN, deployer),
  ];
}
