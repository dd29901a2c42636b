/**
 * Deploys the contracts to a running local chain (anvil with 20 accounts and its clock in the past, as
 * `npm run start:chain` starts it), plays the seeded history, and writes deployments/<chainId>.json.
 *
 *   RPC_URL=http://127.0.0.1:8545 npm run deploy:local
 */
import { deployAndSeed } from './seed/simulate';

deployAndSeed({ rpcUrl: process.env.RPC_URL ?? 'http://127.0.0.1:8545', log: console.log }).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
