import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AddressLookupForm } from '@/components/portfolio/AddressLookupForm';
import { EntityForm } from '@/components/portfolio/EntityForm';
import { OwnPortfolioEntry } from '@/components/portfolio/OwnPortfolioEntry';
import { Card, CardTitle } from '@/components/ui/Card';
import { parseAddressInput, portfolioPath } from '@/lib/portfolio/portfolio-address';

export const metadata: Metadata = {
  title: 'Portfolio',
  description: 'Positions, real yield, exits and history of any address, read-only.',
};

export const dynamic = 'force-dynamic';

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The lookup form's no-JavaScript path: /portfolio?address=… goes to that portfolio, or says what is wrong.
  const raw = (await searchParams).address;
  const typed = Array.isArray(raw) ? raw[0] : raw;
  let error: string | undefined;
  if (typed !== undefined) {
    const parsed = parseAddressInput(typed);
    if (parsed.ok) redirect(portfolioPath(parsed.address));
    error = parsed.error;
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Portfolio</h1>
        <p className="mt-2 text-ink-muted">
          Positions, yield claimed and claimable, cost basis and P&amp;L, exits waiting in a pool’s queue, and every
          deposit and claim, for any address. Read-only, straight from the chain’s history.
        </p>
      </div>
      <Card>
        <CardTitle>Your wallet</CardTitle>
        <div className="mt-3">
          <OwnPortfolioEntry redirect={typed === undefined} />
        </div>
      </Card>
      <Card>
        <CardTitle>View any address</CardTitle>
        <p className="mt-2 text-sm text-ink-muted">
          No wallet needed: paste an address to read its portfolio and download its statements.
        </p>
        <div className="mt-4">
          <AddressLookupForm initialValue={typed ?? ''} initialError={error} />
        </div>
      </Card>
      <Card>
        <CardTitle>Combine wallets</CardTitle>
        <p className="mt-2 text-sm text-ink-muted">
          A fund that holds through several wallets: read them as one portfolio, with totals, a breakdown per wallet,
          statements and feeds, at a link to share.
        </p>
        <div className="mt-4">
          <EntityForm />
        </div>
      </Card>
    </div>
  );
}
