import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { shortAddress } from '@/lib/format/address';
import type { IndexedAt } from '@/lib/indexer/wire';
import { OwnWalletNoteSlot } from './OwnWalletNoteSlot';

export function PortfolioHeader({
  account,
  indexed,
  statementHref,
  periodStatementHref,
  feeds,
}: {
  account: Address;
  indexed?: IndexedAt;
  /** The PDF statement's route; absent while the indexer cannot be read. */
  statementHref?: string;
  /** The period statement's page. */
  periodStatementHref?: string;
  /** Links to the address's feeds (FeedLinks). */
  feeds?: ReactNode;
}) {
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/portfolio" className="hover:text-ink">
          Portfolio
        </Link>{' '}
        / <span className="font-mono text-[0.85em] text-ink">{shortAddress(account)}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Portfolio</h1>
        <OwnWalletNoteSlot address={account} />
        {statementHref ? (
          // A plain link: the route answers with an attachment, which client navigation would not handle.
          <a
            href={statementHref}
            download
            className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent sm:ml-auto"
          >
            ↓ Statement (PDF)
          </a>
        ) : null}
        {periodStatementHref ? (
          <Link
            href={periodStatementHref}
            className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent"
          >
            Period statement
          </Link>
        ) : null}
      </div>
      <p className="break-all font-mono text-sm text-ink-muted" data-testid="portfolio-address">
        {account}
      </p>
      {indexed ? (
        <p className="text-xs text-ink-faint" data-testid="indexed-block" data-block={indexed.block.toString()}>
          Read-only. Figures as of block {indexed.block.toString()} (<LocalDateTime seconds={indexed.timestamp} />
          ), as indexed from the chain.
        </p>
      ) : null}
      {feeds}
    </header>
  );
}
