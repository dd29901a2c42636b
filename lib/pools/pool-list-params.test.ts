import { describe, expect, it } from 'vitest';
import { parsePoolListParams, poolListQueryString } from './pool-list-params';

describe('pool list parameters', () => {
  it('reads filters, search and sort from the URL', () => {
    expect(
      parsePoolListParams({ category: 'robotics', status: 'active', q: ' osaka ', sort: 'yield', order: 'asc' }),
    ).toEqual({
      category: 'robotics',
      status: 'active',
      q: 'osaka',
      sort: 'yield',
      order: 'asc',
    });
  });

  it('falls back to defaults for anything it does not know', () => {
    expect(parsePoolListParams({ category: 'fintech', sort: 'DROP TABLE', order: ['up'], status: '' })).toEqual({
      sort: 'tvl',
      order: 'desc',
    });
  });

  it('writes them back as a query string, leaving defaults out where empty', () => {
    expect(poolListQueryString({ category: 'compute', sort: 'yield', order: 'desc' })).toBe(
      '?category=compute&sort=yield&order=desc',
    );
    expect(poolListQueryString({})).toBe('');
  });
});
