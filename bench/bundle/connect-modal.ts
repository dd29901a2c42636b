/**
 * Time from a press on Connect to RainbowKit's modal, for a visitor whose wallet code is not loaded yet,
 * unthrottled, in the page's own clock: the press (first click event, captured before the page's listeners)
 * to the first frame after the modal's dialog is in the document.
 *
 *   after hover: the visitor's pointer has been over the page (so the page has hydrated on intent, see
 *                lib/page-cache/hydration-on-intent.ts, and prefetched its links) but not over Connect: the click
 *                loads the wallet code.
 *   first tap:   a phone's first touch is the press on Connect: the page hydrates, then the wallet code loads.
 */
import type { Browser } from '@playwright/test';
import type { Page } from './first-load';
import { median } from './median';
import { trackNetwork } from './network-quiet';

export type ConnectTiming = { page: Page; afterHoverMs: number; firstTapMs: number; runs: number };

const stamps = () => {
  const w = window as unknown as { __pressAt?: number; __modalAt?: number };
  window.addEventListener(
    'click',
    () => {
      w.__pressAt ??= performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (w.__modalAt === undefined && w.__pressAt !== undefined && document.querySelector('[role="dialog"]')) {
      w.__modalAt = -1;
      requestAnimationFrame(() => (w.__modalAt = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
};

async function once(b: Browser, page: Page, how: 'hover' | 'tap'): Promise<number> {
  const context = await b.newContext(how === 'tap' ? { hasTouch: true } : {});
  try {
    await context.addInitScript(stamps);
    const tab = await context.newPage();
    const network = trackNetwork(tab);
    await tab.goto(page.url, { waitUntil: 'load', timeout: 120_000 });
    await network.quiet();
    const connect = tab.getByRole('banner').getByRole('button', { name: 'Connect Wallet' });
    if (how === 'hover') {
      await tab.getByRole('heading', { level: 1 }).hover();
      await tab.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 });
      // Hydration starts Next's prefetches of the page's links: the visitor's click comes once they are done.
      await network.quiet();
      await connect.click();
    } else {
      await connect.tap();
    }
    // The page's own stamps say when; a cheap check every 50 ms waits for them. Playwright's role query would
    // walk the whole page on every frame, on the main thread being measured.
    const ms = await tab.waitForFunction(
      () => {
        const w = window as unknown as { __pressAt?: number; __modalAt?: number };
        return w.__modalAt !== undefined && w.__modalAt > 0 && w.__pressAt !== undefined
          ? w.__modalAt - w.__pressAt
          : undefined;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    await tab.getByRole('dialog').waitFor({ state: 'visible', timeout: 10_000 });
    return (await ms.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** The medians of `runs` presses of each kind, each in a fresh context (nothing cached but what the server caches). */
export async function measureConnectToModal(b: Browser, page: Page, runs: number): Promise<ConnectTiming> {
  const hover: number[] = [];
  const tap: number[] = [];
  for (let i = 0; i < runs; i++) {
    hover.push(await once(b, page, 'hover'));
    tap.push(await once(b, page, 'tap'));
  }
  return { page, afterHoverMs: median(hover), firstTapMs: median(tap), runs };
}
