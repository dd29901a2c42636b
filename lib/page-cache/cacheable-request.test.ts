import { describe, expect, it } from 'vitest';
import { cachedPageKey, themeCookieOf } from './cacheable-request';

/** A browser's navigation: it accepts HTML. */
const NAVIGATION = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const req = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
  const u = new URL(url, 'http://app.test');
  return {
    method: init.method ?? 'GET',
    pathname: u.pathname,
    searchParams: u.searchParams,
    headers: new Headers({ accept: NAVIGATION, ...init.headers }),
  };
};
const pool = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

describe('cachedPageKey', () => {
  it('keys the read-only pages by path, sorted parameters and theme', () => {
    expect(cachedPageKey(req('/'))).toBe('/ theme=system');
    expect(cachedPageKey(req('/pools?sort=yield&category=compute&page=2'))).toBe(
      '/pools?category=compute&page=2&sort=yield theme=system',
    );
    expect(cachedPageKey(req('/pools?page=2&sort=yield&category=compute'))).toBe(
      cachedPageKey(req('/pools?sort=yield&category=compute&page=2')),
    );
    expect(cachedPageKey(req(`/pools/${pool}?chain=84532&range=90d`))).toBe(
      `/pools/${pool}?chain=84532&range=90d theme=system`,
    );
    expect(cachedPageKey(req('/assets/12?interval=week'))).toBe('/assets/12?interval=week theme=system');
    expect(cachedPageKey(req('/projects/3?chain=31337'))).toBe('/projects/3?chain=31337 theme=system');
    expect(cachedPageKey(req('/portfolio/0x70997970C51812dc3A010C7d01b50e0d17dc79C8?pool=31337:0xab&kind=claim'))).toBe(
      '/portfolio/0x70997970C51812dc3A010C7d01b50e0d17dc79C8?kind=claim&pool=31337%3A0xab theme=system',
    );
    expect(cachedPageKey(req('/projects', { headers: { cookie: 'theme=dark; other=1' } }))).toBe(
      '/projects theme=dark',
    );
    expect(cachedPageKey(req('/', { headers: { cookie: 'theme=<script>' } }))).toBe('/ theme=system');
  });

  it('leaves to the renderer whatever is not a read-only page as anyone sees it', () => {
    const rendered = [
      req('/', { method: 'HEAD' }),
      req('/pools', { method: 'POST', headers: { 'next-action': 'abc' } }),
      req('/pools', { headers: { rsc: '1' } }),
      // Next's client navigation and prefetch as the proxy sees them: their RSC headers stripped, `*/*` accepted.
      req('/pools', { headers: { accept: '*/*' } }),
      req('/pools', { headers: { accept: 'text/x-component' } }),
      req('/pools', { headers: { accept: '' } }),
      req('/pools', { headers: { 'next-router-prefetch': '1' } }),
      // A returning wallet: the page carries their connection.
      req('/pools', { headers: { cookie: 'theme=dark; wagmi.store={"state":{}}' } }),
      // The address form (it answers ?address= with a redirect), statements, the API, unknown routes.
      req('/portfolio'),
      req('/portfolio?address=0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
      req('/portfolio/0x70997970C51812dc3A010C7d01b50e0d17dc79C8/statement.pdf'),
      req('/portfolio/0x70997970C51812dc3A010C7d01b50e0d17dc79C8?page=2'),
      req('/api/health'),
      req('/pools/not-an-address'),
      req('/assets/1/extra'),
      // A parameter the page does not read, or one given twice: no visitor fills the cache with their own URLs.
      req('/pools?utm_source=x'),
      req('/pools?sort=yield&sort=tvl'),
      req(`/pools/${pool}?_rsc=abc`),
      req('/?chain=1'),
    ];
    for (const r of rendered) expect(cachedPageKey(r), `${r.method} ${r.pathname}?${r.searchParams}`).toBeNull();
  });
});

describe('themeCookieOf', () => {
  it('passes the theme alone to the cached render, as the page reads it', () => {
    expect(themeCookieOf(new Headers({ cookie: 'session=secret; theme=dark' }))).toBe('theme=dark');
    expect(themeCookieOf(new Headers({ cookie: 'theme=mauve' }))).toBe('theme=system');
    expect(themeCookieOf(new Headers({ cookie: 'session=secret' }))).toBeNull();
    expect(themeCookieOf(new Headers())).toBeNull();
  });
});
