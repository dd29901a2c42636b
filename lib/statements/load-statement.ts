import 'server-only';
import type { Address } from 'viem';
import type { PoolKey } from '../chain/pool-key';
import { poolLabels, type PoolLabel } from '../indexer/accounts';
import { readIndexer } from '../indexer/client';
import {
  getIndexedAt,
  getPeriodStatement,
  startsAfter,
  StatementRefused,
  type PeriodStatement,
} from '../indexer/statements';
import type { IndexedAt } from '../indexer/wire';
import { parseStatementPeriod, type StatementPeriod } from './statement-period';

export type LoadedStatement =
  | {
      kind: 'ready';
      period: StatementPeriod;
      statement: PeriodStatement;
      pools: Map<PoolKey, PoolLabel>;
      indexed: IndexedAt;
    }
  /** The URL's period cannot be read: say why, and offer the picker. */
  | { kind: 'bad-period'; error: string; indexed: IndexedAt }
  /** The period starts after the last indexed block: nothing to state yet. */
  | { kind: 'future'; period: StatementPeriod; indexed: IndexedAt }
  /** The indexer cannot answer, or its statement does not tie out: no statement, and why. */
  | { kind: 'unavailable'; error: string };

/** The statement a URL asks for, of one account or an entity's wallets, checked to reconcile. */
export async function loadStatement(
  accounts: readonly Address[],
  params: Record<string, string | string[] | undefined>,
): Promise<LoadedStatement> {
  try {
    const read = await readIndexer(async (): Promise<LoadedStatement> => {
      const indexed = await getIndexedAt();
      const parsed = parseStatementPeriod(params, indexed.timestamp);
      if (!parsed.ok) return { kind: 'bad-period', error: parsed.error, indexed };
      if (startsAfter(parsed.period, indexed)) return { kind: 'future', period: parsed.period, indexed };
      const { statement } = await getPeriodStatement(accounts, parsed.period);
      const pools = await poolLabels(
        [],
        statement.pools.map((p) => ({ chainId: statement.chainId, pool: p.pool })),
      );
      return { kind: 'ready', period: parsed.period, statement, pools, indexed };
    });
    return read.ok ? read.data : { kind: 'unavailable', error: read.error };
  } catch (error) {
    if (error instanceof StatementRefused) return { kind: 'unavailable', error: error.message };
    throw error;
  }
}
