import { stackTestConfig } from './e2e/playwright-config';
import { E2E_PORTS } from './e2e/ports';

export default stackTestConfig({
  testDir: 'e2e',
  // The rehearsal has its own stack and config (playwright.rehearsal.config.ts).
  testIgnore: ['rehearsal/**'],
  ports: E2E_PORTS,
  command: 'npx tsx scripts/stack.ts e2e',
  timeoutMs: 90_000,
  startupTimeoutMs: 600_000,
});
