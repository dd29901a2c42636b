import type { PoolStatus } from '@/lib/indexer/wire';

const LABEL: Record<PoolStatus, string> = { raising: 'Raising', active: 'Active', closed: 'Closed' };
const STYLE: Record<PoolStatus, string> = {
  raising: 'text-accent',
  active: 'text-positive',
  closed: 'text-ink-faint',
};

export function PoolStatusBadge({ status }: { status: PoolStatus }) {
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${STYLE[status]}`}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {LABEL[status]}
    </span>
  );
}
