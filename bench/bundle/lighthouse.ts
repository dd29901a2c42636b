/**
 * Lighthouse performance of pages, mobile and desktop presets, in the given Chromium via chrome-launcher: `runs`
 * rounds over every page and preset (round by round, so that each page sees the machine's load alike), and
 * per page and preset the median of each figure.
 */
import { CHROMIUM_ARGS } from '../../e2e/chromium';
import type { Page } from './first-load';
import { median, medianItem } from './median';
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
  /** Scripts by main-thread time (Lighthouse's bootup-time audit), longest first; of the median-score run. */
  bootup: { url: string; ms: number }[];
  /** Each run's score, when there were several (the figures above are medians, each on its own). */
  scores?: (number | null)[];
};

export type Preset = LighthouseRow['preset'];

/** Per page and preset, the median of each figure over the runs. */
export function medianRows(runs: LighthouseRow[]): LighthouseRow[] {
  const groups = new Map<string, LighthouseRow[]>();
  for (const r of runs) {
    const k = `${r.page.url} ${r.preset}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const scored = rs.filter((r) => r.score !== null);
    const mid = medianItem(scored.length > 0 ? scored : rs, (r) => r.score ?? 0);
    const m = (f: (r: LighthouseRow) => number) => median(rs.map(f));
    const warnings = [...new Set(rs.flatMap((r) => (r.warning ? [r.warning] : [])))];
    return {
      page: mid.page,
      preset: mid.preset,
      score: scored.length > 0 ? median(scored.map((r) => r.score!)) : null,
      fcp: m((r) => r.fcp),
      lcp: m((r) => r.lcp),
      tbt: m((r) => r.tbt),
      cls: m((r) => r.cls),
      bootup: mid.bootup,
      warning: warnings.length > 0 ? warnings.join(' | ') : undefined,
      scores: rs.map((r) => r.score),
    };
  });
}

type LighthouseFn = (typeof import('lighthouse'))['default'];
type LighthouseConfig = (typeof import('lighthouse'))['desktopConfig'];

async function lighthouseOnce(
  lighthouse: LighthouseFn,
  port: number,
  page: Page,
  preset: Preset,
  desktopConfig: LighthouseConfig,
): Promise<LighthouseRow> {
  const result = await lighthouse(
    page.url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
  const { lhr } = result;
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const bootupItems = (lhr.audits['bootup-time']?.details as { items?: { url: string; total: number }[] })?.items;
  return {
    page,
    preset,
    score: lhr.categories.performance?.score ?? null,
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bootup: (bootupItems ?? []).map((i) => ({ url: i.url, ms: i.total })).sort((a, b) => b.ms - a.ms),
    warning: lhr.runtimeError?.message ?? (lhr.runWarnings.length > 0 ? lhr.runWarnings.join(' ') : undefined),
  };
}

/** `track` hears of the browser while it runs, so that a Ctrl-C can stop it. Returns the medians. */
export async function runLighthouse(
  pages: Page[],
  runs: number,
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
    for (let run = 1; run <= runs; run++) {
      for (const page of pages) {
        for (const preset of ['mobile', 'desktop'] as const) {
          step(`Lighthouse ${preset} ${page.label}${runs > 1 ? ` (run ${run} of ${runs})` : ''}`);
          rows.push(await lighthouseOnce(lighthouse, launched.port, page, preset, desktopConfig));
        }
      }
    }
  } finally {
    launched.kill();
    track(undefined);
  }
  return medianRows(rows);
}
