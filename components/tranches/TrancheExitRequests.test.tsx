// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrancheRedemption } from '@/lib/indexer/tranche-wire';
import { parseTrancheExitRequests, TrancheExitRequests } from './TrancheExitRequests';

afterEach(cleanup);

const HOLDER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const request = (requestId: bigint, pendingShares: bigint, sharesAhead: bigint, queuePosition: number) =>
  ({
    chainId: 31337,
    tranche: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    pool: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    side: 'junior',
    requestId,
    owner: HOLDER,
    controller: HOLDER,
    requestedShares: pendingShares,
    pendingShares,
    filledShares: 0n,
    filledAssets: 0n,
    cancelledShares: 0n,
    requestedAt: 1_780_000_000n,
    txHash: `0x${'ab'.repeat(32)}`,
    sharesAhead,
    queuePosition,
  }) satisfies TrancheRedemption;

// One share is worth 1.02 USDC: shares have 18 decimals, USDC 6.
const valueOf = (shares: bigint) => (shares * 1_020_000n) / 10n ** 18n;

describe('TrancheExitRequests', () => {
  it('lists each waiting exit with its value at today’s price and its place, and cancels the one pressed', () => {
    const onCancel = vi.fn();
    render(
      <TrancheExitRequests
        requests={[request(4n, 150n * 10n ** 18n, 0n, 1), request(9n, 200n * 10n ** 18n, 2_500n * 10n ** 18n, 3)]}
        symbol="myJR"
        valueOf={valueOf}
        busy={false}
        onCancel={onCancel}
        state={{ phase: 'idle' }}
      />,
    );
    const list = screen.getByRole('region', { name: 'Your queued exits' });
    const items = within(list).getAllByTestId('tranche-exit-request');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Exit #4');
    expect(items[0]).toHaveTextContent('about $153.00');
    expect(within(items[1]!).getByTestId('tranche-queue-position')).toHaveTextContent('#3 · 2,500 shares ahead');
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Cancel exit #9' }));
    expect(onCancel).toHaveBeenCalledWith(9n);
  });

  it('holds the buttons while a transaction runs, and shows nothing for a holder with no exit waiting', () => {
    const { rerender, container } = render(
      <TrancheExitRequests
        requests={[request(4n, 150n * 10n ** 18n, 0n, 1)]}
        symbol="myJR"
        valueOf={() => undefined}
        busy
        onCancel={() => undefined}
        state={{ phase: 'signing' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Cancel exit #4' })).toBeDisabled();
    rerender(
      <TrancheExitRequests
        requests={[]}
        symbol="myJR"
        valueOf={valueOf}
        busy={false}
        onCancel={() => undefined}
        state={{ phase: 'idle' }}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('says none wait once the last one is cancelled, beside the cancel’s outcome', () => {
    render(
      <TrancheExitRequests
        requests={[]}
        symbol="myJR"
        valueOf={valueOf}
        busy={false}
        onCancel={() => undefined}
        state={{ phase: 'done', label: 'Cancel exit request' }}
      />,
    );
    const list = screen.getByRole('region', { name: 'Your queued exits' });
    expect(list).toHaveTextContent('None waiting.');
    expect(list).toHaveTextContent('Done.');
  });

  it('reads the indexer’s answer, and refuses one of another shape rather than show wrong figures', () => {
    const row = {
      chainId: 31337,
      side: 'junior',
      requestId: '12',
      owner: HOLDER,
      controller: HOLDER,
      requestedShares: '5',
      pendingShares: '4',
      filledShares: '1',
      filledAssets: '990000',
      cancelledShares: '0',
      requestedAt: '1780000000',
      sharesAhead: '250',
      queuePosition: 2,
    };
    expect(parseTrancheExitRequests({ indexed: { block: '9' }, redemptions: [row] })).toEqual([
      {
        side: 'junior',
        requestId: 12n,
        pendingShares: 4n,
        filledAssets: 990_000n,
        requestedAt: 1_780_000_000n,
        sharesAhead: 250n,
        queuePosition: 2,
      },
    ]);
    expect(() => parseTrancheExitRequests({ error: 'no tranched pool' })).toThrow(/unexpected shape/);
    expect(() => parseTrancheExitRequests({ redemptions: [{ ...row, pendingShares: -4 }] })).toThrow(/unexpected/);
    expect(() => parseTrancheExitRequests({ redemptions: [{ ...row, side: 'mezzanine' }] })).toThrow(/unexpected/);
    expect(() => parseTrancheExitRequests({ redemptions: [{ ...row, queuePosition: 0 }] })).toThrow(/unexpected/);
  });
});
