import { describe, expect, it } from 'vitest';
import { owedLargestFirst } from './use-pool-actions';

describe('owedLargestFirst', () => {
  it('keeps the pools that owe something, largest first, with their amounts', () => {
    const pools = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
    expect(owedLargestFirst(pools, [5n, 0n, 9n, 5n])).toEqual([
      { name: 'c', amount: 9n },
      { name: 'a', amount: 5n },
      { name: 'd', amount: 5n },
    ]);
  });

  it('owes nothing before the amounts are read', () => {
    expect(owedLargestFirst([{ name: 'a' }], undefined)).toEqual([]);
  });
});
