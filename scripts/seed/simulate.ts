/**
 * Deploys the protocol to a fresh anvil and plays the seeded world (world.ts) as real transactions, moving
 * anvil's clock forward so that the history spans SEED_HISTORY_DAYS and ends today.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  parseUnits,
  publicActions,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from 'viem';
import { foundry } from 'viem/chains';
import {
  financingPoolAbi,
  hardwareAssetRegistryAbi,
  mockUsdcAbi,
  poolFactoryAbi,
  protocolTimelockAbi,
} from '../../lib/contracts/abis';
import { writeManifest, type Manifest } from '../../lib/deployments/manifest';
import { creationBytecode } from './artifacts';
import { netRevenue, prng, usdcUnits, weeklyUtilization } from './economics';
import {
  ACCOUNTS,
  ASSETS,
  DEPOSITS,
  FUNDING_USDC,
  MONTHLY_CLAIMERS,
  POOL_EVENTS,
  POOLS,
  PROJECTS,
  PROTOCOL,
  REDEMPTIONS,
  SEED_ACCOUNT_COUNT,
  SEED_HISTORY_DAYS,
  TIMELOCK_DELAY_DAYS,
  TRANSFERS,
  type AssetSpec,
} from './world';

const DAY = 86_400;
const STATUS = { Pending: 0, Active: 1, Maintenance: 2, Retired: 3, Impaired: 4 } as const;
const KIND = { gpu: 0, robot: 1 } as const;
const CATEGORY = { compute: 0, robotics: 1 } as const;

type Action = { day: number; order: number; label: string; run: () => Promise<void> };

export function seedGenesisTimestamp(now = Date.now()): number {
  return Math.floor(now / 1000) - SEED_HISTORY_DAYS * DAY;
}

export async function deployAndSeed(opts: { rpcUrl: string; deploymentsDir?: string; log?: (line: string) => void }) {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const chain = { ...foundry, rpcUrls: { default: { http: [opts.rpcUrl] } } };
  const transport = http(opts.rpcUrl);
  const client = createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions);
  const accounts = await createWalletClient({ chain, transport }).getAddresses();
  if (accounts.length < SEED_ACCOUNT_COUNT) {
    throw new Error(`the seed needs anvil started with ${SEED_ACCOUNT_COUNT} accounts, got ${accounts.length}`);
  }
  // The seed deploys MockUSDC, whose faucet must never reach a real network (the contract refuses too).
  const chainId = await client.getChainId();
  if (chainId !== 31337) throw new Error(`the seed only runs on a local anvil chain (31337), not on chain ${chainId}`);
  const wallet = (index: number) => createWalletClient({ chain, account: accounts[index]!, transport });
  const addr = (index: number) => accounts[index]!;
  let txCount = 0;

  // anvil mines each transaction as it arrives: poll for the receipt every 10 ms, not viem's default 4 s.
  const mined = async (hash: Hex) => {
    txCount++;
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 10 });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const deploy = async (from: number, contract: string, abi: readonly unknown[], args: readonly unknown[]) => {
    const hash = await wallet(from).deployContract({ abi, bytecode: creationBytecode(contract), args } as never);
    const receipt = await mined(hash);
    return { address: receipt.contractAddress!, block: Number(receipt.blockNumber) };
  };
  const write = async (
    from: number,
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: readonly unknown[] = [],
  ) => {
    // A fixed gas limit: anvil estimates at the last block's timestamp, but the seed mines at a later one
    // where revenue accrual takes more gas, so an estimate can fall short.
    const hash = await wallet(from).writeContract({ address, abi, functionName, args, gas: 8_000_000n } as never);
    try {
      return await mined(hash);
    } catch (error) {
      // Replay the call to name the revert reason.
      await client.simulateContract({ account: addr(from), address, abi, functionName, args } as never);
      throw error;
    }
  };
  const read = async <T>(
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: readonly unknown[] = [],
  ) => (await client.readContract({ address, abi, functionName, args } as never)) as T;

  const genesis = Number((await client.getBlock()).timestamp);
  const at = (day: number) => genesis + Math.round(day * DAY);

  // ─── Protocol ──────────────────────────────────────────────────────────────────────────────────────────
  const usdc = await deploy(ACCOUNTS.admin, 'MockUSDC', mockUsdcAbi, []);
  const registry = await deploy(ACCOUNTS.admin, 'HardwareAssetRegistry', hardwareAssetRegistryAbi, [
    addr(ACCOUNTS.admin),
  ]);
  // The pools' admin: the admin account proposes, anyone executes once the delay is over, the guardian cancels.
  const timelockDelay = BigInt(TIMELOCK_DELAY_DAYS * DAY);
  const timelock = await deploy(ACCOUNTS.admin, 'ProtocolTimelock', protocolTimelockAbi, [
    timelockDelay,
    [addr(ACCOUNTS.admin)],
    [zeroAddress],
    addr(ACCOUNTS.admin),
  ]);
  const canceller = await read<Hex>(timelock.address, protocolTimelockAbi, 'CANCELLER_ROLE');
  const timelockAdmin = await read<Hex>(timelock.address, protocolTimelockAbi, 'DEFAULT_ADMIN_ROLE');
  await write(ACCOUNTS.admin, timelock.address, protocolTimelockAbi, 'grantRole', [canceller, addr(ACCOUNTS.guardian)]);
  // From here on the timelock administers itself: a role change is a delayed action like any other.
  await write(ACCOUNTS.admin, timelock.address, protocolTimelockAbi, 'renounceRole', [
    timelockAdmin,
    addr(ACCOUNTS.admin),
  ]);
  const poolCode = creationBytecode('FinancingPool');
  const factory = await deploy(ACCOUNTS.admin, 'PoolFactory', poolFactoryAbi, [
    usdc.address,
    registry.address,
    addr(ACCOUNTS.admin),
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
  const scheduleBatch = async (calls: { target: Address; data: Hex }[]) => {
    const args = [calls.map((c) => c.target), calls.map(() => 0n), calls.map((c) => c.data), zeroHash] as const;
    const callSalt = `0x${(++salt).toString(16).padStart(64, '0')}` as Hex;
    await write(ACCOUNTS.admin, timelock.address, protocolTimelockAbi, 'scheduleBatch', [
      ...args,
      callSalt,
      timelockDelay,
    ]);
    return () =>
      write(ACCOUNTS.admin, timelock.address, protocolTimelockAbi, 'executeBatch', [...args, callSalt]).then(() => {});
  };

  const registrar = await read<Hex>(registry.address, hardwareAssetRegistryAbi, 'REGISTRAR_ROLE');
  const utilizationReporter = await read<Hex>(registry.address, hardwareAssetRegistryAbi, 'REPORTER_ROLE');
  await write(ACCOUNTS.admin, registry.address, hardwareAssetRegistryAbi, 'grantRole', [
    registrar,
    addr(ACCOUNTS.registrar),
  ]);
  await write(ACCOUNTS.admin, registry.address, hardwareAssetRegistryAbi, 'grantRole', [
    utilizationReporter,
    addr(ACCOUNTS.reporter),
  ]);

  const fund = (index: number, usdcAmount: number) =>
    write(ACCOUNTS.admin, usdc.address, mockUsdcAbi, 'mint', [addr(index), parseUnits(String(usdcAmount), 6)]);
  await fund(ACCOUNTS.testWallet, FUNDING_USDC.testWallet);
  await fund(ACCOUNTS.visitorWallet, FUNDING_USDC.testWallet);
  for (const investor of ACCOUNTS.investors) await fund(investor, FUNDING_USDC.investor);
  await fund(ACCOUNTS.manager, FUNDING_USDC.manager);
  await fund(ACCOUNTS.reporter, FUNDING_USDC.reporter);

  // ─── Projects, pools, machines ─────────────────────────────────────────────────────────────────────────
  const metadataHash = (kind: 'projects' | 'pools', file: string) =>
    keccak256(fs.readFileSync(path.join(process.cwd(), 'public', 'metadata', kind, file)));

  const projectIds = new Map<string, bigint>();
  for (const [i, project] of PROJECTS.entries()) {
    await write(ACCOUNTS.admin, factory.address, poolFactoryAbi, 'registerProject', [
      addr(project.operatorAccount),
      CATEGORY[project.category],
      project.name,
      `/metadata/projects/${project.metadata}`,
      metadataHash('projects', project.metadata),
    ]);
    projectIds.set(project.key, BigInt(i + 1));
  }

  const pools = new Map<string, Address>();
  const poolBlocks: { address: Address; deployedOnBlock: number }[] = [];
  for (const spec of POOLS) {
    const receipt = await write(ACCOUNTS.admin, factory.address, poolFactoryAbi, 'createPool', [
      {
        projectId: projectIds.get(spec.project)!,
        name: spec.name,
        symbol: spec.symbol,
        depositCap: parseUnits(String(spec.capUsdc), 6),
        minDeposit: parseUnits(String(spec.minDepositUsdc), 6),
        permissioned: spec.permissioned ?? false,
        metadataURI: `/metadata/pools/${spec.metadata}`,
        metadataHash: metadataHash('pools', spec.metadata),
      },
      poolCode,
    ]);
    const count = await read<bigint>(factory.address, poolFactoryAbi, 'poolCount');
    const address = await read<Address>(factory.address, poolFactoryAbi, 'pools', [count - 1n]);
    pools.set(spec.key, address);
    poolBlocks.push({ address, deployedOnBlock: Number(receipt.blockNumber) });
    for (const payer of [ACCOUNTS.manager, ACCOUNTS.reporter]) {
      await write(payer, usdc.address, mockUsdcAbi, 'approve', [address, 2n ** 255n]);
    }
    log(`FinancingPool          ${address} ${spec.name}`);
  }

  const assetIds = new Map<AssetSpec, bigint>();
  for (const [i, asset] of ASSETS.entries()) {
    const spec = POOLS.find((p) => p.key === asset.pool)!;
    const project = PROJECTS.find((p) => p.key === spec.project)!;
    await write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'registerAsset', [
      pools.get(asset.pool)!,
      addr(project.operatorAccount),
      KIND[asset.economics.kind],
      asset.model,
      asset.units,
      asset.location,
      `/metadata/pools/${spec.metadata}`,
    ]);
    assetIds.set(asset, BigInt(i + 1));
  }

  // The permissioned pool admits the investors the world has depositing into it, and no one else.
  for (const spec of POOLS.filter((p) => p.permissioned)) {
    const investors = new Set(DEPOSITS.filter(([, pool]) => pool === spec.key).map(([investor]) => investor));
    for (const investor of investors) {
      await write(ACCOUNTS.compliance, pools.get(spec.key)!, financingPoolAbi, 'setAllowed', [addr(investor), true]);
    }
  }

  // Per-asset limits are the timelock's: scheduled now, executable once the delay is over (before any machine
  // goes live). Each limit is the machines' cost.
  const executeLimits = await scheduleBatch(
    ASSETS.map((asset) => ({
      target: pools.get(asset.pool)!,
      data: encodeFunctionData({
        abi: financingPoolAbi,
        functionName: 'setAssetLimit',
        args: [assetIds.get(asset)!, usdcUnits(asset.units * asset.unitCostUsdc)],
      }),
    })),
  );

  // ─── History ───────────────────────────────────────────────────────────────────────────────────────────
  const actions: Action[] = [];
  const add = (day: number, order: number, label: string, run: () => Promise<void>) =>
    actions.push({ day, order, label, run });
  const lastDay = SEED_HISTORY_DAYS - 0.5;
  add(TIMELOCK_DELAY_DAYS + 0.01, 0, 'asset limits take effect', executeLimits);

  /** The keeper's job: fill waiting exits from idle cash (deposits and repayments no longer do it). */
  const fillQueue = async (pool: Address) => {
    const pending = await read<bigint>(pool, financingPoolAbi, 'pendingRedeemShares');
    const idle = await read<bigint>(pool, financingPoolAbi, 'idle');
    if (pending > 0n && idle > 0n) await write(ACCOUNTS.manager, pool, financingPoolAbi, 'fillRedemptions', [50n]);
  };

  for (const [investor, pool, amount, day] of DEPOSITS) {
    add(day, 1, 'deposit', async () => {
      const assets = parseUnits(String(amount), 6);
      await write(investor, usdc.address, mockUsdcAbi, 'approve', [pools.get(pool)!, assets]);
      await write(investor, pools.get(pool)!, financingPoolAbi, 'deposit', [assets, addr(investor)]);
      await fillQueue(pools.get(pool)!);
    });
  }

  const deployed = new Map<AssetSpec, bigint>();
  const state = new Map<AssetSpec, 'live' | 'impaired' | 'retired'>();
  const downDays = (asset: AssetSpec, from: number, to: number) => {
    if (asset.event?.kind !== 'maintenance') return 0;
    const start = asset.event.day;
    const end = start + asset.event.days;
    return Math.max(0, Math.min(to, end) - Math.max(from, start));
  };

  for (const asset of ASSETS) {
    const spec = POOLS.find((p) => p.key === asset.pool)!;
    const pool = pools.get(asset.pool)!;
    const id = assetIds.get(asset)!;
    if (asset.liveDay > lastDay) continue;

    add(asset.liveDay, 2, 'deploy capital', async () => {
      const idle = await read<bigint>(pool, financingPoolAbi, 'idle');
      const total = await read<bigint>(pool, financingPoolAbi, 'totalAssets');
      const reserve = (total * BigInt(Math.round(spec.idleReserve * 10_000))) / 10_000n;
      const cost = usdcUnits(asset.units * asset.unitCostUsdc);
      const amount = idle > reserve ? (idle - reserve < cost ? idle - reserve : cost) : 0n;
      if (amount < cost / 10n) return; // not enough raised: the machines wait
      await write(ACCOUNTS.manager, pool, financingPoolAbi, 'deployCapital', [id, amount]);
      await write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'setStatus', [id, STATUS.Active]);
      deployed.set(asset, amount);
      state.set(asset, 'live');
    });

    // Principal amortises every 30 days while the machines run.
    for (let day = asset.liveDay + 30; day <= lastDay; day += 30) {
      add(day, 3, 'repayment', async () => {
        if (state.get(asset) !== 'live') return;
        const outstanding = await read<bigint>(pool, financingPoolAbi, 'outstandingOf', [id]);
        const due = (deployed.get(asset)! * BigInt(Math.round(asset.monthlyRepayment * 10_000))) / 10_000n;
        const amount = due < outstanding ? due : outstanding;
        if (amount > 0n) await write(ACCOUNTS.manager, pool, financingPoolAbi, 'recordRepayment', [id, amount]);
        await fillQueue(pool);
      });
    }

    if (asset.event?.kind === 'impaired') {
      const { day, writeDownShare, writeDownAfterDays, recoveryShare, recoveryAfterDays } = asset.event;
      let loss = 0n;
      // The loss is marked first (a provision every exit prices in at once), written off later, and part of it
      // comes back when the machines are sold.
      add(day, 4, 'impairment', async () => {
        await write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'setStatus', [id, STATUS.Impaired]);
        const outstanding = await read<bigint>(pool, financingPoolAbi, 'outstandingOf', [id]);
        loss = (outstanding * BigInt(Math.round(writeDownShare * 10_000))) / 10_000n;
        await write(ACCOUNTS.manager, pool, financingPoolAbi, 'markImpairment', [id, loss]);
        state.set(asset, 'impaired');
      });
      // Later steps that fall after today have not happened yet.
      if (day + writeDownAfterDays <= lastDay) {
        add(day + writeDownAfterDays, 4, 'write-down', () =>
          write(ACCOUNTS.manager, pool, financingPoolAbi, 'recordWriteDown', [id, loss]).then(() => {}),
        );
      }
      if (recoveryShare > 0 && day + recoveryAfterDays <= lastDay) {
        add(day + recoveryAfterDays, 4, 'recovery', async () => {
          const recovered = (loss * BigInt(Math.round(recoveryShare * 10_000))) / 10_000n;
          await write(ACCOUNTS.manager, pool, financingPoolAbi, 'recordRecovery', [id, recovered]);
          await fillQueue(pool);
        });
      }
    }
    if (asset.event?.kind === 'maintenance') {
      const { day, days } = asset.event;
      add(day, 4, 'maintenance', () =>
        write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'setStatus', [
          id,
          STATUS.Maintenance,
        ]).then(() => {}),
      );
      add(day + days, 4, 'back in service', () =>
        write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'setStatus', [id, STATUS.Active]).then(
          () => {},
        ),
      );
    }
  }

  // Weekly: each pool distributes its live assets' net revenue for the week just ended, and the reporter
  // files each asset's utilization for it.
  const randoms = new Map(ASSETS.map((a, i) => [a, prng(1_000 + i * 7_919)]));
  const firstLive = Math.min(...ASSETS.map((a) => a.liveDay));
  for (let day = firstLive + 7; day <= lastDay; day += 7) {
    const from = day - 7;
    add(day, 5, 'weekly revenue and utilization', async () => {
      const reports: { assetId: bigint; periodStart: bigint; periodEnd: bigint; utilizationBps: number }[] = [];
      const byPool = new Map<string, { assetId: bigint; amount: bigint; periodStart: bigint; periodEnd: bigint }[]>();
      for (const asset of ASSETS) {
        if (state.get(asset) !== 'live' || asset.liveDay >= day) continue;
        const serviceStart = Math.max(from, asset.liveDay);
        const days = day - serviceStart - downDays(asset, serviceStart, day);
        const week = Math.floor((day - asset.liveDay) / 7);
        const utilization = weeklyUtilization(asset, week, randoms.get(asset)!) * (days / (day - serviceStart));
        const periodStart = BigInt(at(serviceStart));
        const periodEnd = BigInt(at(day) - 60);
        reports.push({
          assetId: assetIds.get(asset)!,
          periodStart,
          periodEnd,
          utilizationBps: Math.round(utilization * 10_000),
        });
        const amount = usdcUnits(netRevenue(asset, utilization, day - serviceStart));
        if (amount === 0n) continue;
        const list = byPool.get(asset.pool) ?? [];
        list.push({ assetId: assetIds.get(asset)!, amount, periodStart, periodEnd });
        byPool.set(asset.pool, list);
      }
      if (reports.length > 0) {
        await write(ACCOUNTS.reporter, registry.address, hardwareAssetRegistryAbi, 'reportUtilizationBatch', [reports]);
      }
      for (const [pool, batch] of byPool) {
        await write(ACCOUNTS.reporter, pools.get(pool)!, financingPoolAbi, 'distributeRevenueBatch', [batch]);
      }
    });
  }

  for (const [from, to, pool, share, day] of TRANSFERS) {
    add(day, 6, 'share transfer', async () => {
      const balance = await read<bigint>(pools.get(pool)!, financingPoolAbi, 'balanceOf', [addr(from)]);
      const shares = (balance * BigInt(Math.round(share * 10_000))) / 10_000n;
      await write(from, pools.get(pool)!, financingPoolAbi, 'transfer', [addr(to), shares]);
    });
  }

  for (let day = 30; day <= lastDay; day += 30) {
    add(day, 7, 'monthly claims', async () => {
      for (const investor of MONTHLY_CLAIMERS) {
        for (const pool of pools.values()) {
          const claimable = await read<bigint>(pool, financingPoolAbi, 'claimableRevenue', [addr(investor)]);
          if (claimable > 0n) await write(investor, pool, financingPoolAbi, 'claim', [addr(investor)]);
        }
      }
    });
  }

  // Osaka A winds down: closed, its machines' principal repaid in three parts, its investors exit.
  const osakaA = pools.get('osa-a')!;
  add(POOL_EVENTS.closeOsakaA, 8, 'close pool', () =>
    write(ACCOUNTS.manager, osakaA, financingPoolAbi, 'close').then(() => {}),
  );
  for (const [i, day] of [153, 160, 168].entries()) {
    add(day, 8, 'wind-down repayment', async () => {
      for (const asset of ASSETS.filter((a) => a.pool === 'osa-a' && state.get(a) === 'live')) {
        const id = assetIds.get(asset)!;
        const outstanding = await read<bigint>(osakaA, financingPoolAbi, 'outstandingOf', [id]);
        const amount = i === 2 ? outstanding : outstanding / BigInt(3 - i);
        if (amount > 0n) await write(ACCOUNTS.manager, osakaA, financingPoolAbi, 'recordRepayment', [id, amount]);
        await fillQueue(osakaA);
        if (i === 2) {
          await write(ACCOUNTS.registrar, registry.address, hardwareAssetRegistryAbi, 'setStatus', [
            id,
            STATUS.Retired,
          ]);
          state.set(asset, 'retired');
        }
      }
    });
  }

  for (const [investor, pool, share, day, then] of REDEMPTIONS) {
    const address = pools.get(pool)!;
    let requestId: bigint | undefined;
    add(day, 9, 'redemption request', async () => {
      const unlocked = await read<bigint>(address, financingPoolAbi, 'unlockedShares', [addr(investor)]);
      const shares = (unlocked * BigInt(Math.round(share * 10_000))) / 10_000n;
      // uint48 reads as a number.
      requestId = BigInt(await read<number>(address, financingPoolAbi, 'redeemRequestCount')) + 1n;
      await write(investor, address, financingPoolAbi, 'requestRedeem', [shares, addr(investor), addr(investor)]);
      await fillQueue(address);
    });
    if (then === 'claim') {
      add(170, 10, 'claim redemption', async () => {
        // ERC-7540: filled requests are claimed through redeem, with the investor as controller.
        const [shares] = await read<readonly [bigint, bigint]>(address, financingPoolAbi, 'claimableRedemption', [
          addr(investor),
        ]);
        await write(investor, address, financingPoolAbi, 'redeem', [shares, addr(investor), addr(investor)]);
      });
    }
    if (then === 'cancel') {
      add(day + 4, 10, 'cancel redemption', () =>
        write(investor, address, financingPoolAbi, 'cancelRedeemRequest', [requestId!, addr(investor)]).then(() => {}),
      );
    }
  }

  // A change still waiting out its delay today, as the pool page shows it: Ashburn H100's fee to 12 %.
  add(lastDay - 0.5, 11, 'protocol fee change scheduled', async () => {
    await scheduleBatch([
      {
        target: pools.get('ash1')!,
        data: encodeFunctionData({
          abi: financingPoolAbi,
          functionName: 'setProtocolFee',
          args: [addr(ACCOUNTS.treasury), 1_200],
        }),
      },
    ]);
  });

  actions.sort((a, b) => a.day - b.day || a.order - b.order);
  for (const action of actions) {
    const target = at(action.day);
    const { timestamp } = await client.getBlock();
    if (Number(timestamp) < target) await client.setNextBlockTimestamp({ timestamp: BigInt(target) });
    try {
      await action.run();
    } catch (error) {
      throw new Error(
        `seed action "${action.label}" on day ${action.day} failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
    }
  }

  // History is done: bring the chain's clock to the present so new blocks carry today's date.
  const now = BigInt(Math.floor(Date.now() / 1000));
  if ((await client.getBlock()).timestamp < now) {
    await client.setNextBlockTimestamp({ timestamp: now });
    await client.mine({ blocks: 1 });
  }

  const manifest: Manifest = {
    chainId,
    startBlock: usdc.block,
    contracts: {
      MockUSDC: { address: usdc.address, deployedOnBlock: usdc.block },
      HardwareAssetRegistry: { address: registry.address, deployedOnBlock: registry.block },
      ProtocolTimelock: { address: timelock.address, deployedOnBlock: timelock.block },
      PoolFactory: { address: factory.address, deployedOnBlock: factory.block },
      FinancingPools: poolBlocks,
    },
  };
  const file = writeManifest(manifest, opts.deploymentsDir);
  log(
    `${PROJECTS.length} projects, ${POOLS.length} pools, ${ASSETS.length} machine groups, ${SEED_HISTORY_DAYS} days of history`,
  );
  log(`${txCount} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s; manifest ${file}`);
  return manifest;
}
