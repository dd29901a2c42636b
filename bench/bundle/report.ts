/** What bench:bundle prints: progress, the first-load table and Lighthouse's (the budgets are in budgets.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectTiming } from './connect-modal';
import type { FirstLoad } from './first-load';
import type { LighthouseRow } from './lighthouse';

export function step(text: string) {
  console.log(`\u25b8 ${text}`);
}

export function nextVersion(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'next', 'package.json'), 'utf8'));
  return (pkg as { version: string }).version;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const ms = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');

export function printFirstLoad(bare: FirstLoad, ours: FirstLoad[]) {
  const all = [bare, ...ours];
  const w = Math.max(...all.map((r) => r.page.label.length), 4) + 2;
  console.log('\nFirst-load JavaScript (script responses until load + network idle; gzip as served by next start)\n');
  console.log(
    `${pad('page', w)}${lpad('JS files', 9)}${lpad('KiB gzip', 11)}${lpad('in HTML', 10)}${lpad('lazy', 8)}` +
      `${lpad('KiB raw', 10)}${lpad('× bare', 9)}${lpad('+ intent', 10)}`,
  );
  for (const r of all) {
    const inHtml = r.files.filter((f) => f.inHtml).reduce((sum, f) => sum + f.gzip, 0);
    console.log(
      `${pad(r.page.label, w)}${lpad(String(r.files.length), 9)}${lpad(kib(r.gzip), 11)}${lpad(kib(inHtml), 10)}` +
        `${lpad(kib(r.gzip - inHtml), 8)}${lpad(kib(r.raw), 10)}${lpad((r.gzip / bare.gzip).toFixed(2), 9)}` +
        `${lpad(kib(r.withIntentGzip), 10)}`,
    );
  }
  console.log('(in HTML: chunks the document names; lazy: chunks loaded while hydrating, by dynamic imports)');
  console.log(
    '(+ intent: KiB gzip in all once the pointer has been over the page and it has hydrated; a cached read-only page\n' +
      ' hydrates on intent, lib/page-cache/hydration-on-intent.ts, so its first load is the HTML alone)',
  );
  const files = all.flatMap((r) => r.files);
  const plain = files.filter((f) => f.encoding !== 'gzip');
  console.log(
    `(next start sent ${files.length - plain.length} of ${files.length} responses gzip` +
      (plain.length > 0
        ? `; ${plain.length} uncompressed (at most ${Math.max(...plain.map((f) => f.raw))} bytes each), counted at gzip level 6)`
        : ')'),
  );
  const varied = all.filter((r) => r.loads && new Set(r.loads).size > 1);
  for (const r of varied) {
    console.log(
      `(${r.page.label}: the ${r.loads!.length} loads differed, ${r.loads!.map(kib).join(', ')} KiB; the median is shown)`,
    );
  }
  if (all.some((r) => (r.loads?.length ?? 1) > 1) && varied.length === 0) {
    console.log(`(each page loaded ${all[0]!.loads?.length ?? 1} times; every load fetched the same bytes)`);
  }
  console.log('\nLargest files (KiB gzip; * lazy; [libraries recognised in the file])');
  for (const r of all) {
    console.log(`  ${r.page.label}`);
    for (const f of r.files.slice(0, 6)) {
      const name = `${path.basename(new URL(f.url).pathname)}${f.inHtml ? '' : ' *'}`;
      console.log(
        `    ${lpad(kib(f.gzip), 6)}  ${pad(name, 22)}${f.contains.length ? `[${f.contains.join(', ')}]` : ''}`,
      );
    }
  }
}

const presses = (ms: number[]) => ms.map((x) => Math.round(x)).join(' ');

export function printConnectTiming(t: ConnectTiming, budgetMs: number) {
  const verdict = t.afterHoverMs <= budgetMs ? 'PASS' : 'FAIL';
  console.log(
    `\nConnect → RainbowKit modal on ${t.page.label}, wallet code not loaded, unthrottled (median of ${t.afterHover.length}):\n` +
      `  after the pointer has been over the page: ${Math.round(t.afterHoverMs)} ms (≤ ${budgetMs} ms: ${verdict}; ` +
      `presses ${presses(t.afterHover)})\n` +
      `  a phone's first touch on Connect (the page hydrates, then the wallet loads): ${Math.round(t.firstTapMs)} ms ` +
      `(presses ${presses(t.firstTap)})\n` +
      `  wallet code the press fetches: ${t.code.files} scripts, ${kib(t.code.transferBytes)} KiB compressed, ` +
      `${kib(t.code.bytes)} KiB to parse`,
  );
}

export function printLighthouse(rows: LighthouseRow[], chromeVersion: string, runs: number) {
  const w = Math.max(...rows.map((r) => r.page.label.length), 4) + 2;
  const of = runs > 1 ? `median of ${runs} runs each figure` : 'one run';
  console.log(`\nLighthouse 12.2.3 performance (${chromeVersion}, headless; simulated throttling; ${of})\n`);
  console.log(
    `${pad('page', w)}${pad('preset', 9)}${lpad('score', 6)}${lpad('FCP', 9)}${lpad('LCP', 9)}${lpad('TBT', 9)}${lpad('CLS', 7)}` +
      (runs > 1 ? '  scores of the runs' : ''),
  );
  for (const r of rows) {
    console.log(
      `${pad(r.page.label, w)}${pad(r.preset, 9)}${lpad(r.score === null ? 'n/a' : String(Math.round(r.score * 100)), 6)}${lpad(
        ms(r.fcp),
        9,
      )}${lpad(ms(r.lcp), 9)}${lpad(`${Math.round(r.tbt)} ms`, 9)}${lpad(Number.isFinite(r.cls) ? r.cls.toFixed(3) : 'n/a', 7)}` +
        (runs > 1 ? `  ${(r.scores ?? []).map((x) => (x === null ? 'n/a' : Math.round(x * 100))).join(' ')}` : ''),
    );
  }
  console.log('\nMain-thread time by script (Lighthouse bootup-time, throttled; top 3)');
  for (const r of rows) {
    const top = r.bootup.slice(0, 3).map((b) => {
      const name = /^https?:/.test(b.url) ? path.basename(new URL(b.url).pathname) || b.url : b.url;
      return `${name} ${Math.round(b.ms)} ms`;
    });
    console.log(`  ${pad(r.page.label, w)}${pad(r.preset, 9)}${top.join(', ')}`);
  }
  for (const r of rows.filter((row) => row.warning)) console.log(`  note (${r.page.label}, ${r.preset}): ${r.warning}`);
}
