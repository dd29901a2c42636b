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
import { median, medianItem } from './median';
import { trackNetwork } from './network-quiet';

/** The wallet code a press fetches: scripts asked for from just before the press (the pointer entering Connect) to the modal. */
export type PressCode = { files: number; transferBytes: number; bytes: number };

export type ConnectTiming = {
  page: Page;
  afterHoverMs: number;
  firstTapMs: number;
  /** Every press, in the order made: the spread is part of the figure. */
  afterHover: number[];
  firstTap: number[];
  code: PressCode;
};

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

type Press = { ms: number; code: PressCode };

async function once(b: Browser, page: Page, how: 'hover' | 'tap'): Promise<Press> {
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
    const code = await tab.evaluate(() => {
      const w = window as unknown as { __pressAt: number; __modalAt: number };
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => e.initiatorType === 'script' && e.startTime >= w.__pressAt - 250 && e.startTime <= w.__modalAt,
      );
      return {
        files: scripts.length,
        transferBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
        bytes: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0),
      };
    });
    return { ms: (await ms.jsonValue()) as number, code };
  } finally {
    await context.close();
  }
}

/** The medians of `presses` presses of each kind, each in a fresh context (nothing cached but what the server caches). */
export async function measureConnectToModal(b: Browser, page: Page, presses: number): Promise<ConnectTiming> {
  const hover: Press[] = [];
  const tap: number[] = [];
  for (let i = 0; i < presses; i++) {
    hover.push(await once(b, page, 'hover'));
    tap.push((await once(b, page, 'tap')).ms);
  }
  // The same build each time: the code the median press fetched stands for all.
  const { code } = medianItem(hover, (p) => p.ms);
  const afterHover = hover.map((p) => p.ms);
  return { page, afterHoverMs: median(afterHover), firstTapMs: median(tap), afterHover, firstTap: tap, code };
}
