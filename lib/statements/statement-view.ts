/**
 * A period statement laid out for reading: the columns (each pool, then the total), the rows (the opening,
 * every line signed as it enters the reconciliation, the closing) and the words for each transaction. The
 * page, the CSV and the PDF all print this one layout.
 */
import type { Address } from 'viem';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { PeriodStatement, StatementTransaction } from '../indexer/statement-wire';
import {
  FLOW_LINES,
  LINE_LABEL,
  LINE_NOTE,
  LINE_SIGN,
  positionTotal,
  type FlowLine,
  type StatementLines,
} from './statement-lines';

export type StatementColumn = { key: string; label: string; pool: Address | null; lines: StatementLines };

export type StatementRow = {
  key: 'openingValue' | 'openingUnclaimed' | 'opening' | FlowLine | 'closing' | 'closingValue' | 'closingUnclaimed';
  label: string;
  note?: string;
  /** A subtotal: the positions at the two ends. */
  total?: boolean;
  amount: (lines: StatementLines) => bigint;
};

/** Each pool the statement covers, then the total of them all. */
export function statementColumns(
  statement: PeriodStatement,
  pools: ReadonlyMap<PoolKey, PoolLabel>,
): StatementColumn[] {
  return [
    ...statement.pools.map((p) => ({
      key: p.pool,
      label: pools.get(poolKey(statement.chainId, p.pool))?.name ?? p.pool,
      pool: p.pool,
      lines: p,
    })),
    { key: 'total', label: 'Total', pool: null, lines: statement.total },
  ];
}

/** The rows, top to bottom: opening + each line (signed) = closing. */
export const STATEMENT_ROWS: readonly StatementRow[] = [
  { key: 'openingValue', label: 'Shares’ value', amount: (l) => l.opening.value },
  { key: 'openingUnclaimed', label: 'Revenue accrued, unclaimed', amount: (l) => l.opening.unclaimedRevenue },
  { key: 'opening', label: 'Opening position', total: true, amount: (l) => positionTotal(l.opening) },
  ...FLOW_LINES.map((line): StatementRow => ({
    key: line,
    label: LINE_LABEL[line],
    note: LINE_NOTE[line],
    amount: (l) => LINE_SIGN[line] * l[line],
  })),
  { key: 'closing', label: 'Closing position', total: true, amount: (l) => positionTotal(l.closing) },
  { key: 'closingValue', label: 'Shares’ value', amount: (l) => l.closing.value },
  { key: 'closingUnclaimed', label: 'Revenue accrued, unclaimed', amount: (l) => l.closing.unclaimedRevenue },
];

export const TRANSACTION_LABEL: Record<StatementTransaction['kind'], string> = {
  deposit: 'Deposit',
  withdrawal: 'Instant withdrawal',
  claim: 'Revenue claimed',
  redemption_request: 'Exit requested',
  redemption_fill: 'Exit filled',
  redemption_claim: 'Exit paid out',
  redemption_cancel: 'Exit cancelled',
  transfer_in: 'Shares received',
  transfer_out: 'Shares sent',
};

export function statementFilename(subject: string, period: { from: string; to: string }, ext: 'csv' | 'pdf') {
  return `machine-yield-${subject}-statement-${period.from}-to-${period.to}.${ext}`;
}
