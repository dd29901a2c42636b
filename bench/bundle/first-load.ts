/**
 * First-load JavaScript of a page: every script response until the load event and network idle, at its gzip size
 * as `next start` serves it, with the libraries recognised in each file.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { Browser } from '@playwright/test';
import { medianItem } from './median';
import { trackNetwork } from './network-quiet';

export type Page = { label: string; url: string };
export type ScriptFile = {
  url: string;
  gzip: number;
  raw: number;
  encoding: string;
  inHtml: boolean;
  contains: string[];
};
export type FirstLoad = {
  page: Page;
  files: ScriptFile[];
  gzip: number;
  raw: number;
  /**
   * Everything loaded once the visitor shows intent (the pointer over the page) and the page has hydrated, first
   * load included, gzip: what a visitor who then uses a button has downloaded. The same as `gzip` for a page that
   * hydrates on load.
   */
  withIntentGzip: number;
  /** Each load's gzip total, when the page was loaded several times (the row is the median load). */
  loads?: number[];
};

/** GETs a URL as a browser would be served it with gzip allowed; the body stays as sent. */
function getRaw(url: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
  });
}

/**
 * Strings that survive minification and tell which library a chunk carries (version strings in error
 * messages, CSS class and attribute names). A hint for reading the table, not an exact attribution.
 */
const MARKERS: [string, string][] = [
  ['react-dom', 'react.dev/errors'],
  ['next', '__next_f'],
  ['viem', 'blobVersionedHashes'],
  ['noble-curves', 'Point is not on curve'],
  ['ens-normalize', 'illegal mixture'],
  ['wagmi', '@wagmi/core@'],
  ['rainbowkit', 'data-rk'],
  ['tanstack-query', 'Missing queryFn'],
  ['zod', 'invalid_type'],
  ['recharts', 'recharts-'],
];

async function scriptSize(url: string, html: string): Promise<ScriptFile> {
  const { status, encoding, body } = await getRaw(url);
  if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
  if (encoding !== 'gzip' && encoding !== 'identity')
    throw new Error(`${url}: unexpected content-encoding ${encoding}`);
  const plain = encoding === 'gzip' ? zlib.gunzipSync(body) : body;
  const text = plain.toString('utf8');
  return {
    url,
    gzip: encoding === 'gzip' ? body.length : zlib.gzipSync(body, { level: 6 }).length,
    raw: plain.length,
    encoding,
    inHtml: html.includes(new URL(url).pathname),
    contains: MARKERS.filter(([, marker]) => text.includes(marker)).map(([name]) => name),
  };
}

export async function measureFirstLoad(b: Browser, page: Page): Promise<FirstLoad> {
  const context = await b.newContext();
  try {
    const tab = await context.newPage();
    const network = trackNetwork(tab);
    const urls = new Set<string>();
    tab.on('response', (response) => {
      if (response.request().resourceType() === 'script') urls.add(response.url());
    });
    const response = await tab.goto(page.url, { waitUntil: 'load', timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${page.url}: HTTP ${response?.status()}`);
    await network.quiet();
    const html = await response.text();
    const files: ScriptFile[] = [];
    for (const url of urls) files.push(await scriptSize(url, html));
    files.sort((a, b) => b.gzip - a.gzip);
    // Intent: the pointer moves over the page. A page that hydrates on intent loads Next's chunks now.
    const firstLoad = new Set(urls);
    await tab.mouse.move(20, 20);
    await tab.mouse.move(200, 300, { steps: 4 });
    if (html.includes('data-hydrated')) {
      await tab.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 });
    }
    await network.quiet();
    let withIntentGzip = files.reduce((s, f) => s + f.gzip, 0);
    for (const url of urls) if (!firstLoad.has(url)) withIntentGzip += (await scriptSize(url, html)).gzip;
    return {
      page,
      files,
      gzip: files.reduce((s, f) => s + f.gzip, 0),
      raw: files.reduce((s, f) => s + f.raw, 0),
      withIntentGzip,
    };
  } finally {
    await context.close();
  }
}

/** `runs` loads of the page, in fresh contexts; the median load by gzip total, with every load's total. */
export async function measureFirstLoadMedian(b: Browser, page: Page, runs: number): Promise<FirstLoad> {
  const loads: FirstLoad[] = [];
  for (let i = 0; i < runs; i++) loads.push(await measureFirstLoad(b, page));
  return { ...medianItem(loads, (l) => l.gzip), loads: loads.map((l) => l.gzip) };
}
