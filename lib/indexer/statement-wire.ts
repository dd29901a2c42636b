import { z } from 'zod';
import { HISTORY_KINDS } from '../portfolio/history-kinds';
import { FLOW_LINES, reconciliationGap, type StatementLines } from '../statements/statement-lines';
import { bigintString, hexAddress } from './wire';

/** The indexer's period statement (indexer/src/api/statements.ts), as the app reads it, and its check. */
const positionAt = z.object({ shares: bigintString, value: bigintString, unclaimedRevenue: bigintString });
const lines = z.object({
  opening: positionAt,
  closing: positionAt,
  ...(Object.fromEntries(FLOW_LINES.map((line) => [line, bigintString])) as Record<
    (typeof FLOW_LINES)[number],
    typeof bigintString
  >),
});
const boundary = z.object({ block: bigintString, timestamp: bigintString });

/** A period statement's transactions: the history's kinds, and shares moved between holders. */
export const TRANSACTION_KINDS = [...HISTORY_KINDS, 'transfer_in', 'transfer_out'] as const;

export const statementSchema = z.object({
  chainId: z.number().int().positive(),
  from: z.string(),
  to: z.string(),
  opening: boundary,
  closing: boundary,
  complete: z.boolean(),
  holdings: z.array(lines.extend({ account: hexAddress, pool: hexAddress })),
  pools: z.array(lines.extend({ pool: hexAddress })),
  total: lines,
  transactions: z.array(
    z.object({
      kind: z.enum(TRANSACTION_KINDS),
      pool: hexAddress,
      account: hexAddress,
      counterparty: hexAddress.nullable(),
      amount: bigintString.nullable(),
      shares: bigintString.nullable(),
      blockNumber: bigintString,
      timestamp: bigintString,
      txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
    }),
  ),
  transactionsTruncated: z.boolean(),
});
export type PeriodStatement = z.infer<typeof statementSchema>;
export type StatementTransaction = PeriodStatement['transactions'][number];

/** A statement that does not tie out is never shown, downloaded or filed. */
export class StatementRefused extends Error {}

/** Every holding, every pool and the total: opening + flows + income − losses = closing, to the base unit. */
export function checkReconciliation(statement: PeriodStatement): void {
  const all: [string, StatementLines][] = [
    ...statement.holdings.map((h) => [`${h.account} in ${h.pool}`, h] as [string, StatementLines]),
    ...statement.pools.map((p) => [`pool ${p.pool}`, p] as [string, StatementLines]),
    ['the total', statement.total],
  ];
  for (const [what, l] of all) {
    const gap = reconciliationGap(l);
    if (gap !== 0n) throw new StatementRefused(`The statement of ${what} is off by ${gap} base units.`);
  }
}
