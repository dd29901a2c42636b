import 'server-only';
import type { Address } from 'viem';
import { z } from 'zod';
import { serverEnv } from '../config/server-env';
import type { StatementPeriod } from '../statements/statement-period';
import { getFromIndexer } from './client';
import { checkReconciliation, statementSchema, StatementRefused, type PeriodStatement } from './statement-wire';
import { indexedSchema, type IndexedAt } from './wire';

export { StatementRefused, type PeriodStatement };

/** Where the indexer is on `chainId`: a statement's default period and its latest possible day follow it. */
export async function getIndexedAt(chainId: number = serverEnv().CHAIN_ID): Promise<IndexedAt> {
  const body = await getFromIndexer('/api/status', z.object({ indexed: indexedSchema }), [chainId]);
  return body?.indexed ?? { block: 0n, timestamp: 0n };
}

/** True when the period's first day begins after the indexed block: there is nothing to state yet. */
export const startsAfter = (period: StatementPeriod, indexed: IndexedAt) =>
  BigInt(Date.parse(`${period.from}T00:00:00Z`) / 1000) > indexed.timestamp;

/**
 * The period statement of one account or an entity's wallets on the app's chain, checked to reconcile (else
 * StatementRefused). Ask only for a period that does not start after the indexed block (startsAfter).
 */
export async function getPeriodStatement(
  accounts: readonly Address[],
  period: StatementPeriod,
  chainId: number = serverEnv().CHAIN_ID,
): Promise<{ statement: PeriodStatement; indexed: IndexedAt }> {
  const body = await getFromIndexer(
    `/api/accounts/${accounts.join(',')}/statement?from=${period.from}&to=${period.to}`,
    z.object({ statement: statementSchema, indexed: indexedSchema }),
    [chainId],
  );
  if (!body) throw new StatementRefused('The indexer has no statement endpoint: it is older than this app.');
  checkReconciliation(body.statement);
  return body;
}
