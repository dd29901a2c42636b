import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { AddressLookupForm } from '@/components/portfolio/AddressLookupForm';
import { ClaimAllSlot } from '@/components/portfolio/ClaimAllSlot';
import { HistoryFilters } from '@/components/portfolio/HistoryFilters';
import { HistoryTable } from '@/components/portfolio/HistoryTable';
import { PortfolioHeader } from '@/components/portfolio/PortfolioHeader';
import { FeedLinks, feedAlternates } from '@/components/ui/FeedLinks';
import { PortfolioSection } from '@/components/portfolio/PortfolioSection';
import { PortfolioSummary } from '@/components/portfolio/PortfolioSummary';
import { PositionTable } from '@/components/portfolio/PositionTable';
import { TranchePositionsSection } from '@/components/portfolio/TranchePositionsSection';
import { getTranchePositions } from '@/lib/indexer/tranches';
import { RedemptionRequestList } from '@/components/portfolio/RedemptionRequestList';
import { shortAddress } from '@/lib/format/address';
import { Card, CardTitle } from '@/components/ui/Card';
import { getPortfolio, HISTORY_LIMIT, poolLosses, poolProvisions } from '@/lib/indexer/accounts';
import { parsePositionView, POSITION_VIEWS, positionsInView, type PositionView } from '@/lib/portfolio/position-view';
import { readIndexer } from '@/lib/indexer/client';
import { historyFilterQuery, isFiltered, parseHistoryFilter } from '@/lib/portfolio/history-filter';
import { parsePortfolioAddress, portfolioPath } from '@/lib/portfolio/portfolio-address';
import { serverEnv } from '@/lib/config/server-env';
import { claimablePools } from '@/lib/portfolio/claimable-pools';
import { poolsHeld, portfolioTotals } from '@/lib/portfolio/portfolio-totals';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return { title: 'Not an address' };
  const title = `Portfolio ${shortAddress(account)}`;
  const description = `Positions, real yield, exits and history of ${account} in Machine Yield pools.`;
  return {
    title,
    description,
    openGraph: { title, description, type: 'website' },
    alternates: feedAlternates(portfolioPath(account), `${title} notices`),
  };
}

export default async function AddressPortfolioPage({ params, searchParams }: Props) {
  const segment = (await params).address;
  const account = parsePortfolioAddress(segment);
  if (!account) notFound();
  const query = await searchParams;
  const filter = parseHistoryFilter(query);
  const view = parsePositionView(query.positions);
  // One URL per portfolio: a lower-case address (as explorers print it) goes to the checksummed one.
  if (segment !== account) redirect(`${portfolioPath(account)}${historyFilterQuery(filter)}`);

  // Tranche positions are read on their own: if only they fail, the rest of the portfolio still shows.
  const trancheRead = readIndexer(() => getTranchePositions(account));
  const [read, tranches] = await Promise.all([
    readIndexer(async () => {
      const portfolio = await getPortfolio(
        account,
        filter,
        trancheRead.then((r) => (r.ok ? r.data : null)),
      );
      const [provisions, losses] = await Promise.all([
        poolProvisions(portfolio.positions),
        poolLosses(portfolio.positions),
      ]);
      return { ...portfolio, provisions, losses };
    }),
    trancheRead,
  ]);
  if (!read.ok) {
    return (
      <div className="space-y-8">
        <PortfolioHeader account={account} />
        <IndexerUnavailable detail={read.error} />
      </div>
    );
  }
  const { positions, redemptions, history, indexed, pools, provisions, losses } = read.data;
  const tranchePositions = tranches.ok ? tranches.data.positions : [];
  const base = portfolioPath(account);
  const nothing =
    positions.length === 0 &&
    tranchePositions.length === 0 &&
    tranches.ok &&
    redemptions.length === 0 &&
    history.length === 0 &&
    !isFiltered(filter);
  const poolOptions = new Map([...pools].sort(([, a], [, b]) => a.name.localeCompare(b.name)));

  return (
    <div className="space-y-10">
      <PortfolioHeader
        account={account}
        indexed={indexed}
        statementHref={`${base}/statement.pdf`}
        periodStatementHref={`${base}/statement`}
        feeds={<FeedLinks pagePath={base} subject="the news of these pools" />}
      />

      {nothing ? (
        <Card className="py-10 text-center">
          <h2 className="text-lg font-semibold">Nothing here yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-ink-muted">
            This address has no positions, no yield and no history in Machine Yield pools. Once it deposits, its shares,
            yield and every transaction appear here.
          </p>
          <Link
            href="/pools"
            className="mt-5 inline-block rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
          >
            Browse the pools
          </Link>
        </Card>
      ) : (
        <>
          <PortfolioSummary
            totals={portfolioTotals([...positions, ...tranchePositions])}
            pools={poolsHeld([...positions, ...tranchePositions])}
            tranched={poolsHeld(tranchePositions)}
            incomplete={
              tranches.ok ? undefined : 'These totals leave out tranche positions, which could not be loaded.'
            }
          />
          <ClaimAllSlot owner={account} chains={claimablePools(positions, serverEnv().CHAIN_ID)} />

          <PortfolioSection
            id="positions"
            title="Positions"
            download={{ href: `${base}/positions.csv`, label: 'Positions CSV' }}
            note={
              <>
                Value is what the shares redeem for at block {indexed.block.toString()}, net of the pools’ provisions
                for expected losses; claimable yield is what the pool’s claimableRevenue reports at that block, and
                keeps growing as revenue streams in. P&amp;L is value minus cost basis (average cost); total return adds
                realised P&amp;L and all yield, claimed or not. Pools the address has left stay listed for their
                realised P&amp;L and the yield claimed there.
              </>
            }
          >
            <div className="space-y-3">
              <PositionViews
                current={view}
                counts={Object.fromEntries(POSITION_VIEWS.map((v) => [v, positionsInView(positions, v).length]))}
                hrefFor={(v) => {
                  const params = new URLSearchParams(historyFilterQuery(filter));
                  if (v !== 'all') params.set('positions', v);
                  const search = params.toString();
                  return `${base}${search ? `?${search}` : ''}`;
                }}
              />
              <PositionTable
                positions={positionsInView(positions, view)}
                provisions={provisions}
                losses={losses}
                empty={
                  view === 'past'
                    ? 'No past positions: this address still holds, or is owed yield in, every pool it entered.'
                    : 'This address holds no pool shares and has no yield waiting.'
                }
              />
            </div>
          </PortfolioSection>

          <TranchePositionsSection
            read={tranches}
            csvHref={`${base}/tranches.csv`}
            note="Value is what the tranche’s shares redeem for at the indexed block: senior and junior of a pool share its machines, and junior takes its losses first. P&L is value minus cost basis (average cost), as for pools; the totals above include these positions. Claimable revenue is what each vault’s claimableRevenue reports at that block; it is claimed on the tranche’s pool page. Tranches the address has left stay listed for their realised P&L and the revenue claimed there."
          />

          <PortfolioSection title="Redemption requests">
            <RedemptionRequestList requests={redemptions} pools={pools} />
          </PortfolioSection>

          <PortfolioSection
            id="history"
            title="History"
            download={{ href: `${base}/history.csv${historyFilterQuery(filter)}`, label: 'History CSV' }}
            note={
              history.length >= HISTORY_LIMIT
                ? `Showing the latest ${HISTORY_LIMIT.toLocaleString('en-US')} entries; filter by type or pool to see older ones.`
                : undefined
            }
          >
            <div className="space-y-4">
              <HistoryFilters account={account} filter={filter} pools={poolOptions} />
              {history.length > 0 ? (
                <HistoryTable history={history} pools={pools} />
              ) : (
                <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-ink-muted">
                  {isFiltered(filter) ? 'No entries match these filters.' : 'No history yet.'}
                </p>
              )}
            </div>
          </PortfolioSection>
        </>
      )}

      <Card>
        <CardTitle>View another address</CardTitle>
        <div className="mt-3">
          <AddressLookupForm submitLabel="View" />
        </div>
      </Card>
    </div>
  );
}

const VIEW_LABEL: Record<PositionView, string> = { all: 'All', current: 'Current', past: 'Past' };

/** All · Current · Past: plain links (the page is the same for every visitor, and cached per view). */
function PositionViews({
  current,
  counts,
  hrefFor,
}: {
  current: PositionView;
  counts: Record<string, number>;
  hrefFor: (view: PositionView) => string;
}) {
  return (
    <nav aria-label="Which positions" className="inline-flex rounded-lg border border-line bg-surface p-0.5 text-xs">
      {POSITION_VIEWS.map((v) => (
        <Link
          key={v}
          href={`${hrefFor(v)}#positions`}
          scroll={false}
          aria-current={v === current ? 'page' : undefined}
          className={`rounded-md px-2.5 py-1 font-medium ${v === current ? 'bg-accent text-accent-ink' : 'text-ink-muted hover:text-ink'}`}
        >
          {VIEW_LABEL[v]} ({counts[v] ?? 0})
        </Link>
      ))}
    </nav>
  );
}
