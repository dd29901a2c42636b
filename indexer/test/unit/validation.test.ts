import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountList, address, limit, positiveId, valid } from '../../src/api/validation';

const app = new Hono()
  .get('/pools/:address', valid('param', z.object({ address: address('a pool') })), (c) => c.json(c.req.valid('param')))
  .get('/assets/:id', valid('param', z.object({ id: positiveId('an asset') })), (c) =>
    c.json({ id: String(c.req.valid('param').id) }),
  )
  .get('/accounts', valid('query', z.object({ addresses: accountList, limit: limit(200, 20) })), (c) =>
    c.json(c.req.valid('query')),
  );

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const a = '0x' + 'Ab'.repeat(20);
const b = '0x' + '12'.repeat(20);

describe('API parameters', () => {
  it('take addresses in any case and answer them in lower case', async () => {
    expect(await get(`/pools/${a}`)).toEqual({ status: 200, body: { address: a.toLowerCase() } });
  });

  it('answer 400 with a message that quotes what is not an address or an id', async () => {
    expect(await get('/pools/0x1234')).toEqual({
      status: 400,
      body: { error: '"0x1234" is not a pool address (0x followed by 40 hex digits)' },
    });
    expect(await get('/assets/abc')).toEqual({
      status: 400,
      body: { error: '"abc" is not an asset id (a positive whole number)' },
    });
    expect((await get('/assets/0')).status).toBe(400);
    expect(await get('/assets/7')).toEqual({ status: 200, body: { id: '7' } });
  });

  it('take up to 20 accounts at once, each once, and name the field of a bad query value', async () => {
    expect(await get(`/accounts?addresses=${a},${b},${a.toLowerCase()}`)).toEqual({
      status: 200,
      body: { addresses: [a.toLowerCase(), b], limit: 20 },
    });
    expect((await get('/accounts')).body.error).toBe(
      'give an account address, or ?addresses= with up to 20, comma-separated',
    );
    const many = Array.from({ length: 21 }, (_, i) => '0x' + i.toString(16).padStart(40, '0')).join(',');
    expect((await get(`/accounts?addresses=${many}`)).body.error).toBe('at most 20 addresses at once');
    expect((await get(`/accounts?addresses=${a},0x12`)).body.error).toBe(
      '"0x12" is not an account address (0x followed by 40 hex digits)',
    );
    const badLimit = await get(`/accounts?addresses=${a}&limit=0`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error).toMatch(/^limit: /);
  });
});
