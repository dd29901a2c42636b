import { defineConfig } from '@wagmi/cli';
import { foundry } from '@wagmi/cli/plugins';

// The one source of contract ABIs for the app, the indexer and the scripts: generated from forge's artifacts.
export default defineConfig({
  out: 'lib/contracts/abis.ts',
  plugins: [
    foundry({
      project: 'contracts',
      include: [
        'MockUSDC.sol/**',
        'FinancingPool.sol/**',
        'PoolFactory.sol/**',
        'HardwareAssetRegistry.sol/**',
        'ProtocolTimelock.sol/**',
        // Pools with senior and junior tranches: the pool (waterfall, capital) and its two vaults.
        'TranchedPool.sol/**',
        'TrancheVault.sol/**',
        'TranchedPoolFactory.sol/**',
        // Only the rehearsal deploys it: a USDC without a public mint on an anvil that carries a testnet's id.
        'FiatTokenStandIn.sol/**',
      ],
      forge: { build: false },
    }),
  ],
});
