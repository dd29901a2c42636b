import type { PoolCategory } from '@/lib/indexer/wire';

const LABEL: Record<PoolCategory, string> = { compute: 'AI compute', robotics: 'Robotics' };
const STYLE: Record<PoolCategory, string> = {
  compute: 'bg-compute/10 text-compute ring-compute/25',
  robotics: 'bg-robotics/10 text-robotics ring-robotics/25',
};

export function CategoryBadge({ category }: { category: PoolCategory }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[category]}`}
    >
      {LABEL[category]}
    </span>
  );
}
