import { formatBps as bps } from '../format/percent';
import { formatUsdc } from '../format/usdc';
import type { TrancheSide } from '../indexer/tranche-wire';

/** What the pool says of one tranche's limit now (TranchedPool.maxDeposit / maxWithdraw). */
export type TrancheLimit = { assets: bigint; bySubordination: boolean };

export type SubordinationTerms = {
  /** Junior's share of the pool's value now, basis points. */
  subordinationBps: bigint | number;
  minSubordinationBps: number;
};

/**
 * Why a deposit of `amount` into `side` is refused, or null when the pool takes it. The pool names the binding
 * limit: the deposit cap, or (senior only) the minimum subordination, which keeps junior at least a set share of
 * the pool so that it can take the first loss.
 */
export function depositRefusal(side: TrancheSide, amount: bigint, limit: TrancheLimit, terms: SubordinationTerms) {
  if (amount <= limit.assets) return null;
  if (limit.bySubordination) {
    const room = limit.assets > 0n ? `at most ${formatUsdc(limit.assets)} now` : 'none now';
    return (
      `Senior deposits are limited by the pool’s minimum subordination: junior must stay at least ` +
      `${bps(terms.minSubordinationBps)} of the pool, and it is ${bps(terms.subordinationBps)}. ` +
      `Senior can take ${room}; deposits into junior raise the limit.`
    );
  }
  return limit.assets > 0n
    ? `The pool takes at most ${formatUsdc(limit.assets)} more into ${side} (its deposit cap).`
    : `The pool takes no deposits now (it is full, closed or paused).`;
}

/**
 * Why an exit of `amount` from `side` cannot be paid at once, or null when it can. Not a refusal: the amount can
 * wait in the tranche's exit queue instead.
 */
export function withdrawRefusal(side: TrancheSide, amount: bigint, limit: TrancheLimit, terms: SubordinationTerms) {
  if (amount <= limit.assets) return null;
  if (limit.bySubordination) {
    const room = limit.assets > 0n ? `at most ${formatUsdc(limit.assets)}` : 'nothing';
    return (
      `Junior exits are limited by the pool’s minimum subordination: junior must stay at least ` +
      `${bps(terms.minSubordinationBps)} of the pool, and it is ${bps(terms.subordinationBps)}. ` +
      `Junior can take out ${room} at once; this amount would wait in the junior exit queue.`
    );
  }
  return (
    `The pool can pay ${side} exits of ${formatUsdc(limit.assets)} at once from idle cash; this amount would wait ` +
    `in the ${side} exit queue, filled first in, first out as capital comes back.`
  );
}
