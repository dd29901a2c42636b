import { describe, expect, it } from 'vitest';
import { parsePoolExits } from './exit-requests';

// As the indexer answers /api/pools/:pool/redemptions?controller=…: amounts as decimal strings, places as numbers.
const waiting = {
  chainId: 31337,
  pool: '0x61c36a8d610163660e21a8b7359e1cac0c9133e1',
  requestId: '3',
  owner: '0x976ea74026e726554db657fa54763abd0c3a0aa9',
  controller: '0x976ea74026e726554db657fa54763abd0c3a0aa9',
  requestedShares: '500000000000000000000',
  pendingShares: '500000000000000000000',
  filledShares: '0',
  filledAssets: '0',
  claimedAssets: '0',
  cancelledShares: '0',
  status: 'pending',
  requestedAt: '1780000000',
  requestedAtBlock: '88',
  updatedAt: '1780000000',
  txHash: `0x${'ab'.repeat(32)}`,
  sharesAhead: '1200000000000000000000',
  queuePosition: 2,
};
const filled = {
  ...waiting,
  requestId: '1',
  pendingShares: '0',
  filledShares: '500000000000000000000',
  filledAssets: '510000000',
  status: 'claimable',
  sharesAhead: '0',
  queuePosition: null,
};
const answer = (redemptions: unknown[]) => ({
  queue: {
    idle: '2000000000',
    reservedForRedemptions: '510000000',
    pendingShares: '1700',
    repaidLast90Days: '90000000',
  },
  redemptions,
  indexed: { block: '90', timestamp: '1780000100' },
});

describe('parsePoolExits', () => {
  it('reads what fills the queue and each request, waiting or filled, with its place', () => {
    expect(parsePoolExits(answer([filled, waiting]))).toEqual({
      idle: 2_000_000_000n,
      repaidLast90Days: 90_000_000n,
      requests: [
        {
          requestId: 1n,
          pendingShares: 0n,
          filledShares: 500n * 10n ** 18n,
          filledAssets: 510_000_000n,
          claimedAssets: 0n,
          requestedAt: 1_780_000_000n,
          sharesAhead: 0n,
          queuePosition: null,
          status: 'claimable',
        },
        {
          requestId: 3n,
          pendingShares: 500n * 10n ** 18n,
          filledShares: 0n,
          filledAssets: 0n,
          claimedAssets: 0n,
          requestedAt: 1_780_000_000n,
          sharesAhead: 1_200n * 10n ** 18n,
          queuePosition: 2,
          status: 'pending',
        },
      ],
    });
  });

  it('takes a place sent as a numeric string, as some drivers send counts', () => {
    expect(parsePoolExits(answer([{ ...waiting, queuePosition: '2' }])).requests[0]?.queuePosition).toBe(2);
  });

  it('refuses an answer it cannot vouch for rather than show wrong figures', () => {
    const bad: [string, unknown][] = [
      ['an error', { error: 'no pool at 0x…' }],
      ['no queue', { redemptions: [] }],
      ['a negative amount', answer([{ ...waiting, pendingShares: '-5' }])],
      ['an amount as a float', answer([{ ...waiting, filledAssets: 1.5 }])],
      ['an amount past uint256', answer([{ ...waiting, pendingShares: '9'.repeat(79) }])],
      ['an unknown status', answer([{ ...waiting, status: 'stolen' }])],
      ['a waiting request without a place', answer([{ ...waiting, queuePosition: null }])],
      ['a place 0', answer([{ ...waiting, queuePosition: 0 }])],
      ['a place for a request that no longer waits', answer([{ ...filled, queuePosition: 1 }])],
      ['a row that is not an object', answer(['3'])],
      ['idle missing', { ...answer([]), queue: { repaidLast90Days: '0' } }],
    ];
    for (const [what, body] of bad) expect(() => parsePoolExits(body), what).toThrow(/unexpected shape/);
  });
});
