/**
 * Step 1 of the seed: the protocol's contracts, its roles (the pools' admin is a timelock that administers
 * itself), and the faucet money every account starts with.
 */
import { keccak256, parseUnits, zeroAddress, zeroHash, type Address, type Hex } from 'viem';
import { hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi, protocolTimelockAbi } from '../../lib/contracts/abis';
import { creationBytecode } from './artifacts';
import { DAY, type SeedChain } from './seed-chain';
import { ACCOUNTS, FUNDING_USDC, PROTOCOL, TIMELOCK_DELAY_DAYS } from './world';

export type TimelockCall = { target: Address; data: Hex };

export async function deployProtocol(chain: SeedChain, log: (line: string) => void) {
  const { addr, send, deploy, client } = chain;
  const admin = ACCOUNTS.admin;
  const usdc = await deploy(admin, 'MockUSDC', mockUsdcAbi, []);
  const registry = await deploy(admin, 'HardwareAssetRegistry', hardwareAssetRegistryAbi, [addr(admin)]);
  // The pools' admin: the admin account proposes, anyone executes once the delay is over, the guardian cancels.
  const timelockDelay = BigInt(TIMELOCK_DELAY_DAYS * DAY);
  const timelock = await deploy(admin, 'ProtocolTimelock', protocolTimelockAbi, [
    timelockDelay,
    [addr(admin)],
    [zeroAddress],
    addr(admin),
  ]);
  const onTimelock = { address: timelock.address, abi: protocolTimelockAbi } as const;
  const canceller = await client.readContract({ ...onTimelock, functionName: 'CANCELLER_ROLE' });
  const timelockAdmin = await client.readContract({ ...onTimelock, functionName: 'DEFAULT_ADMIN_ROLE' });
  await send(admin, { ...onTimelock, functionName: 'grantRole', args: [canceller, addr(ACCOUNTS.guardian)] });
  // From here on the timelock administers itself: a role change is a delayed action like any other.
  await send(admin, { ...onTimelock, functionName: 'renounceRole', args: [timelockAdmin, addr(admin)] });
  const poolCode = creationBytecode('FinancingPool');
  const factory = await deploy(admin, 'PoolFactory', poolFactoryAbi, [
    usdc.address,
    registry.address,
    addr(admin),
    addr(ACCOUNTS.treasury),
    PROTOCOL.feeBps,
    PROTOCOL.revenueStreamDays * DAY,
    {
      admin: timelock.address,
      manager: addr(ACCOUNTS.manager),
      reporter: addr(ACCOUNTS.reporter),
      guardian: addr(ACCOUNTS.guardian),
      compliance: addr(ACCOUNTS.compliance),
    },
    keccak256(poolCode),
  ]);
  log(`MockUSDC               ${usdc.address}`);
  log(`HardwareAssetRegistry  ${registry.address}`);
  log(`ProtocolTimelock       ${timelock.address}`);
  log(`PoolFactory            ${factory.address}`);

  let salt = 0n;
  /** Schedules calls through the timelock now; returns what executes them once the delay is over. */
  const scheduleBatch = async (calls: TimelockCall[]) => {
    const args = [calls.map((c) => c.target), calls.map(() => 0n), calls.map((c) => c.data), zeroHash] as const;
    const callSalt = `0x${(++salt).toString(16).padStart(64, '0')}` as Hex;
    await send(admin, { ...onTimelock, functionName: 'scheduleBatch', args: [...args, callSalt, timelockDelay] });
    return async () => {
      await send(admin, { ...onTimelock, functionName: 'executeBatch', args: [...args, callSalt] });
    };
  };

  const onRegistry = { address: registry.address, abi: hardwareAssetRegistryAbi } as const;
  const registrar = await client.readContract({ ...onRegistry, functionName: 'REGISTRAR_ROLE' });
  const utilizationReporter = await client.readContract({ ...onRegistry, functionName: 'REPORTER_ROLE' });
  await send(admin, { ...onRegistry, functionName: 'grantRole', args: [registrar, addr(ACCOUNTS.registrar)] });
  await send(admin, { ...onRegistry, functionName: 'grantRole', args: [utilizationReporter, addr(ACCOUNTS.reporter)] });

  const fund = (index: number, usdcAmount: number) =>
    send(admin, {
      address: usdc.address,
      abi: mockUsdcAbi,
      functionName: 'mint',
      args: [addr(index), parseUnits(String(usdcAmount), 6)],
    });
  await fund(ACCOUNTS.testWallet, FUNDING_USDC.testWallet);
  await fund(ACCOUNTS.visitorWallet, FUNDING_USDC.testWallet);
  for (const investor of ACCOUNTS.investors) await fund(investor, FUNDING_USDC.investor);
  await fund(ACCOUNTS.manager, FUNDING_USDC.manager);
  await fund(ACCOUNTS.reporter, FUNDING_USDC.reporter);

  return { usdc, registry, timelock, factory, poolCode, scheduleBatch };
}

export type Protocol = Awaited<ReturnType<typeof deployProtocol>>;
