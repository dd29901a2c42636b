import { stackTestConfig } from './e2e/playwright-config';

/**
 * The production rehearsal (`npm run test:rehearsal`): a chain with Base Sepolia's id and a USDC without a public
 * mint, the protocol put there by the production deploy command and run through the operators' command line,
 * the indexer on PostgreSQL and a production build, all configured by environment only
 * (scripts/rehearsal/stack.ts). The e2e fixtures read the E2E_* variables set here to find that stack.
 */
const PORTS = {
  chain: Number(process.env.REHEARSAL_CHAIN_PORT ?? 9045),
  indexer: Number(process.env.REHEARSAL_INDEXER_PORT ?? 42569),
  app: Number(process.env.REHEARSAL_APP_PORT ?? 3200),
  postgres: Number(process.env.REHEARSAL_PG_PORT ?? 5632),
};
process.env.E2E_CHAIN_PORT = String(PORTS.chain);
process.env.E2E_INDEXER_PORT = String(PORTS.indexer);
process.env.E2E_APP_PORT = String(PORTS.app);
process.env.E2E_CHAIN_ID = '84532';
process.env.E2E_DEPLOYMENTS_DIR = '.stack/rehearsal/deployments';

export default stackTestConfig({
  testDir: 'e2e/rehearsal',
  ports: PORTS,
  command: 'npx tsx scripts/rehearsal/stack.ts',
  timeoutMs: 120_000,
  startupTimeoutMs: 900_000,
});
