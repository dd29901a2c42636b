import { describe, expect, it } from 'vitest';
import { historyFilterQuery, isFiltered, parseHistoryFilter } from './history-filter';

const POOL = '0x75537828f2ce51be7289709686A69CbFDbB714F1';

describe('history filters', () => {
  it('reads kind and pool from the URL, checksumming the pool', () => {
    expect(parseHistoryFilter({ kind: 'claim', pool: POOL.toLowerCase() })).toEqual({ kind: 'claim', pool: POOL });
    expect(parseHistoryFilter(new URLSearchParams(`kind=deposit&pool=${POOL}`))).toEqual({
      kind: 'deposit',
      pool: POOL,
    });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseHistoryFilter({ kind: ['withdrawal', 'claim'] })).toEqual({ kind: 'withdrawal' });
  });

  it('drops what it does not know instead of failing', () => {
    expect(parseHistoryFilter({ kind: 'revenue', pool: '0x1234' })).toEqual({});
    expect(parseHistoryFilter({ kind: '', pool: '' })).toEqual({});
    expect(parseHistoryFilter(new URLSearchParams('kind=DROP%20TABLE'))).toEqual({});
  });

  it('writes them back as a query string', () => {
    expect(historyFilterQuery({ kind: 'claim', pool: POOL })).toBe(`?kind=claim&pool=${POOL}`);
    expect(historyFilterQuery({ kind: 'redemption_request' })).toBe('?kind=redemption_request');
    expect(historyFilterQuery({})).toBe('');
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ pool: POOL })).toBe(true);
  });
});

describe('history filter by a pool on one chain', () => {
  it('reads and writes `pool=<chainId>:<address>`, the bare address for the indexer', () => {
    const filter = parseHistoryFilter({ pool: `84532:${POOL.toLowerCase()}` });
    expect(filter).toEqual({ pool: POOL, chainId: 84532 });
    expect(historyFilterQuery(filter)).toBe(`?pool=${encodeURIComponent(`84532:${POOL}`)}`);
    expect(historyFilterQuery(filter, { forIndexer: true })).toBe(`?pool=${POOL}`);
  });

  it('drops a malformed chain with its pool, and a chain 0', () => {
    expect(parseHistoryFilter({ pool: `x:${POOL}` })).toEqual({});
    expect(parseHistoryFilter({ pool: `0:${POOL}` })).toEqual({ pool: POOL });
    expect(parseHistoryFilter({ pool: '84532:0x1234' })).toEqual({});
  });
});
