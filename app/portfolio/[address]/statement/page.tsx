import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { StatementPage } from '@/components/statements/StatementPage';
import { shortAddress } from '@/lib/format/address';
import { parsePortfolioAddress, portfolioPath } from '@/lib/portfolio/portfolio-address';
import { loadStatement } from '@/lib/statements/load-statement';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return { title: 'Not an address' };
  return {
    title: `Statement ${shortAddress(account)}`,
    description: `Period statement of ${account} in Machine Yield pools: opening, flows, income, losses, closing.`,
    robots: { index: false },
  };
}

/** An address's period statement: a month, a quarter, a year or any two days, reconciled to the base unit. */
export default async function AddressStatementPage({ params, searchParams }: Props) {
  const segment = (await params).address;
  const account = parsePortfolioAddress(segment);
  if (!account) notFound();
  const query = await searchParams;
  const path = `${portfolioPath(account)}/statement`;
  if (segment !== account) {
    const search = new URLSearchParams(
      Object.entries(query).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    ).toString();
    redirect(`${path}${search ? `?${search}` : ''}`);
  }
  const loaded = await loadStatement([account], query);
  return (
    <StatementPage
      path={path}
      loaded={loaded}
      header={
        <header className="space-y-2">
          <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
            <Link href="/portfolio" className="hover:text-ink">
              Portfolio
            </Link>{' '}
            /{' '}
            <Link href={portfolioPath(account)} className="font-mono text-[0.85em] hover:text-ink">
              {shortAddress(account)}
            </Link>{' '}
            / <span className="text-ink">Statement</span>
          </nav>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Period statement</h1>
          <p className="break-all font-mono text-sm text-ink-muted">{account}</p>
        </header>
      }
    />
  );
}
