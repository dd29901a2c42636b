import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

/** anvil's account 2: an investor of the seeded world, so its portfolio has positions to draw. */
const INVESTOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** Every kind of route: pages, a 404, a route handler. */
function routes(pool: string) {
  return [
    { path: '/', status: 200, html: true },
    { path: '/pools', status: 200, html: true },
    { path: `/pools/${pool}`, status: 200, html: true },
    { path: '/assets/1', status: 200, html: true },
    { path: '/projects/1', status: 200, html: true },
    { path: `/portfolio/${INVESTOR}`, status: 200, html: true },
    { path: '/no-such-page', status: 404, html: true },
    { path: '/api/indexer-status', status: 200, html: false },
  ];
}

/** The policy as a map of directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources] as const;
      }),
  );
}

function nonceOf(res: APIResponse): string {
  const scriptSrc = directives(res.headers()['content-security-policy'] ?? '').get('script-src') ?? [];
  const nonce = scriptSrc.map((s) => /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(s)?.[1]).find(Boolean);
  expect(nonce, 'script-src carries a nonce').toBeTruthy();
  return nonce!;
}

test('every route answers with the security headers, and a fresh nonce each time', async ({ request, stack }) => {
  const rpcOrigin = new URL(stack.rpcUrl).origin;
  for (const route of routes(stack.manifest.contracts.FinancingPools[0]!.address)) {
    const first = await request.get(route.path);
    expect(first.status(), route.path).toBe(route.status);
    const headers = first.headers();

    const csp = directives(headers['content-security-policy'] ?? '');
    expect(csp.get('default-src'), route.path).toEqual(["'self'"]);
    expect(csp.get('script-src'), route.path).toContain("'strict-dynamic'");
    // A production build: no eval, and never an inline script by 'unsafe-inline'.
    expect(csp.get('script-src'), route.path).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src'), route.path).not.toContain("'unsafe-inline'");
    // Framed by Safe{Wallet} only, as a Safe app (SAFE_APP_ORIGINS' default).
    expect(csp.get('frame-ancestors'), route.path).toEqual(['https://app.safe.global']);
    expect(csp.get('object-src'), route.path).toEqual(["'none'"]);
    expect(csp.get('base-uri'), route.path).toEqual(["'self'"]);
    expect(csp.get('form-action'), route.path).toEqual(["'self'"]);
    expect(csp.get('img-src'), route.path).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src'), route.path).toEqual(["'self'"]);
    // The configured RPC and nothing else (no WalletConnect id in the e2e stack).
    expect(csp.get('connect-src'), route.path).toEqual(["'self'", rpcOrigin]);

    expect(headers['x-content-type-options'], route.path).toBe('nosniff');
    expect(headers['referrer-policy'], route.path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], route.path).toBe('DENY');
    const permissions = headers['permissions-policy']?.split(/,\s*/) ?? [];
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) {
      expect(permissions, route.path).toContain(`${feature}=()`);
    }
    // http://127.0.0.1: no HSTS (it is only sent in production over https).
    expect(headers['strict-transport-security'], route.path).toBeUndefined();

    const nonce = nonceOf(first);
    const second = await request.get(route.path);
    expect(nonceOf(second), `${route.path} gets a new nonce per request`).not.toBe(nonce);

    if (route.html) {
      // Every script of the page carries the response's nonce.
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, route.path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, route.path).toContain(`nonce="${nonce}"`);
    }
  }
});

test('a nonce sent by the client is not the one the page uses', async ({ request }) => {
  const chosen = 'Y2hvc2VuLWJ5LXRoZS1jbGllbnQ=';
  const res = await request.get('/pools', {
    headers: { 'x-nonce': chosen, 'content-security-policy': `script-src 'nonce-${chosen}'` },
  });
  expect(nonceOf(res)).not.toBe(chosen);
  expect(await res.text()).not.toContain(chosen);
});

test('static files carry nosniff too', async ({ request }) => {
  const html = await (await request.get('/pools')).text();
  const chunk = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, 'the page loads a chunk from /_next/static').toBeTruthy();
  const res = await request.get(chunk!);
  expect(res.status()).toBe(200);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});

test('cookies other than wagmi’s never reach the HTML', async ({ request, stack }) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;
  for (const path of ['/', '/pools', `/pools/${pool}`]) {
    const res = await request.get(path, { headers: { cookie: 'session=secret-value; other=x' } });
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html, path).toContain('Machine Yield');
    expect(html, path).not.toContain('secret-value');
    expect(html, path).not.toContain('session=');
  }
});

/** Collects every CSP violation the browser reports, as an event in the page and as a console message. */
test('connecting the wallet and depositing, across every page, reports no CSP violation', async ({
  page,
  wallet,
  stack,
  policyViolations: violations,
}) => {
  const pool = stack.manifest.contracts.FinancingPools[0]!.address;

  // The pages with charts (Recharts) and RainbowKit's modal, as a reader sees them.
  for (const path of ['/', '/pools', '/assets/1', '/projects/1', `/portfolio/${INVESTOR}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await page.goto(`/pools/${pool}`);
  await wallet.connect();
  await page.getByLabel('Amount (USDC)').fill('100');
  await page.getByRole('button', { name: 'Deposit', exact: true }).click();
  const progress = page.getByRole('list', { name: 'Deposit progress' });
  await expect(progress.locator('[data-step="deposit"]')).toHaveAttribute('data-status', 'done');
  await expect(progress.locator('[data-step="index"]')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('activity-row').first()).toContainText('+$100.00');

  // A client-side navigation and a reload with the wallet's cookie state.
  await page.getByRole('banner').getByRole('link', { name: 'Pools', exact: true }).click();
  await expect(page).toHaveURL(/\/pools$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);
});

test('the Safe app manifest is readable from Safe{Wallet}’s origin, with its icon', async ({ request }) => {
  const res = await request.get('/manifest.json', { headers: { origin: 'https://app.safe.global' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['access-control-allow-origin']).toBe('*');
  const manifest = (await res.json()) as { name: string; description: string; iconPath: string };
  expect(manifest.name).toBe('Machine Yield');
  expect(manifest.description.length).toBeGreaterThan(20);
  const icon = await request.get(`/${manifest.iconPath}`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
