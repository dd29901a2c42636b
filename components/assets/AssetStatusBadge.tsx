import type { AssetStatus } from '@/lib/indexer/wire';

const ASSET_STATUS_LABEL: Record<AssetStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  maintenance: 'In maintenance',
  retired: 'Retired',
  impaired: 'Impaired',
};
// Earning is green, a loss is red, everything else is quiet.
const STYLE: Record<AssetStatus, string> = {
  pending: 'text-accent',
  active: 'text-positive',
  maintenance: 'text-ink-muted',
  retired: 'text-ink-faint',
  impaired: 'text-negative',
};

export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium ${STYLE[status]}`}
      data-testid="asset-status"
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {ASSET_STATUS_LABEL[status]}
    </span>
  );
}
