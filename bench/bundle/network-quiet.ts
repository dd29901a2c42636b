import type { Page as Tab } from '@playwright/test';

/**
 * Waits for a tab's network to be quiet: no request in flight for `quietMs`. Playwright's
 * `waitForLoadState('networkidle')` is the page's lifecycle event, reached once after load: asked again later
 * (after the pointer has hydrated the page, which starts Next's link prefetches), it returns at once, while
 * those requests still hold the connections and the server's CPU.
 */
export function trackNetwork(tab: Tab): { quiet: (quietMs?: number, timeoutMs?: number) => Promise<void> } {
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  const settle = (request: unknown) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  tab.on('request', (request) => {
    inFlight.add(request);
    lastChange = Date.now();
  });
  tab.on('requestfinished', settle);
  tab.on('requestfailed', settle);
  return {
    async quiet(quietMs = 500, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline) throw new Error(`the network did not settle: ${inFlight.size} requests in flight`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
