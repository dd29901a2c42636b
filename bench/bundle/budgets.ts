/**
 * Issue 12's budgets, per route, for a read-only visitor: what the bench prints as PASS/FAIL and what fails the
 * run (unless --no-budgets). Lighthouse figures are the medians of the run's Lighthouse runs.
 */
import type { FirstLoad } from './first-load';
import type { LighthouseRow, Preset } from './lighthouse';

export const BUDGETS = {
  /** First-load JS for a read-only visitor, KiB gzip. */
  firstLoadKiB: 200,
  mobileScore: 95,
  /** Points above the bare RainbowKit page's mobile score in the same run. */
  aboveBare: 15,
  tbtMs: 200,
  lcpMs: 2500,
  desktopScore: 100,
  /** Press on Connect to RainbowKit's modal, wallet code not loaded, unthrottled. */
  connectToModalMs: 300,
} as const;

export type Check = {
  budget: string;
  /** What was measured, as printed; undefined when it was not measured in this run (no verdict). */
  measured?: string;
  pass?: boolean;
};
export type RouteVerdict = { label: string; checks: Check[] };

const score100 = (row: LighthouseRow | undefined) =>
  row?.score === null || row?.score === undefined ? undefined : Math.round(row.score * 100);

function scoreCheck(budget: string, row: LighthouseRow | undefined, min: number | undefined): Check {
  const s = score100(row);
  if (row === undefined) return { budget };
  if (s === undefined || min === undefined) return { budget, measured: 'n/a', pass: false };
  return { budget, measured: String(s), pass: s >= min };
}

function metricCheck(budget: string, value: number | undefined, shown: string, pass: (v: number) => boolean): Check {
  if (value === undefined) return { budget };
  if (!Number.isFinite(value)) return { budget, measured: 'n/a', pass: false };
  return { budget, measured: shown, pass: pass(value) };
}

export function checkBudgets(
  bare: FirstLoad,
  ours: FirstLoad[],
  lighthouse: LighthouseRow[] | undefined,
): RouteVerdict[] {
  const find = (url: string, preset: Preset) => lighthouse?.find((r) => r.page.url === url && r.preset === preset);
  const bareMobile = score100(find(bare.page.url, 'mobile'));
  return ours.map((load) => {
    const mobile = find(load.page.url, 'mobile');
    const desktop = find(load.page.url, 'desktop');
    // The larger of the first load and all that is loaded once the visitor shows intent.
    const kib = Math.max(load.gzip, load.withIntentGzip) / 1024;
    return {
      label: load.page.label,
      checks: [
        {
          budget: `JS ≤ ${BUDGETS.firstLoadKiB} KiB`,
          measured: kib.toFixed(1),
          pass: kib <= BUDGETS.firstLoadKiB,
        },
        scoreCheck(`mobile ≥ ${BUDGETS.mobileScore}`, mobile, BUDGETS.mobileScore),
        scoreCheck(
          bareMobile === undefined
            ? `mobile ≥ bare+${BUDGETS.aboveBare}`
            : `mobile ≥ ${bareMobile + BUDGETS.aboveBare} (bare+${BUDGETS.aboveBare})`,
          mobile,
          bareMobile === undefined ? undefined : bareMobile + BUDGETS.aboveBare,
        ),
        metricCheck(
          `TBT ≤ ${BUDGETS.tbtMs} ms`,
          mobile?.tbt,
          `${Math.round(mobile?.tbt ?? NaN)} ms`,
          (v) => v <= BUDGETS.tbtMs,
        ),
        metricCheck(
          `LCP ≤ ${(BUDGETS.lcpMs / 1000).toFixed(1)} s`,
          mobile?.lcp,
          `${((mobile?.lcp ?? NaN) / 1000).toFixed(2)} s`,
          (v) => v <= BUDGETS.lcpMs,
        ),
        // "CLS 0" as Lighthouse prints it: zero to three decimals.
        metricCheck('CLS 0', mobile?.cls, (mobile?.cls ?? NaN).toFixed(3), (v) => v < 0.0005),
        scoreCheck(`desktop ${BUDGETS.desktopScore}`, desktop, BUDGETS.desktopScore),
      ],
    };
  });
}

export function budgetsFailed(verdicts: RouteVerdict[]): number {
  return verdicts.reduce((n, v) => n + v.checks.filter((c) => c.pass === false).length, 0);
}

/** The PASS/FAIL table: a row per route, a column per budget (TBT, LCP and CLS are mobile's). */
export function printBudgets(verdicts: RouteVerdict[], bareMobileScore: number | undefined, enforced: boolean) {
  if (verdicts.length === 0) return;
  const w = Math.max(...verdicts.map((v) => v.label.length), 5) + 2;
  const cols = verdicts[0]!.checks.map((c) => Math.max(c.budget.length, 12) + 2);
  console.log(
    `\nBudgets of issue 12 (read-only visitor; Lighthouse medians; TBT, LCP and CLS on mobile; ` +
      `bare mobile score ${bareMobileScore ?? 'not measured'})\n`,
  );
  console.log(`${'route'.padEnd(w)}${verdicts[0]!.checks.map((c, i) => c.budget.padStart(cols[i]!)).join('')}`);
  for (const v of verdicts) {
    const cells = v.checks.map((c, i) => {
      const text = c.pass === undefined ? '—' : `${c.measured} ${c.pass ? 'PASS' : 'FAIL'}`;
      return text.padStart(cols[i]!);
    });
    console.log(`${v.label.padEnd(w)}${cells.join('')}`);
  }
  const checked = verdicts.flatMap((v) => v.checks).filter((c) => c.pass !== undefined);
  const failed = budgetsFailed(verdicts);
  const notMeasured = verdicts.flatMap((v) => v.checks).length - checked.length;
  console.log(
    `\n${failed === 0 ? 'PASS' : 'FAIL'}: ${checked.length - failed} of ${checked.length} budgets met` +
      (notMeasured > 0 ? ` (${notMeasured} not measured in this run: —)` : '') +
      (failed > 0 && !enforced ? '; --no-budgets: the run does not fail on them' : ''),
  );
}
