// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HYDRATED_ATTRIBUTE, HYDRATED_EVENT, hydrateOnIntent } from './hydration-on-intent';

/** The shape of a page as Next 16 renders it: a stylesheet, a script preload, chunk scripts, the polyfills, RSC data. */
const N = 'PLACEHOLDER';
const page = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${N}" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" nonce="${N}" href="/_next/static/chunks/2z.js"/>
<script src="/_next/static/chunks/20n.js" async="" nonce="${N}"></script><script src="/_next/static/chunks/0wt.js" async="" nonce="${N}"></script><script src="/_next/static/chunks/2z.js" nonce="${N}" async=""></script>
<script src="/_next/static/chunks/poly.js" noModule="" nonce="${N}"></script>
<title>Pools</title></head><body><main><a href="/pools/0x1">Pool</a><button type="button" id="theme">Theme</button>
<form method="get"><button type="submit" id="apply">Apply</button></form></main>
<script nonce="${N}">(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`;

describe('hydrateOnIntent', () => {
  it('takes Next’s chunk scripts and script preloads out and loads them from one loader with the nonce', () => {
    const out = hydrateOnIntent(page, N);
    expect(out).not.toMatch(/<script\b[^>]*\ssrc="\/_next\/static\/chunks\/(20n|0wt|2z)\.js"/);
    expect(out).not.toContain('rel="preload" as="script"');
    // What stays: the stylesheet, the no-module polyfills (never run by a modern browser), the RSC data.
    expect(out).toContain('a.css');
    expect(out).toContain('poly.js');
    expect(out).toContain('self.__next_f');
    const loaders = out.match(/<script nonce="PLACEHOLDER">\(function\(\)\{var s=(\[[^\]]*\])/);
    expect(JSON.parse(loaders![1]!)).toEqual([
      '/_next/static/chunks/20n.js',
      '/_next/static/chunks/0wt.js',
      '/_next/static/chunks/2z.js',
    ]);
    // In <head>, where the first chunk was: listening before anything can be pressed.
    expect(out.indexOf('var s=')).toBeLessThan(out.indexOf('</head>'));
  });

  it('leaves a page it does not recognise as rendered', () => {
    const other = '<html><head><script src="/other.js"></script></head><body></body></html>';
    expect(hydrateOnIntent(other, N)).toBe(other);
  });
});

describe('the loader in a browser', () => {
  afterEach(() => {
    // Retire this test's loader: its click listener goes with the hydrated event, its intent listeners fire once.
    window.dispatchEvent(new Event(HYDRATED_EVENT));
    window.dispatchEvent(new Event('pointerover'));
    document.documentElement.removeAttribute(HYDRATED_ATTRIBUTE);
    vi.restoreAllMocks();
  });

  /** Runs the loader of a page in this document: jsdom does not run scripts set through innerHTML. */
  function load() {
    const out = hydrateOnIntent(page, N);
    const body = out.slice(out.indexOf('<body>') + 6, out.indexOf('</body>'));
    document.body.innerHTML = body;
    const code = /<script nonce="PLACEHOLDER">([\s\S]*?)<\/script>/.exec(out)![1]!;
    const appended: string[] = [];
    vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
      appended.push((node as HTMLScriptElement).getAttribute('src')!);
      return node;
    });
    new Function(code)();
    return appended;
  }

  it('loads nothing until the visitor shows intent, then every chunk once', () => {
    const appended = load();
    expect(appended).toEqual([]);
    window.dispatchEvent(new Event('pointerover'));
    window.dispatchEvent(new Event('keydown'));
    expect(appended).toEqual([
      '/_next/static/chunks/20n.js',
      '/_next/static/chunks/0wt.js',
      '/_next/static/chunks/2z.js',
    ]);
  });

  it('holds a click on a button that comes before hydration and replays it once the app has hydrated', () => {
    const appended = load();
    const theme = document.getElementById('theme')!;
    const clicks = vi.fn();
    theme.addEventListener('click', clicks);
    theme.click();
    expect(clicks).not.toHaveBeenCalled();
    expect(appended).toHaveLength(3);
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, '');
    window.dispatchEvent(new Event(HYDRATED_EVENT));
    expect(clicks).toHaveBeenCalledTimes(1);
    theme.click();
    expect(clicks).toHaveBeenCalledTimes(2);
  });

  it('lets links and a plain form submit do what they do without JavaScript', () => {
    load();
    const link = document.querySelector('a')!;
    const linkClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(linkClick);
    expect(linkClick.defaultPrevented).toBe(false);
    const submit = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.getElementById('apply')!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(false);
  });
});
