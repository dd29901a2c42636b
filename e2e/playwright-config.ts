import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/**
 * What both Playwright configs share (the seeded e2e stack's, playwright.config.ts, and the rehearsal's,
 * playwright.rehearsal.config.ts): one worker on one chain, Debian's Chromium, and a webServer that brings a
 * whole stack up on its own ports and stops it with SIGTERM (each service in its own process group).
 */
export function stackTestConfig(opts: {
  testDir: string;
  testIgnore?: string[];
  /** The stack's own ports, passed to its command as CHAIN_PORT, INDEXER_PORT, APP_PORT (and PG_PORT). */
  ports: { chain: number; indexer: number; app: number; postgres?: number };
  command: string;
  /** More for the stack's command: ports beyond those four (the rehearsal's second chain's, say). */
  env?: Record<string, string>;
  timeoutMs: number;
  startupTimeoutMs: number;
}) {
  const baseURL = `http://127.0.0.1:${opts.ports.app}`;
  return defineConfig({
    testDir: opts.testDir,
    testIgnore: opts.testIgnore,
    workers: 1,
    fullyParallel: false,
    timeout: opts.timeoutMs,
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
      command: opts.command,
      url: `${baseURL}/pools`,
      timeout: opts.startupTimeoutMs,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // SIGTERM lets the stack stop what it started, each service in its own process group.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      env: {
        CHAIN_PORT: String(opts.ports.chain),
        INDEXER_PORT: String(opts.ports.indexer),
        APP_PORT: String(opts.ports.app),
        ...(opts.ports.postgres ? { PG_PORT: String(opts.ports.postgres) } : {}),
        ...opts.env,
      },
    },
  });
}
