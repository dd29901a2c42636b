import type { AssetKind } from '@/lib/indexer/wire';

export const ASSET_KIND_LABEL: Record<AssetKind, string> = {
  gpu_cluster: 'GPU cluster',
  robot_fleet: 'Robot fleet',
  other: 'Other hardware',
};
const STYLE: Record<AssetKind, string> = {
  gpu_cluster: 'bg-compute/10 text-compute ring-compute/25',
  robot_fleet: 'bg-robotics/10 text-robotics ring-robotics/25',
  other: 'bg-surface-sunken text-ink-muted ring-line',
};

export function AssetKindBadge({ kind }: { kind: AssetKind }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[kind]}`}
    >
      {ASSET_KIND_LABEL[kind]}
    </span>
  );
}
