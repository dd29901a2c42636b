import { formatUsdc } from '../format/usdc';
import type { TrancheSide } from '../indexer/tranche-wire';
import { withdrawRefusal, type SubordinationTerms, type TrancheLimit } from './tranche-limits';

/**
 * What an exit of `amount` USDC from a tranche will be: paid now from idle cash (ERC-4626 redeem of every unlocked
 * share for the whole position, so no dust stays behind, or withdraw of the amount), a place in the tranche's exit
 * queue (ERC-7540 requestRedeem), or refused before anything is signed, with the reason.
 */
export type TrancheExitPlan =
  | { kind: 'now'; whole: boolean }
  | { kind: 'queue'; whole: boolean; note: string }
  | { kind: 'refused'; reason: string };

export function planTrancheExit(input: {
  side: TrancheSide;
  amount: bigint;
  /** What the account's unlocked shares (not already queued) are worth: the most it can ask for. */
  unlockedValue: bigint;
  /** The pool's own limit for this tranche's exits (TranchedPool.maxWithdraw). */
  poolLimit: TrancheLimit;
  /** Others wait in this tranche's queue: no exit is paid ahead of them. */
  queueWaiting: boolean;
  /** TrancheVault.MIN_REQUEST_ASSETS: a queued exit is at least this, unless it is the whole position. */
  minRequest: bigint;
  terms: SubordinationTerms;
}): TrancheExitPlan {
  const { side, amount, unlockedValue, poolLimit } = input;
  const whole = amount === unlockedValue;
  const payable = poolLimit.assets < unlockedValue ? poolLimit.assets : unlockedValue;
  const now = input.queueWaiting ? 0n : payable;
  if (amount <= now) return { kind: 'now', whole };
  if (!whole && amount < input.minRequest) {
    return {
      kind: 'refused',
      reason:
        `This cannot be paid at once, and a queued exit is at least ${formatUsdc(input.minRequest)} unless it is ` +
        `your whole position: ask for at most ${formatUsdc(now)} now, or for ${formatUsdc(input.minRequest)} or more.`,
    };
  }
  const note = input.queueWaiting
    ? `Others wait in the ${side} exit queue and no exit is paid ahead of them: this amount joins the queue, ` +
      `filled first in, first out as capital comes back. Your shares stay yours, and keep earning, until then.`
    : withdrawRefusal(
        side,
        amount,
        { assets: now, bySubordination: poolLimit.bySubordination && poolLimit.assets <= unlockedValue },
        input.terms,
      )!;
  return { kind: 'queue', whole, note };
}
