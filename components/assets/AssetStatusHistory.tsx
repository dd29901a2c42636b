import { LocalDateTime } from '@/components/ui/LocalDateTime';
import type { AssetStatusChange } from '@/lib/indexer/wire';
import { AssetStatusBadge } from './AssetStatusBadge';

/** Registration, then every status change the registry emitted, oldest first. */
export function AssetStatusHistory({ registeredAt, changes }: { registeredAt: bigint; changes: AssetStatusChange[] }) {
  return (
    <ol className="space-y-3 border-l border-line pl-4 text-sm" aria-label="Status history">
      <li className="relative">
        <span aria-hidden className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-line" />
        <div className="font-medium">Registered</div>
        <div className="text-xs text-ink-faint">
          <LocalDateTime seconds={registeredAt} />
        </div>
      </li>
      {changes.map((change) => (
        <li key={change.id} className="relative" data-testid="status-change">
          <span aria-hidden className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-ink-faint" />
          <div className="flex flex-wrap items-center gap-x-2">
            <AssetStatusBadge status={change.previousStatus} />
            <span aria-label="to" className="text-ink-faint">
              →
            </span>
            <AssetStatusBadge status={change.status} />
          </div>
          <div className="text-xs text-ink-faint">
            <LocalDateTime seconds={change.timestamp} /> · block {change.blockNumber.toString()}
          </div>
        </li>
      ))}
    </ol>
  );
}
