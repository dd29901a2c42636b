import { describe, expect, it } from 'vitest';
import { isPastPosition, parsePositionView, positionsInView } from './position-view';

describe('position views', () => {
  const held = { shares: 5n, claimableRevenue: 0n };
  const owed = { shares: 0n, claimableRevenue: 3n };
  const gone = { shares: 0n, claimableRevenue: 0n };

  it('call a position past once nothing is held or owed in it', () => {
    expect([held, owed, gone].map(isPastPosition)).toEqual([false, false, true]);
  });

  it('list all, the current or the past ones', () => {
    expect(positionsInView([held, owed, gone], 'all')).toEqual([held, owed, gone]);
    expect(positionsInView([held, owed, gone], 'current')).toEqual([held, owed]);
    expect(positionsInView([held, owed, gone], 'past')).toEqual([gone]);
  });

  it('read ?positions= strictly', () => {
    expect(parsePositionView('past')).toBe('past');
    expect(parsePositionView('current')).toBe('current');
    expect(parsePositionView(['past', 'current'])).toBe('all');
    expect(parsePositionView('PAST')).toBe('all');
    expect(parsePositionView(undefined)).toBe('all');
  });
});
