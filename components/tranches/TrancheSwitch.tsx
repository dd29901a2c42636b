import Link from 'next/link';
import { formatPercent } from '@/lib/format/percent';
import type { Tranche, TrancheSide } from '@/lib/indexer/tranche-wire';

/**
 * Senior or junior: plain links (no JavaScript), each with what sets the tranche apart, so the choice reads
 * before it is made.
 */
export function TrancheSwitch({
  selected,
  hrefFor,
  senior,
  junior,
  seniorRateBps,
}: {
  selected: TrancheSide;
  hrefFor: (side: TrancheSide) => string;
  senior: Tranche;
  junior: Tranche;
  seniorRateBps: number;
}) {
  const options = [
    {
      side: 'senior' as const,
      title: 'Senior',
      line: `${formatPercent(seniorRateBps / 10_000)} target · paid first, loses last`,
      tranche: senior,
    },
    {
      side: 'junior' as const,
      title: 'Junior',
      line: `${formatPercent(junior.yield30d)} 30-day yield · first loss, the rest of revenue`,
      tranche: junior,
    },
  ];
  return (
    <nav
      aria-label="Tranche"
      className="grid grid-cols-2 gap-2 rounded-xl bg-surface-sunken p-1.5"
      data-testid="tranche-switch"
    >
      {options.map((o) => (
        <Link
          key={o.side}
          href={hrefFor(o.side)}
          scroll={false}
          aria-current={selected === o.side ? 'page' : undefined}
          className={`rounded-lg px-3 py-2.5 transition ${
            selected === o.side ? 'bg-surface-raised shadow-sm ring-1 ring-line' : 'text-ink-muted hover:text-ink'
          }`}
        >
          <span className="block font-semibold">{o.title}</span>
          <span className="block text-xs text-ink-muted">{o.line}</span>
        </Link>
      ))}
    </nav>
  );
}
