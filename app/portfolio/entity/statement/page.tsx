import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/portfolio/EntityForm';
import { StatementPage } from '@/components/statements/StatementPage';
import { Card, CardTitle } from '@/components/ui/Card';
import { entityPath, parseEntity } from '@/lib/portfolio/entity';
import { loadStatement } from '@/lib/statements/load-statement';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseEntity(await searchParams);
  return {
    title: parsed.ok ? `Statement · ${parsed.entity.name}` : 'Entity statement',
    robots: { index: false },
  };
}

/** An entity's period statement: all its wallets together, each pool and each wallet reconciled. */
export default async function EntityStatementPage({ searchParams }: Props) {
  const query = await searchParams;
  const parsed = parseEntity(query);
  if (!parsed.ok) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Entity statement</h1>
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
  const keep = new URLSearchParams({ name: entity.name, wallets: entity.wallets.join(',') }).toString();
  const loaded = await loadStatement(entity.wallets, query);
  return (
    <StatementPage
      path="/portfolio/entity/statement"
      keep={keep}
      loaded={loaded}
      wallets={entity.wallets}
      header={
        <header className="space-y-2">
          <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
            <Link href="/portfolio" className="hover:text-ink">
              Portfolio
            </Link>{' '}
            /{' '}
            <Link href={entityPath(entity)} className="hover:text-ink">
              {entity.name}
            </Link>{' '}
            / <span className="text-ink">Statement</span>
          </nav>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Period statement · {entity.name}</h1>
          <p className="text-sm text-ink-muted">
            {entity.wallets.length} {entity.wallets.length === 1 ? 'wallet' : 'wallets'} together.
          </p>
        </header>
      }
    />
  );
}
