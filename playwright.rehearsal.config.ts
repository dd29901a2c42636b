import { stackTestConfig } from './e2e/playwright-config';
import { REHEARSAL_CHAIN_ID, REHEARSAL_SECOND_CHAIN_ID } from './scripts/rehearsal/world';

/**
 * The production rehearsal (`npm run test:rehearsal`): two chains, with Base Sepolia's and Ethereum Sepolia's ids,
 * each with a USDC without a public mint, the protocol put on each by the production deploy command and run
 * through the operators' command line, one indexer on PostgreSQL and one production build serving both, all
 * configured by environment only (scripts/rehearsal/stack.ts). The e2e fixtures read the E2E_* variables set here
 * to find that stack: E2E_CHAIN_* the default chain, E2E_CHAINS every chain (e2e/fixtures/index.ts).
 */
const PORTS = {
  chain: Number(process.env.REHEARSAL_CHAIN_PORT ?? 9045),
  secondChain: Number(process.env.REHEARSAL_SECOND_CHAIN_PORT ?? 9046),
  indexer: Number(process.env.REHEARSAL_INDEXER_PORT ?? 42569),
  app: Number(process.env.REHEARSAL_APP_PORT ?? 3200),
  postgres: Number(process.env.REHEARSAL_PG_PORT ?? 5632),
};
process.env.E2E_CHAIN_PORT = String(PORTS.chain);
process.env.E2E_INDEXER_PORT = String(PORTS.indexer);
process.env.E2E_APP_PORT = String(PORTS.app);
process.env.E2E_CHAIN_ID = String(REHEARSAL_CHAIN_ID);
process.env.E2E_CHAINS = JSON.stringify([
  { id: REHEARSAL_CHAIN_ID, rpcUrl: `http://127.0.0.1:${PORTS.chain}` },
  { id: REHEARSAL_SECOND_CHAIN_ID, rpcUrl: `http://127.0.0.1:${PORTS.secondChain}` },
]);
process.env.E2E_DEPLOYMENTS_DIR = '.stack/rehearsal/deployments';

export default stackTestConfig({
  testDir: 'e2e/rehearsal',
  ports: PORTS,
  command: 'npx tsx scripts/rehearsal/stack.ts',
  env: { SECOND_CHAIN_PORT: String(PORTS.secondChain) },
  timeoutMs: 120_000,
  startupTimeoutMs: 900_000,
});
