import type { Page as Tab, Request } from '@playwright/test';

/** Requests that stay open by design: a stream is not a page still loading. */
const LONG_LIVED = new Set(['eventsource', 'websocket']);

/**
 * Waits for a tab's network to be quiet: no request in flight for `quietMs`, counted from the call at the
 * earliest (so requests a page starts a moment later, after hydrating, are still waited for). Playwright's
 * `waitForLoadState('networkidle')` is the page's lifecycle event, reached once after load: asked again later
 * (after the pointer has hydrated the page, which starts Next's link prefetches), it returns at once, while
 * those requests still hold the connections and the server's CPU.
 */
export function trackNetwork(tab: Tab): { quiet: (quietMs?: number, timeoutMs?: number) => Promise<void> } {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const settle = (request: Request) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  tab.on('request', (request) => {
    if (LONG_LIVED.has(request.resourceType())) return;
    inFlight.add(request);
    lastChange = Date.now();
  });
  tab.on('requestfinished', settle);
  tab.on('requestfailed', settle);
  return {
    async quiet(quietMs = 500, timeoutMs = 60_000) {
      const since = Date.now();
      const deadline = since + timeoutMs;
      while (inFlight.size > 0 || Date.now() - Math.max(lastChange, since) < quietMs) {
        if (Date.now() > deadline) {
          const open = [...inFlight].map((request) => request.url()).join(', ');
          throw new Error(`the network did not settle in ${timeoutMs} ms; in flight: ${open || 'none'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
