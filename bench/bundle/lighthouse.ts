/** Lighthouse performance of pages, mobile and desktop presets, in the given Chromium via chrome-launcher. */
import { CHROMIUM_ARGS } from '../../e2e/chromium';
import type { Page } from './first-load';
import { step } from './report';

export type LighthouseRow = {
  page: Page;
  preset: 'mobile' | 'desktop';
  score: number | null;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  warning?: string;
  /** Scripts by main-thread time (Lighthouse's bootup-time audit), longest first. */
  bootup: { url: string; ms: number }[];
};

/** `track` hears of the browser while it runs, so that a Ctrl-C can stop it. */
export async function runLighthouse(
  pages: Page[],
  chromePath: string,
  track: (chrome: { kill: () => void } | undefined) => void,
): Promise<LighthouseRow[]> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const launched = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...CHROMIUM_ARGS],
    logLevel: 'silent',
    // Stopping is ours: chrome-launcher's own Ctrl-C handler would exit before the servers are stopped.
    handleSIGINT: false,
  });
  track(launched);
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      for (const preset of ['mobile', 'desktop'] as const) {
        step(`Lighthouse ${preset} ${page.label}`);
        const result = await lighthouse(
          page.url,
          { port: launched.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
        const { lhr } = result;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const bootupItems = (lhr.audits['bootup-time']?.details as { items?: { url: string; total: number }[] })?.items;
        rows.push({
          page,
          preset,
          score: lhr.categories.performance?.score ?? null,
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          bootup: (bootupItems ?? []).map((i) => ({ url: i.url, ms: i.total })).sort((a, b) => b.ms - a.ms),
          warning: lhr.runtimeError?.message ?? (lhr.runWarnings.length > 0 ? lhr.runWarnings.join(' ') : undefined),
        });
      }
    }
  } finally {
    launched.kill();
    track(undefined);
  }
  return rows;
}
