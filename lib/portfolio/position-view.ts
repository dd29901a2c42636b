import type { AccountPosition } from '../indexer/wire';

/** Which positions the portfolio lists: all, the ones held now, or the past ones (exited, nothing left to claim). */
export type PositionView = 'all' | 'current' | 'past';
export const POSITION_VIEWS: readonly PositionView[] = ['all', 'current', 'past'];

/** `?positions=` to a view; anything else is all of them. */
export function parsePositionView(raw: string | string[] | undefined): PositionView {
  return raw === 'current' || raw === 'past' ? raw : 'all';
}

/** A position left entirely: no shares, no yield waiting. It stays listed for its realised P&L, yield and losses. */
export function isPastPosition(p: Pick<AccountPosition, 'shares' | 'claimableRevenue'>): boolean {
  return p.shares === 0n && p.claimableRevenue === 0n;
}

export function positionsInView<P extends Pick<AccountPosition, 'shares' | 'claimableRevenue'>>(
  positions: readonly P[],
  view: PositionView,
): P[] {
  if (view === 'all') return [...positions];
  return positions.filter((p) => isPastPosition(p) === (view === 'past'));
}
