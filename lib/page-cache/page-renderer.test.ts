import { describe, expect, it } from 'vitest';
import {
  CACHE_RENDER_HEADER,
  isCacheRender,
  PLACEHOLDER_NONCE,
  pageCacheEnabled,
  selfOrigin,
  storablePage,
  TRANSIENT_MARKER,
} from './page-renderer';

const html = (body: string, status = 200, type = 'text/html; charset=utf-8') => ({
  status,
  headers: [['content-type', type]] as [string, string][],
  body,
});

describe('page renderer', () => {
  it('the placeholder is a fresh 128-bit hex value, nothing a page could be made to print', () => {
    expect(PLACEHOLDER_NONCE).toMatch(/^[0-9a-f]{32}$/);
  });

  it('recognises its own render by the secret header alone', () => {
    expect(isCacheRender(new Headers())).toBe(false);
    expect(isCacheRender(new Headers({ [CACHE_RENDER_HEADER]: '1' }))).toBe(false);
    expect(isCacheRender(new Headers({ [CACHE_RENDER_HEADER]: 'f'.repeat(64) }))).toBe(false);
    expect(isCacheRender(new Headers({ [CACHE_RENDER_HEADER]: PLACEHOLDER_NONCE }))).toBe(false);
  });

  it('keeps whole HTML pages only, never one that says its figures are unavailable', () => {
    expect(storablePage(html('<main>figures</main>'))).toBe(true);
    expect(storablePage(html(`<div role="alert" ${TRANSIENT_MARKER}>unavailable</div>`))).toBe(false);
    expect(storablePage(html('<main>not found</main>', 404))).toBe(false);
    expect(storablePage(html('', 307))).toBe(false);
    expect(storablePage(html('{}', 200, 'application/json'))).toBe(false);
  });

  it('runs in a production server that knows its origin, never on Vercel or when switched off', () => {
    const production = { NODE_ENV: 'production', PORT: '3000' } as NodeJS.ProcessEnv;
    expect(selfOrigin(production)).toBe('http://127.0.0.1:3000');
    expect(selfOrigin({ ...production, PAGE_CACHE_ORIGIN: 'http://10.0.0.2:8080/' })).toBe('http://10.0.0.2:8080');
    expect(pageCacheEnabled(production)).toBe(true);
    expect(pageCacheEnabled({ ...production, NODE_ENV: 'development' })).toBe(false);
    expect(pageCacheEnabled({ ...production, VERCEL: '1' })).toBe(false);
    expect(pageCacheEnabled({ ...production, PAGE_CACHE: 'off' })).toBe(false);
    expect(pageCacheEnabled({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toBe(false);
  });
});
