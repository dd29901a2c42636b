import type { IndexerRead } from '@/lib/indexer/client';
import type { TranchePosition } from '@/lib/indexer/tranche-wire';
import { PortfolioSection } from './PortfolioSection';
import { TranchePositionTable } from './TranchePositionTable';

/**
 * An address's or an entity's positions per tranche, with their CSV: said plainly when they could not be read
 * (the rest of the portfolio still shows), left out when there are none.
 */
export function TranchePositionsSection({
  read,
  csvHref,
  note,
  showWallet = false,
}: {
  read: IndexerRead<{ positions: TranchePosition[] }>;
  csvHref: string;
  note: string;
  showWallet?: boolean;
}) {
  if (!read.ok)
    return (
      <PortfolioSection title="Tranche positions">
        <p className="text-sm text-negative">Tranche positions could not be loaded: {read.error}</p>
      </PortfolioSection>
    );
  if (read.data.positions.length === 0) return null;
  return (
    <PortfolioSection
      id="tranches"
      title="Tranche positions"
      download={{ href: csvHref, label: 'Tranches CSV' }}
      note={note}
    >
      <TranchePositionTable positions={read.data.positions} showWallet={showWallet} />
    </PortfolioSection>
  );
}
