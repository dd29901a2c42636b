/**
 * The deploy's last word, read back from the chain rather than assumed from the receipts: every role is where the
 * config says, the deployer holds none anywhere, and the factory carries the config's economics. A deploy that
 * fails this writes no manifest.
 */
import {
  isAddressEqual,
  keccak256,
  zeroAddress,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
} from 'viem';
import { hardwareAssetRegistryAbi, poolFactoryAbi, protocolTimelockAbi } from '../../lib/contracts/abis';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { DeployError } from './deploy-error';
import { ROLE } from './plan';

export type DeployedAddresses = { registry: Address; timelock: Address; factory: Address };

type Check = { what: string; ok: boolean | Promise<boolean> };

export async function verifyDeployment(
  client: PublicClient<Transport, Chain>,
  deployed: DeployedAddresses,
  config: DeployConfig,
  deployer: Address,
  poolCode: Hex,
): Promise<void> {
  const { roles } = config;
  const registry = { address: deployed.registry, abi: hardwareAssetRegistryAbi } as const;
  const timelock = { address: deployed.timelock, abi: protocolTimelockAbi } as const;
  const factory = { address: deployed.factory, abi: poolFactoryAbi } as const;
  const executor = roles.timelockExecutor?.address ?? zeroAddress;

  const has = (on: typeof registry | typeof timelock | typeof factory, role: Hex, account: Address) =>
    client.readContract({ ...on, functionName: 'hasRole', args: [role, account] } as Parameters<
      typeof client.readContract
    >[0]) as Promise<boolean>;
  const holds = (where: string, on: Parameters<typeof has>[0], role: keyof typeof ROLE, account: Address): Check => ({
    what: `${where}: ${account} holds ${role}_ROLE`,
    ok: has(on, ROLE[role], account),
  });
  const lacks = (where: string, on: Parameters<typeof has>[0], role: keyof typeof ROLE): Check => ({
    what: `${where}: the deployer holds no ${role}_ROLE`,
    ok: has(on, ROLE[role], deployer).then((held) => !held),
  });
  const equals = <T>(what: string, read: Promise<T>, expected: T): Check => ({
    what: `${what} is ${String(expected)}`,
    ok: read.then((value) =>
      typeof value === 'string' && typeof expected === 'string'
        ? value.toLowerCase() === expected.toLowerCase()
        : value === expected,
    ),
  });

  const defaults = client.readContract({ ...factory, functionName: 'defaultRoles' });
  const defaultRole = (index: number, name: string, expected: Address): Check => ({
    what: `PoolFactory: the pools' default ${name} is ${expected}`,
    ok: defaults.then((tuple) => isAddressEqual(tuple[index] as Address, expected)),
  });

  const checks: Check[] = [
    // The role ids the plan used are the contracts' own.
    equals(
      'HardwareAssetRegistry.REGISTRAR_ROLE',
      client.readContract({ ...registry, functionName: 'REGISTRAR_ROLE' }),
      ROLE.REGISTRAR,
    ),
    equals(
      'HardwareAssetRegistry.REPORTER_ROLE',
      client.readContract({ ...registry, functionName: 'REPORTER_ROLE' }),
      ROLE.REPORTER,
    ),
    equals(
      'ProtocolTimelock.PROPOSER_ROLE',
      client.readContract({ ...timelock, functionName: 'PROPOSER_ROLE' }),
      ROLE.PROPOSER,
    ),
    equals(
      'ProtocolTimelock.EXECUTOR_ROLE',
      client.readContract({ ...timelock, functionName: 'EXECUTOR_ROLE' }),
      ROLE.EXECUTOR,
    ),
    equals(
      'ProtocolTimelock.CANCELLER_ROLE',
      client.readContract({ ...timelock, functionName: 'CANCELLER_ROLE' }),
      ROLE.CANCELLER,
    ),

    holds('HardwareAssetRegistry', registry, 'DEFAULT_ADMIN', roles.admin.address),
    holds('HardwareAssetRegistry', registry, 'REGISTRAR', roles.registrar.address),
    holds('HardwareAssetRegistry', registry, 'REPORTER', roles.reporter.address),
    lacks('HardwareAssetRegistry', registry, 'DEFAULT_ADMIN'),
    lacks('HardwareAssetRegistry', registry, 'REGISTRAR'),
    lacks('HardwareAssetRegistry', registry, 'REPORTER'),

    holds('ProtocolTimelock', timelock, 'DEFAULT_ADMIN', deployed.timelock),
    holds('ProtocolTimelock', timelock, 'PROPOSER', roles.timelockProposer.address),
    holds('ProtocolTimelock', timelock, 'CANCELLER', roles.timelockProposer.address),
    holds('ProtocolTimelock', timelock, 'CANCELLER', roles.guardian.address),
    holds('ProtocolTimelock', timelock, 'EXECUTOR', executor),
    lacks('ProtocolTimelock', timelock, 'DEFAULT_ADMIN'),
    lacks('ProtocolTimelock', timelock, 'PROPOSER'),
    lacks('ProtocolTimelock', timelock, 'EXECUTOR'),
    lacks('ProtocolTimelock', timelock, 'CANCELLER'),
    equals(
      'ProtocolTimelock.getMinDelay()',
      client.readContract({ ...timelock, functionName: 'getMinDelay' }),
      BigInt(config.timelockDelaySeconds),
    ),

    holds('PoolFactory', factory, 'DEFAULT_ADMIN', roles.admin.address),
    lacks('PoolFactory', factory, 'DEFAULT_ADMIN'),
    equals('PoolFactory.usdc()', client.readContract({ ...factory, functionName: 'usdc' }), config.usdc),
    equals('PoolFactory.registry()', client.readContract({ ...factory, functionName: 'registry' }), deployed.registry),
    equals(
      'PoolFactory.treasury()',
      client.readContract({ ...factory, functionName: 'treasury' }),
      roles.treasury.address,
    ),
    equals(
      'PoolFactory.protocolFeeBps()',
      client.readContract({ ...factory, functionName: 'protocolFeeBps' }),
      config.protocolFeeBps,
    ),
    equals(
      'PoolFactory.revenueStreamDuration()',
      client.readContract({ ...factory, functionName: 'revenueStreamDuration' }),
      config.revenueStreamDays * 86_400,
    ),
    equals(
      'PoolFactory.poolCodeHash()',
      client.readContract({ ...factory, functionName: 'poolCodeHash' }),
      keccak256(poolCode),
    ),
    defaultRole(0, 'admin', deployed.timelock),
    defaultRole(1, 'manager', roles.manager.address),
    defaultRole(2, 'reporter', roles.reporter.address),
    defaultRole(3, 'guardian', roles.guardian.address),
    defaultRole(4, 'compliance', roles.compliance.address),
  ];

  const results = await Promise.all(checks.map(async (check) => ({ ...check, ok: await check.ok })));
  const failed = results.filter((check) => !check.ok).map((check) => check.what);
  if (failed.length > 0) {
    throw new DeployError(`the deployment does not verify on chain: expected ${failed.join('; ')}`);
  }
}
