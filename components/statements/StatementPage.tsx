import type { ReactNode } from 'react';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { Card } from '@/components/ui/Card';
import type { LoadedStatement } from '@/lib/statements/load-statement';
import { presetPeriods } from '@/lib/statements/statement-period';
import { PeriodPicker } from './PeriodPicker';
import { StatementBody } from './StatementBody';

/**
 * A period statement page, of an address or an entity: the heading, the period picker, then the statement
 * or why there is none (a bad period, one not begun on chain, an indexer that cannot answer).
 */
export function StatementPage({
  header,
  loaded,
  path,
  keep,
  wallets,
}: {
  header: ReactNode;
  loaded: LoadedStatement;
  /** This page's path, and the query it keeps (an entity's wallets) besides the period. */
  path: string;
  keep?: string;
  /** An entity's wallets. */
  wallets?: readonly `0x${string}`[];
}) {
  if (loaded.kind === 'unavailable')
    return (
      <div className="space-y-8">
        {header}
        <IndexerUnavailable detail={`${loaded.error} No statement was produced.`} />
      </div>
    );
  const current = loaded.kind === 'bad-period' ? undefined : loaded.period;
  const download = (ext: 'csv' | 'pdf') => `${path}/period.${ext}?${keep ? `${keep}&` : ''}${current?.query ?? ''}`;
  return (
    <div className="space-y-8">
      {header}
      <PeriodPicker path={path} keep={keep} presets={presetPeriods(loaded.indexed.timestamp)} current={current} />
      {loaded.kind === 'bad-period' ? (
        <Card>
          <p role="alert" className="text-sm text-negative">
            {loaded.error}
          </p>
        </Card>
      ) : loaded.kind === 'future' ? (
        <Card>
          <p className="text-sm text-ink-muted">
            {loaded.period.label} starts after the latest indexed block ({loaded.indexed.block.toString()}): there is
            nothing to state yet.
          </p>
        </Card>
      ) : (
        <StatementBody
          period={loaded.period}
          statement={loaded.statement}
          pools={loaded.pools}
          downloads={{ csv: download('csv'), pdf: download('pdf') }}
          wallets={wallets}
        />
      )}
    </div>
  );
}
