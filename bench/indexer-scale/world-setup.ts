/**
 * The generated world up to its first revenue: the protocol (deployed as the seed does, automine on), then in
 * bulk the money, projects and pools (day 0), the machines and their limits, the deposits (day 1) and every
 * machine group financed (day 2).
 */
import { keccak256, type Abi, type Address, type ContractConstructorArgs, type Hex } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi, mockUsdcAbi, poolFactoryAbi } from '../../lib/contracts/abis';
import { creationBytecode } from '../../scripts/seed/artifacts';
import { deployContract, sendWithGasMargin } from '../../scripts/stack/contract-write';
import type { Bulk, BulkMiner } from './bulk-miner';

type BulkClient = Bulk['client'];
import { ACCOUNTS, PROJECTS, usdc, type WorldPlan } from './world-plan';

const DAY = 86_400;
const zeroHash = `0x${'00'.repeat(32)}` as Hex;

type Wallet = Parameters<typeof sendWithGasMargin>[1];

/** The protocol's contracts and roles: five transactions, mined one by one. */
export async function deployProtocol(client: BulkClient, wallet: Wallet, addr: (i: number) => Address) {
  const deploy = async <const abi extends Abi>(contract: string, abi: abi, args: ContractConstructorArgs<abi>) => {
    const { address, block } = await deployContract(client, wallet, {
      abi,
      bytecode: creationBytecode(contract),
      args,
    });
    return { address, deployedOnBlock: Number(block) };
  };
  const token = await deploy('MockUSDC', mockUsdcAbi, []);
  const registry = await deploy('HardwareAssetRegistry', hardwareAssetRegistryAbi, [addr(ACCOUNTS.admin)]);
  const factory = await deploy('PoolFactory', poolFactoryAbi, [
    token.address,
    registry.address,
    addr(ACCOUNTS.admin),
    addr(ACCOUNTS.treasury),
    1_000,
    7 * DAY,
    // The admin is an account here, not a timelock: the bench measures indexing, not governance.
    {
      admin: addr(ACCOUNTS.admin),
      manager: addr(ACCOUNTS.manager),
      reporter: addr(ACCOUNTS.reporter),
      guardian: addr(ACCOUNTS.admin),
      compliance: addr(ACCOUNTS.admin),
    },
    keccak256(creationBytecode('FinancingPool')),
  ]);
  const onRegistry = { address: registry.address, abi: hardwareAssetRegistryAbi } as const;
  for (const [role, to] of [
    ['REGISTRAR_ROLE', ACCOUNTS.manager],
    ['REPORTER_ROLE', ACCOUNTS.reporter],
  ] as const) {
    const id = await client.readContract({ ...onRegistry, functionName: role });
    await sendWithGasMargin(client, wallet, { ...onRegistry, functionName: 'grantRole', args: [id, addr(to)] });
  }
  return { token, registry, factory, transactions: 5 };
}

export type BenchProtocol = Awaited<ReturnType<typeof deployProtocol>>;

type Setup = {
  client: BulkClient;
  miner: BulkMiner;
  protocol: BenchProtocol;
  plan: WorldPlan;
  addr: (i: number) => Address;
  at: (day: number) => number;
  count: (event: string, n?: number) => void;
};

/** Day 0: money, projects, pools; the pools' addresses. */
export async function createPools({ client, miner: m, protocol, plan, addr, at, count }: Setup, pools: number) {
  const admin = addr(ACCOUNTS.admin);
  const token = { address: protocol.token.address, abi: mockUsdcAbi } as const;
  const factory = { address: protocol.factory.address, abi: poolFactoryAbi } as const;
  for (const [who, amount] of plan.minted) {
    m.send(admin, { ...token, functionName: 'mint', args: [addr(who), amount] }, 100_000n);
  }
  m.send(admin, { ...token, functionName: 'mint', args: [addr(ACCOUNTS.reporter), usdc(1e12)] }, 100_000n);
  for (let j = 0; j < PROJECTS; j++) {
    const operator = addr(ACCOUNTS.operators[j % ACCOUNTS.operators.length]!);
    m.send(
      admin,
      { ...factory, functionName: 'registerProject', args: [operator, j % 2, `Bench Operator ${j + 1}`, '', zeroHash] },
      400_000n,
    );
  }
  count('PoolFactory:ProjectRegistered', PROJECTS);
  for (let p = 0; p < pools; p++) {
    const params = {
      projectId: BigInt(1 + (p % PROJECTS)),
      name: p === 0 ? 'Bench Busy Pool' : `Bench Pool ${p}`,
      symbol: `myB${p}`,
      depositCap: usdc(1e12),
      minDeposit: usdc(1),
      permissioned: false,
      metadataURI: '',
      metadataHash: zeroHash,
    };
    m.send(
      admin,
      { ...factory, functionName: 'createPool', args: [params, creationBytecode('FinancingPool')] },
      12_000_000n,
    );
  }
  count('PoolFactory:PoolCreated', pools);
  await m.mine(at(0));
  // Read in one batch: viem's transport puts the requests of one tick in one HTTP request.
  return Promise.all(
    Array.from({ length: pools }, (_, p) =>
      client.readContract({ ...factory, functionName: 'pools', args: [BigInt(p)] }),
    ),
  );
}

/** Still day 0: allowances, the machines and their limits; day 1 the deposits, day 2 every machine financed. */
export async function financeMachines({ miner: m, protocol, plan, addr, at, count }: Setup, pools: Address[]) {
  const token = { address: protocol.token.address, abi: mockUsdcAbi } as const;
  const registry = { address: protocol.registry.address, abi: hardwareAssetRegistryAbi } as const;
  const pool = (p: number) => ({ address: pools[p]!, abi: financingPoolAbi }) as const;
  for (const address of pools) {
    m.send(addr(ACCOUNTS.reporter), { ...token, functionName: 'approve', args: [address, 2n ** 255n] }, 100_000n);
  }
  for (const [who, p, amount] of plan.deposits) {
    m.send(addr(who), { ...token, functionName: 'approve', args: [pools[p]!, amount] }, 100_000n);
  }
  for (let i = 0; i < plan.assetPool.length; i++) {
    const p = plan.assetPool[i]!;
    const compute = (p % PROJECTS) % 2 === 0;
    const operator = addr(ACCOUNTS.operators[(p % PROJECTS) % ACCOUNTS.operators.length]!);
    const location = ['Ashburn', 'Austin', 'Osaka', 'Rotterdam', 'Oslo'][i % 5]!;
    const model = compute ? 'H100 SXM' : 'AMR-200';
    const args = [pools[p]!, operator, compute ? 0 : 1, model, plan.units[i]!, location, ''] as const;
    m.send(addr(ACCOUNTS.manager), { ...registry, functionName: 'registerAsset', args }, 500_000n);
  }
  count('HardwareAssetRegistry:AssetRegistered', plan.assetPool.length);
  await m.mine();
  for (let i = 0; i < plan.assetPool.length; i++) {
    const args = [BigInt(i + 1), plan.principal[i]!] as const;
    m.send(addr(ACCOUNTS.admin), { ...pool(plan.assetPool[i]!), functionName: 'setAssetLimit', args }, 200_000n);
  }
  count('FinancingPool:AssetLimitUpdated', plan.assetPool.length);
  await m.mine();

  for (const [who, p, amount] of plan.deposits) {
    m.send(addr(who), { ...pool(p), functionName: 'deposit', args: [amount, addr(who)] }, 400_000n);
  }
  count('FinancingPool:Deposit', plan.deposits.length);
  count('FinancingPool:Transfer', plan.deposits.length);
  await m.mine(at(1));
  for (let i = 0; i < plan.assetPool.length; i++) {
    const args = [BigInt(i + 1), plan.principal[i]!] as const;
    m.send(addr(ACCOUNTS.manager), { ...pool(plan.assetPool[i]!), functionName: 'deployCapital', args }, 400_000n);
  }
  count('FinancingPool:CapitalDeployed', plan.assetPool.length);
  count('FinancingPool:PoolStatusChanged', pools.length);
  await m.mine(at(2));
}
