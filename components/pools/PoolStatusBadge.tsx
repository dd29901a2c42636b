import type { PoolSummary } from '@/lib/indexer/pools';

const LABEL: Record<PoolSummary['status'], string> = { raising: 'Raising', active: 'Active', closed: 'Closed' };
const STYLE: Record<PoolSummary['status'], string> = {
  raising: 'text-accent',
  active: 'text-positive',
  closed: 'text-ink-faint',
};

export function PoolStatusBadge({ status }: { status: PoolSummary['status'] }) {
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${STYLE[status]}`}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {LABEL[status]}
    </span>
  );
}
