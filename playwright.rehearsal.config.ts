import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';

/**
 * The production rehearsal (`npm run test:rehearsal`): a chain with Base Sepolia's id and a USDC without a public
 * mint, the protocol put there by the production deploy command and run through the operators' command line,
 * the indexer on PostgreSQL and a production build, all configured by environment only
 * (scripts/rehearsal/stack.ts). The e2e fixtures read these variables to find that stack.
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

const baseURL = `http://127.0.0.1:${PORTS.app}`;

export default defineConfig({
  testDir: 'e2e/rehearsal',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/rehearsal/stack.ts',
    url: `${baseURL}/pools`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      CHAIN_PORT: String(PORTS.chain),
      INDEXER_PORT: String(PORTS.indexer),
      APP_PORT: String(PORTS.app),
      PG_PORT: String(PORTS.postgres),
    },
  },
});
