/**
 * `?chainId=` on an indexer of three chains: a list or an account (someChains) takes one id or a comma list,
 * a pool, an asset or a project (oneChain) exactly one; the parameter given twice is refused by both.
 */
import { Hono } from 'hono';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.stubEnv('CHAIN_IDS', '31337,84532,11155111');
afterAll(() => vi.unstubAllEnvs());
const { oneChain, someChains } = await import('../../src/api/chain-scope');

const app = new Hono();
app.get('/some', someChains, (c) => c.json({ chainIds: c.get('chainIds') }));
app.get('/one', oneChain, (c) => c.json({ chainId: c.get('chainId'), chainIds: c.get('chainIds') }));

async function ask(path: string) {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as { chainIds?: number[]; chainId?: number; error?: string } };
}

const SERVED = '(31337, 84532, 11155111)';

describe('someChains', () => {
  it.each([
    ['', [31337, 84532, 11155111]],
    ['?chainId=84532', [84532]],
    ['?chainId=84532,11155111', [84532, 11155111]],
    // In the order the indexer serves them, whatever order they were asked in.
    ['?chainId=11155111,31337', [31337, 11155111]],
    ['?chainId=11155111,%2084532', [84532, 11155111]],
    ['?chainId=31337,84532,11155111', [31337, 84532, 11155111]],
  ])('%s spans %j', async (query, chainIds) => {
    expect(await ask(`/some${query}`)).toEqual({ status: 200, body: { chainIds } });
  });

  it.each([
    ['?chainId=84532,1', `chainId: "1" is not a chain this indexer serves ${SERVED}`],
    ['?chainId=84532,', `chainId: "" is not a chain this indexer serves ${SERVED}`],
    ['?chainId=,84532', `chainId: "" is not a chain this indexer serves ${SERVED}`],
    ['?chainId=84532,0x14a34', `chainId: "0x14a34" is not a chain this indexer serves ${SERVED}`],
    ['?chainId=84532,84532', `chainId: "84532" is named twice (this indexer serves 31337, 84532, 11155111)`],
    ['?chainId=84532,31337,084532', `chainId: "084532" is named twice (this indexer serves 31337, 84532, 11155111)`],
    ['?chainId=84532&chainId=31337', 'chainId: give it once'],
    ['?chainId=84532,31337&chainId=11155111', 'chainId: give it once'],
  ])('%s is a 400: %s', async (query, error) => {
    expect(await ask(`/some${query}`)).toEqual({ status: 400, body: { error } });
  });
});

describe('oneChain', () => {
  it('takes one served chain', async () => {
    expect(await ask('/one?chainId=84532')).toEqual({ status: 200, body: { chainId: 84532, chainIds: [84532] } });
  });

  it.each([
    ['', 'chainId is required: this indexer serves chains 31337, 84532, 11155111'],
    ['?chainId=1', `chainId: "1" is not a chain this indexer serves ${SERVED}`],
    [
      '?chainId=84532,11155111',
      'chainId: one chain is needed here, not "84532,11155111" (this indexer serves 31337, 84532, 11155111)',
    ],
    ['?chainId=84532,', 'chainId: one chain is needed here, not "84532," (this indexer serves 31337, 84532, 11155111)'],
    ['?chainId=84532&chainId=84532', 'chainId: give it once'],
  ])('%s is a 400: %s', async (query, error) => {
    expect(await ask(`/one${query}`)).toEqual({ status: 400, body: { error } });
  });
});
