import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  HttpRequestError,
  UserRejectedRequestError,
  type Hex,
} from 'viem';
import { tranchedPoolAbi } from '../contracts/abis';

/** The pool's refusals an investor can meet, in words (the error name stays in brackets for support). */
const REVERT_EXPLAINED: Record<string, string> = {
  EnforcedPause: 'the pool is paused by its guardian',
  NotAllowed: 'this pool is open to approved investors, and the address is not approved',
  BelowMinimumRequest: 'a queued exit must be worth at least the minimum, unless it is all your unlocked shares',
  ExceedsClaimable: 'that is more than your filled redemptions hold',
  DepositsClosed: 'the pool takes no deposits now',
  // Tranched pools (contracts/src/tranche).
  SubordinationBelowMinimum: 'junior would fall below its minimum share of the pool, which protects senior',
  ExceedsDepositCap: 'the pool would go over its deposit cap',
  ExceedsIdle: 'the pool does not hold that much idle cash now; request an exit to wait in the queue',
  SharesLocked: 'some of your shares already wait in the exit queue; ask for at most your unlocked shares',
  UnknownRequest: 'that request no longer waits in the queue: it was filled or cancelled since the page was read',
};

/** A sentence the user can act on, for any error out of a wallet action. Never a stack trace. */
export function describeWalletError(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError) || hasCode(error, 4001)) {
      return 'You declined the request in your wallet. Nothing was sent, and your amount is still here.';
    }
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const reason = reverted.data?.errorName ?? reverted.reason ?? poolErrorName(reverted.raw);
      const explained = reason ? REVERT_EXPLAINED[reason] : undefined;
      return `The contract would reject this transaction${reason ? ` (${reason})` : ''}${explained ? `: ${explained}` : ''}. Nothing was sent.`;
    }
    if (error.walk((e) => e instanceof HttpRequestError)) {
      return 'The network (RPC) is not answering. Check your connection and try again; nothing was lost.';
    }
    return error.shortMessage;
  }
  if (hasCode(error, 4001))
    return 'You declined the request in your wallet. Nothing was sent, and your amount is still here.';
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

/**
 * A tranche vault's call reverts with its pool's error (a senior deposit below the subordination, say), which the
 * vault's ABI does not know: decoded here against the pool's.
 */
function poolErrorName(raw: Hex | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return decodeErrorResult({ abi: tranchedPoolAbi, data: raw }).errorName;
  } catch {
    return undefined;
  }
}

function hasCode(error: unknown, code: number): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === code) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
