import { BaseError, ContractFunctionRevertedError, HttpRequestError, UserRejectedRequestError } from 'viem';

/** The pool's refusals an investor can meet, in words (the error name stays in brackets for support). */
const REVERT_EXPLAINED: Record<string, string> = {
  EnforcedPause: 'the pool is paused by its guardian',
  NotAllowed: 'this pool is open to approved investors, and the address is not approved',
  BelowMinimumRequest: 'a request must be worth at least the minimum deposit, unless it is all your unlocked shares',
  ExceedsClaimable: 'that is more than your filled redemptions hold',
  DepositsClosed: 'the pool takes no deposits now',
};

/** A sentence the user can act on, for any error out of a wallet action. Never a stack trace. */
export function describeWalletError(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError) || hasCode(error, 4001)) {
      return 'You declined the request in your wallet. Nothing was sent, and your amount is still here.';
    }
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const reason = reverted.data?.errorName ?? reverted.reason;
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

function hasCode(error: unknown, code: number): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === code) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
