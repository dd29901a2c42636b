import path from 'node:path';
import { createConfig, factory } from 'ponder';
import { getAbiItem, zeroAddress } from 'viem';
import { financingPoolAbi, hardwareAssetRegistryAbi, poolFactoryAbi, protocolTimelockAbi } from '../lib/contracts/abis';
import { readManifest } from '../lib/deployments/manifest';

const chainId = Number(process.env.CHAIN_ID ?? 31337);
const rpcUrl = process.env.RPC_URL ?? 'http://127.0.0.1:8545';
const manifest = readManifest(chainId, process.env.DEPLOYMENTS_DIR ?? path.join(__dirname, '..', 'deployments'));
const { PoolFactory, HardwareAssetRegistry } = manifest.contracts;
// A manifest written before the timelock existed has none: the zero address emits nothing, and the
// contract stays declared so that its handlers keep their types.
const ProtocolTimelock = manifest.contracts.ProtocolTimelock ?? {
  address: zeroAddress,
  deployedOnBlock: PoolFactory.deployedOnBlock,
};

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: 'postgres', connectionString: process.env.DATABASE_URL }
    : { kind: 'pglite', directory: process.env.PONDER_PGLITE_DIR ?? path.join(__dirname, '.ponder', 'pglite') },
  chains: {
    local: {
      id: chainId,
      rpc: rpcUrl,
      // A local chain restarts from genesis with the same block numbers: never reuse cached RPC data.
      disableCache: chainId === 31337,
      pollingInterval: chainId === 31337 ? 250 : 1_000,
    },
  },
  contracts: {
    PoolFactory: {
      chain: 'local',
      abi: poolFactoryAbi,
      address: PoolFactory.address,
      startBlock: PoolFactory.deployedOnBlock,
    },
    // Every pool the factory creates, found from its PoolCreated events: none is listed by hand.
    FinancingPool: {
      chain: 'local',
      abi: financingPoolAbi,
      address: factory({
        address: PoolFactory.address,
        event: getAbiItem({ abi: poolFactoryAbi, name: 'PoolCreated' }),
        parameter: 'pool',
      }),
      startBlock: PoolFactory.deployedOnBlock,
    },
    HardwareAssetRegistry: {
      chain: 'local',
      abi: hardwareAssetRegistryAbi,
      address: HardwareAssetRegistry.address,
      startBlock: HardwareAssetRegistry.deployedOnBlock,
    },
    ProtocolTimelock: {
      chain: 'local',
      abi: protocolTimelockAbi,
      address: ProtocolTimelock.address,
      startBlock: ProtocolTimelock.deployedOnBlock,
    },
  },
});
