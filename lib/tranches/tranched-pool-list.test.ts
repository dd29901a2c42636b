import { describe, expect, it, vi } from 'vitest';
import type { TranchedPool } from '../indexer/tranche-wire';
import { parsePoolListParams } from '../pools/pool-list-params';
import { tranchedPoolsFor } from './tranched-pool-list';

const pool = (name: string, status: TranchedPool['status'], symbol: string) =>
  ({ name, status, senior: { symbol: `${symbol}S` }, junior: { symbol: `${symbol}J` } }) as unknown as TranchedPool;

describe('tranchedPoolsFor', () => {
  const pools = [pool('Austin B200 · Tranched', 'active', 'myAUST'), pool('Rotterdam Forklifts', 'raising', 'myROTT')];

  it('sorts a yield sort by the chosen tranche’s yield, and passes the category and chain on', async () => {
    const list = vi.fn().mockResolvedValue(pools);
    await tranchedPoolsFor(
      parsePoolListParams({ sort: 'yield', tranche: 'senior', category: 'compute', chain: '1' }),
      list,
    );
    expect(list).toHaveBeenCalledWith({ category: 'compute', sort: 'seniorYield', order: 'desc' }, [1]);
    await tranchedPoolsFor(parsePoolListParams({ sort: 'yield', tranche: 'junior', order: 'asc' }), list);
    expect(list).toHaveBeenLastCalledWith({ category: undefined, sort: 'juniorYield', order: 'asc' }, undefined);
  });

  it('matches status and search text (name or either tranche’s symbol) here', async () => {
    const list = vi.fn().mockResolvedValue(pools);
    expect(await tranchedPoolsFor(parsePoolListParams({ status: 'raising' }), list)).toEqual([pools[1]]);
    expect(await tranchedPoolsFor(parsePoolListParams({ q: 'myaustj' }), list)).toEqual([pools[0]]);
    expect(await tranchedPoolsFor(parsePoolListParams({ q: 'nothing' }), list)).toEqual([]);
  });

  it('falls back to value for sorts tranched pools do not have', async () => {
    const list = vi.fn().mockResolvedValue([]);
    await tranchedPoolsFor(parsePoolListParams({ sort: 'depositors' }), list);
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ sort: 'tvl' }), undefined);
  });
});
