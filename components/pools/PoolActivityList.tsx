import { AddressLabel } from '@/components/ui/AddressLabel';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolFlow } from '@/lib/indexer/pools';

const KIND_LABEL = { deposit: 'Deposit', withdrawal: 'Withdrawal' } as const;

export function PoolActivityList({ activity }: { activity: PoolFlow[] }) {
  if (activity.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-muted">No deposits yet. The first one will show here.</p>;
  }
  return (
    <ul className="divide-y divide-line" aria-label="Pool activity">
      {activity.map((flow) => (
        <li key={flow.id} className="flex items-center justify-between gap-4 py-3 text-sm" data-testid="activity-row">
          <div className="min-w-0">
            <div className="font-medium">
              {KIND_LABEL[flow.kind]} <span className="font-normal text-ink-muted">by</span>{' '}
              <AddressLabel address={flow.owner} />
            </div>
            <div className="text-xs text-ink-faint">
              <LocalDateTime seconds={flow.timestamp} /> · block {flow.blockNumber.toString()}
            </div>
          </div>
          <div className={`shrink-0 font-medium tabular-nums ${flow.kind === 'deposit' ? 'text-positive' : ''}`}>
            {flow.kind === 'deposit' ? '+' : '−'}
            {formatUsdc(flow.assets)}
          </div>
        </li>
      ))}
    </ul>
  );
}
