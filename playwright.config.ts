import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';
import { E2E_PORTS } from './e2e/ports';

const baseURL = `http://127.0.0.1:${E2E_PORTS.app}`;

export default defineConfig({
  testDir: 'e2e',
  // The rehearsal has its own stack and config (playwright.rehearsal.config.ts).
  testIgnore: ['rehearsal/**'],
  // One chain for the whole run: tests run one at a time against it.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
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
    command: 'npx tsx scripts/stack.ts e2e',
    url: `${baseURL}/pools`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the stack stop anvil, the indexer and next-server, each in its own process group.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      CHAIN_PORT: String(E2E_PORTS.chain),
      INDEXER_PORT: String(E2E_PORTS.indexer),
      APP_PORT: String(E2E_PORTS.app),
    },
  },
});
