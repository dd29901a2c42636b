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
      page: 1,
    });
  });

  it('reads the page, and falls back to the first for one that is not a page', () => {
    expect(parsePoolListParams({ page: '3' }).page).toBe(3);
    for (const page of ['0', '-2', '1.5', 'last', '1e9']) expect(parsePoolListParams({ page }).page).toBe(1);
  });

  it('leaves the first page out of the URL and writes later ones', () => {
    expect(poolListQueryString({ sort: 'yield', page: 1 })).toBe('?sort=yield');
    expect(poolListQueryString({ sort: 'yield', page: 2 })).toBe('?sort=yield&page=2');
  });

  it('falls back to defaults for anything it does not know', () => {
    expect(parsePoolListParams({ category: 'fintech', sort: 'DROP TABLE', order: ['up'], status: '' })).toEqual({
      sort: 'tvl',
      order: 'desc',
      page: 1,
    });
  });

  it('writes them back as a query string, leaving defaults out where empty', () => {
    expect(poolListQueryString({ category: 'compute', sort: 'yield', order: 'desc' })).toBe(
      '?category=compute&sort=yield&order=desc',
    );
    expect(poolListQueryString({})).toBe('');
  });
});
