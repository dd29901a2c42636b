import path from 'node:path';
import { createConfig, factory } from 'ponder';
import { getAbiItem, zeroAddress } from 'viem';
import {
  financingPoolAbi,
  hardwareAssetRegistryAbi,
  poolFactoryAbi,
  protocolTimelockAbi,
  trancheVaultAbi,
  tranchedPoolAbi,
  tranchedPoolFactoryAbi,
} from '../lib/contracts/abis';
import { readManifest, type Manifest } from '../lib/deployments/manifest';
import { indexedChains, LOCAL_CHAIN_ID } from './indexed-chains';

// Every configured chain at once (indexed-chains.ts: CHAIN_IDS, RPC_URL_<chainId>), each from its own manifest.
const deploymentsDir = process.env.DEPLOYMENTS_DIR ?? path.join(__dirname, '..', 'deployments');
const chains = indexedChains().map((chain) => ({ ...chain, manifest: readManifest(chain.id, deploymentsDir) }));

type Contracts = Manifest['contracts'];

/** The contract's address and start block on every chain, in Ponder's per-chain form. */
function onEveryChain<T>(pick: (contracts: Contracts) => T) {
  return Object.fromEntries(chains.map((chain) => [chain.name, pick(chain.manifest.contracts)]));
}

// A manifest written before the timelock existed has none: the zero address emits nothing, and the
// contract stays declared so that its handlers keep their types.
const timelockOf = (contracts: Contracts) =>
  contracts.ProtocolTimelock ?? { address: zeroAddress, deployedOnBlock: contracts.PoolFactory.deployedOnBlock };

type TranchedRole = 'pool' | 'senior' | 'junior';

/**
 * A tranched pool, or its senior or junior vault, wherever the chain has them: every one the TranchedPoolFactory
 * creates (its TranchedPoolCreated names all three), else those the manifest lists (a deployment from before the
 * factory), else none: the zero address, which emits nothing, keeps the contract declared and its handlers typed
 * (an empty list would be no address filter at all).
 */
function tranchedOf(contracts: Contracts, role: TranchedRole) {
  const maker = contracts.TranchedPoolFactory;
  if (maker) {
    return {
      address: factory({
        address: maker.address,
        event: getAbiItem({ abi: tranchedPoolFactoryAbi, name: 'TranchedPoolCreated' }),
        parameter: role,
      }),
      startBlock: maker.deployedOnBlock,
    };
  }
  const pools = contracts.TranchedPools ?? [];
  if (pools.length === 0) return { address: [zeroAddress], startBlock: contracts.PoolFactory.deployedOnBlock };
  return {
    address: pools.map((p) => (role === 'pool' ? p.address : p[role])),
    startBlock: Math.min(...pools.map((p) => p.deployedOnBlock)),
  };
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: 'postgres', connectionString: process.env.DATABASE_URL }
    : { kind: 'pglite', directory: process.env.PONDER_PGLITE_DIR ?? path.join(__dirname, '.ponder', 'pglite') },
  chains: Object.fromEntries(
    chains.map(({ id, name, rpc }) => [
      name,
      {
        id,
        rpc,
        // A local chain restarts from genesis with the same block numbers: never reuse cached RPC data.
        disableCache: id === LOCAL_CHAIN_ID,
        pollingInterval: id === LOCAL_CHAIN_ID ? 250 : 1_000,
      },
    ]),
  ),
  contracts: {
    PoolFactory: {
      abi: poolFactoryAbi,
      chain: onEveryChain(({ PoolFactory }) => ({
        address: PoolFactory.address,
        startBlock: PoolFactory.deployedOnBlock,
      })),
    },
    // Every pool each chain's factory creates, found from its PoolCreated events: none is listed by hand.
    FinancingPool: {
      abi: financingPoolAbi,
      chain: onEveryChain(({ PoolFactory }) => ({
        address: factory({
          address: PoolFactory.address,
          event: getAbiItem({ abi: poolFactoryAbi, name: 'PoolCreated' }),
          parameter: 'pool',
        }),
        startBlock: PoolFactory.deployedOnBlock,
      })),
    },
    HardwareAssetRegistry: {
      abi: hardwareAssetRegistryAbi,
      chain: onEveryChain(({ HardwareAssetRegistry }) => ({
        address: HardwareAssetRegistry.address,
        startBlock: HardwareAssetRegistry.deployedOnBlock,
      })),
    },
    ProtocolTimelock: {
      abi: protocolTimelockAbi,
      chain: onEveryChain((contracts) => ({
        address: timelockOf(contracts).address,
        startBlock: timelockOf(contracts).deployedOnBlock,
      })),
    },
    TranchedPool: {
      abi: tranchedPoolAbi,
      chain: onEveryChain((contracts) => tranchedOf(contracts, 'pool')),
    },
    // The two vaults of each tranched pool, one contract per side: a factory source names one parameter.
    SeniorTrancheVault: {
      abi: trancheVaultAbi,
      chain: onEveryChain((contracts) => tranchedOf(contracts, 'senior')),
    },
    JuniorTrancheVault: {
      abi: trancheVaultAbi,
      chain: onEveryChain((contracts) => tranchedOf(contracts, 'junior')),
    },
  },
});
