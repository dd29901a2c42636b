/**
 * The lines of a period statement, in the order it lists them, with how each enters the reconciliation:
 * opening + Σ sign × line = closing, to the USDC base unit. The indexer computes them
 * (indexer/src/holding-statement.ts); the page, the CSV and the PDF print them. No imports: both use it.
 */
export const FLOW_LINES = [
  'deposits',
  'instantWithdrawals',
  'queuedWithdrawals',
  'transfersIn',
  'transfersOut',
  'revenueEarned',
  'revenueClaimed',
  'provisions',
  'writeDowns',
  'recoveries',
  'rounding',
] as const;
export type FlowLine = (typeof FLOW_LINES)[number];

/** Withdrawals, transfers out and claims leave the position; losses arrive signed (negative when a loss). */
export const LINE_SIGN: Record<FlowLine, 1n | -1n> = {
  deposits: 1n,
  instantWithdrawals: -1n,
  queuedWithdrawals: -1n,
  transfersIn: 1n,
  transfersOut: -1n,
  revenueEarned: 1n,
  revenueClaimed: -1n,
  provisions: 1n,
  writeDowns: 1n,
  recoveries: 1n,
  rounding: 1n,
};

/** Which of opening + flows + income − losses = closing each line belongs to. */
export const LINE_GROUP: Record<FlowLine, 'flows' | 'income' | 'losses' | 'rounding'> = {
  deposits: 'flows',
  instantWithdrawals: 'flows',
  queuedWithdrawals: 'flows',
  transfersIn: 'flows',
  transfersOut: 'flows',
  revenueClaimed: 'flows',
  revenueEarned: 'income',
  provisions: 'losses',
  writeDowns: 'losses',
  recoveries: 'losses',
  rounding: 'rounding',
};

export const LINE_LABEL: Record<FlowLine, string> = {
  deposits: 'Deposits',
  instantWithdrawals: 'Instant withdrawals',
  queuedWithdrawals: 'Queued withdrawals (filled)',
  transfersIn: 'Shares received',
  transfersOut: 'Shares sent',
  revenueEarned: 'Revenue earned (accrued)',
  revenueClaimed: 'Revenue claimed',
  provisions: 'Provisions (net of releases)',
  writeDowns: 'Write-downs',
  recoveries: 'Recoveries',
  rounding: 'Vault rounding',
};

/** What each line is, for a reader who asks. */
export const LINE_NOTE: Record<FlowLine, string> = {
  deposits: 'USDC deposited.',
  instantWithdrawals: 'USDC withdrawn at once from idle liquidity.',
  queuedWithdrawals: 'Exit requests filled in the period, at the fill price; the USDC then waits to be claimed.',
  transfersIn: 'Pool shares received from another address, at their value when received.',
  transfersOut: 'Pool shares sent to another address, at their value when sent.',
  revenueEarned: 'Machine revenue accrued to the holding in the period, claimed or not.',
  revenueClaimed: 'Revenue paid out in cash: it leaves the position.',
  provisions: 'The holding’s share of provisions for expected losses (negative when raised, positive when released).',
  writeDowns: 'The holding’s share of principal written off.',
  recoveries: 'The holding’s share of written-down principal that came back.',
  rounding: 'The vault rounds every conversion in its own favour: a few base units at most.',
};

/** The position at one end: shares, what they redeem for, and revenue accrued and not yet claimed. */
export type PositionAt = { shares: bigint; value: bigint; unclaimedRevenue: bigint };
export type StatementLines = Record<FlowLine, bigint> & { opening: PositionAt; closing: PositionAt };

export const positionTotal = (p: PositionAt) => p.value + p.unclaimedRevenue;

/** opening + Σ sign × line − closing: zero, to the base unit, for a statement that ties out. */
export function reconciliationGap(lines: StatementLines): bigint {
  let sum = positionTotal(lines.opening);
  for (const line of FLOW_LINES) sum += LINE_SIGN[line] * lines[line];
  return sum - positionTotal(lines.closing);
}

/** The reconciliation in the four terms: flows, income and losses, each signed as it enters. */
export function reconciliationTerms(lines: StatementLines) {
  const sum = (group: (typeof LINE_GROUP)[FlowLine]) =>
    FLOW_LINES.filter((l) => LINE_GROUP[l] === group).reduce((a, l) => a + LINE_SIGN[l] * lines[l], 0n);
  return {
    opening: positionTotal(lines.opening),
    flows: sum('flows'),
    income: sum('income'),
    // Losses as a figure to subtract: positive when the period lost value.
    losses: -sum('losses'),
    rounding: sum('rounding'),
    closing: positionTotal(lines.closing),
  };
}
