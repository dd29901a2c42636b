import type { Metadata } from 'next';
import Link from 'next/link';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { EntityForm } from '@/components/portfolio/EntityForm';
import { EntityWalletTable } from '@/components/portfolio/EntityWalletTable';
import { HistoryTable } from '@/components/portfolio/HistoryTable';
import { PortfolioSection } from '@/components/portfolio/PortfolioSection';
import { PortfolioSummary } from '@/components/portfolio/PortfolioSummary';
import { PositionTable } from '@/components/portfolio/PositionTable';
import { RedemptionRequestList } from '@/components/portfolio/RedemptionRequestList';
import { TranchePositionsSection } from '@/components/portfolio/TranchePositionsSection';
import { Card, CardTitle } from '@/components/ui/Card';
import { FeedLinks, feedAlternates } from '@/components/ui/FeedLinks';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { getPortfolio, HISTORY_LIMIT, poolLosses } from '@/lib/indexer/accounts';
import { readIndexer } from '@/lib/indexer/client';
import { getTranchePositions } from '@/lib/indexer/tranches';
import { combinedPositions, entityPath, parseEntity, positionsByWallet } from '@/lib/portfolio/entity';
import { poolsHeld, portfolioTotals } from '@/lib/portfolio/portfolio-totals';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseEntity(await searchParams);
  if (!parsed.ok) return { title: 'Combine wallets' };
  const { entity } = parsed;
  const title = `${entity.name} · ${entity.wallets.length} wallets`;
  return {
    title,
    description: `Positions, real yield, exits and history of ${entity.name}'s ${entity.wallets.length} wallets in Machine Yield pools, read-only.`,
    alternates: feedAlternates(entityPath(entity), `${entity.name} notices`),
  };
}

/**
 * An entity: a fund's several wallets read as one portfolio (lib/portfolio/entity.ts), with totals, a breakdown
 * per wallet, the positions added up per pool, their exits and history, statements and feeds. Its URL is the
 * whole of it, so it is shared as a link; nothing is stored.
 */
export default async function EntityPage({ searchParams }: Props) {
  const parsed = parseEntity(await searchParams);
  if (!parsed.ok) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <Heading name="Combine wallets" />
        <Card>
          <CardTitle>Which wallets?</CardTitle>
          <div className="mt-3">
            <EntityForm name={parsed.input.name} walletsText={parsed.input.walletsText} errors={parsed.errors} />
          </div>
        </Card>
      </div>
    );
  }
  const { entity } = parsed;
  const path = entityPath(entity);
  // Tranche positions are read on their own: if only they fail, the rest of the portfolio still shows.
  const trancheRead = readIndexer(() => getTranchePositions(entity.wallets));
  const [read, tranches] = await Promise.all([
    readIndexer(async () => {
      const portfolio = await getPortfolio(
        entity.wallets,
        {},
        trancheRead.then((r) => (r.ok ? r.data : null)),
      );
      return { ...portfolio, losses: await poolLosses(combinedPositions(portfolio.positions)) };
    }),
    trancheRead,
  ]);
  if (!read.ok) {
    return (
      <div className="space-y-8">
        <Heading name={entity.name} />
        <IndexerUnavailable detail={read.error} />
      </div>
    );
  }
  const { positions, redemptions, history, indexed, pools, losses } = read.data;
  const combined = combinedPositions(positions);
  const tranchePositions = tranches.ok ? tranches.data.positions : [];
  const holdings = [...positions, ...tranchePositions];

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <Heading name={entity.name} />
        <p className="text-sm text-ink-muted">
          {entity.wallets.length} {entity.wallets.length === 1 ? 'wallet' : 'wallets'} read as one portfolio. Read-only;
          this page’s link is the entity, to bookmark or share.
        </p>
        <p className="text-xs text-ink-faint" data-testid="indexed-block" data-block={indexed.block.toString()}>
          Figures as of block {indexed.block.toString()} (<LocalDateTime seconds={indexed.timestamp} />
          ), as indexed from the chain.
        </p>
        <FeedLinks pagePath={path} subject="the news of these pools" />
        <Link
          href={entityPath(entity, '/statement')}
          className="inline-block rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent"
        >
          Period statement
        </Link>
      </header>

      <PortfolioSummary
        totals={portfolioTotals(holdings)}
        pools={poolsHeld(holdings)}
        tranched={poolsHeld(tranchePositions)}
        incomplete={tranches.ok ? undefined : 'These totals leave out tranche positions, which could not be loaded.'}
      />

      <PortfolioSection
        title="Wallets"
        download={{ href: entityPath(entity, '/positions.csv'), label: 'Positions CSV' }}
        note={tranchePositions.length > 0 ? 'Each wallet’s figures include its tranche positions.' : undefined}
      >
        <EntityWalletTable wallets={positionsByWallet(entity.wallets, holdings)} />
      </PortfolioSection>

      <PortfolioSection
        title="Positions"
        note="Each pool’s row adds up the wallets’ shares, value, cost basis, P&L and yield; the wallets’ own rows are in the CSV."
      >
        <PositionTable
          positions={combined}
          losses={losses}
          empty="These wallets hold no pool shares and have no yield waiting."
        />
      </PortfolioSection>

      <TranchePositionsSection
        read={tranches}
        csvHref={entityPath(entity, '/tranches.csv')}
        note="A row per wallet and tranche. Value is what the tranche’s shares redeem for at the indexed block; P&L is value minus cost basis (average cost), as for pools."
        showWallet
      />

      <PortfolioSection title="Redemption requests">
        <RedemptionRequestList requests={redemptions} pools={pools} />
      </PortfolioSection>

      <PortfolioSection
        title="History"
        download={{ href: entityPath(entity, '/history.csv'), label: 'History CSV' }}
        note={
          history.length >= HISTORY_LIMIT
            ? `Showing the latest ${HISTORY_LIMIT.toLocaleString('en-US')} entries of all the wallets.`
            : undefined
        }
      >
        {history.length > 0 ? (
          <HistoryTable history={history} pools={pools} showWallet />
        ) : (
          <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-ink-muted">
            No history yet.
          </p>
        )}
      </PortfolioSection>

      <Card>
        <CardTitle>Change the wallets</CardTitle>
        <div className="mt-3">
          <EntityForm name={entity.name} walletsText={entity.wallets.join('\n')} />
        </div>
      </Card>
    </div>
  );
}

function Heading({ name }: { name: string }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/portfolio" className="hover:text-ink">
          Portfolio
        </Link>{' '}
        / <span className="text-ink">Entity</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{name}</h1>
    </>
  );
}
