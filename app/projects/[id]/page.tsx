import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssetTable } from '@/components/assets/AssetTable';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { PROJECT_CATEGORY_LABEL, ProjectCategoryBadge } from '@/components/projects/ProjectCategoryBadge';
import { ProjectPoolList } from '@/components/projects/ProjectPoolList';
import { ProjectTranchedPoolList } from '@/components/projects/ProjectTranchedPoolList';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { Card } from '@/components/ui/Card';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { Stat } from '@/components/ui/Stat';
import { projectHref } from '@/lib/chain/chain-routes';
import { servedChain } from '@/lib/config/server-env';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { readIndexer } from '@/lib/indexer/client';
import { getProject } from '@/lib/indexer/projects';
import { parsePositiveId } from '@/lib/indexer/wire';
import { ChainBadge } from '@/components/ui/ChainBadge';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const id = parsePositiveId((await params).id);
  const chain = servedChain((await searchParams).chain);
  const read = id === null || !chain ? null : await readIndexer(() => getProject(chain.id, id));
  const detail = read?.ok ? read.data : null;
  if (!detail) return { title: 'Project' };
  const { project, assets, totals } = detail;
  const poolCount = detail.pools.length + detail.tranchedPools.length;
  const description =
    `${project.name}, ${PROJECT_CATEGORY_LABEL[project.category].toLowerCase()}: ${assets.length} machine groups ` +
    `in ${poolCount} ${poolCount === 1 ? 'pool' : 'pools'} holding ${formatUsdc(totals.tvl)}; ` +
    `${formatUsdc(totals.revenueNet)} net revenue paid to date.`;
  const url = projectHref(chain?.id, id!);
  return { title: project.name, description, openGraph: { title: project.name, description, type: 'website', url } };
}

/** Part of the capital deployed, as a fraction; null before any was deployed. */
function shareOfDeployed(amount: bigint, deployed: bigint): number | null {
  if (deployed === 0n) return null;
  // Basis points in bigint, then a fraction: exact enough for a one-decimal percentage.
  return Number((amount * 10_000n) / deployed) / 10_000;
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const id = parsePositiveId((await params).id);
  // A chain the app does not serve has no such project, as an id that was never registered.
  const chain = servedChain((await searchParams).chain);
  if (id === null || !chain) notFound();
  const read = await readIndexer(() => getProject(chain.id, id));
  if (!read.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Project #{id.toString()}</h1>
        <IndexerUnavailable detail={read.error} />
      </div>
    );
  }
  if (!read.data) notFound();
  const { project, pools, tranchedPools, assets, totals } = read.data;
  const poolCount = pools.length + tranchedPools.length;
  const impaired = assets.filter((a) => a.status === 'impaired').length;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/projects" className="hover:text-ink">
          Projects
        </Link>{' '}
        / <span className="text-ink">{project.name}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <ProjectCategoryBadge category={project.category} />
          <ChainBadge chainId={chain.id} />
          <span className="text-xs text-ink-faint">
            Operator <AddressLabel address={project.operator} />
          </span>
          <span className="text-xs text-ink-faint">
            · registered <LocalDateTime seconds={project.createdAt} dateOnly />
          </span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{project.name}</h1>
        <p className="text-ink-muted">
          Runs {assets.length} machine {assets.length === 1 ? 'group' : 'groups'} (
          {totals.units.toLocaleString('en-US')} units) financed through {poolCount}{' '}
          {poolCount === 1 ? 'pool' : 'pools'}
          {tranchedPools.length > 0 ? ` (${tranchedPools.length} in senior and junior tranches)` : null}.
        </p>
      </header>

      <Card>
        <dl className="grid grid-cols-1 gap-5 min-[390px]:grid-cols-2 md:grid-cols-3">
          <Stat label="Total value locked" value={formatUsdc(totals.tvl)} hint="principal of its pools" />
          <Stat label="Outstanding principal" value={formatUsdc(totals.outstanding)} hint="in machines now" />
          <Stat label="Revenue to date" value={formatUsdc(totals.revenueNet)} hint="net, paid to holders" />
          <Stat
            label="Principal repaid"
            value={formatUsdc(totals.repaid)}
            hint={`${formatPercent(shareOfDeployed(totals.repaid, totals.deployed))} of ${formatUsdc(totals.deployed, { compact: true })} deployed`}
          />
          <Stat
            label="Written down"
            value={
              <span className={totals.writtenDown > 0n ? 'text-negative' : undefined}>
                {formatUsdc(totals.writtenDown)}
              </span>
            }
            hint={`${formatPercent(shareOfDeployed(totals.writtenDown, totals.deployed))} of deployed`}
          />
          <Stat
            label="Machines"
            value={assets.length}
            hint={impaired > 0 ? `${impaired} impaired` : `${totals.units.toLocaleString('en-US')} units`}
          />
        </dl>
      </Card>

      {/* A project with tranched pools alone has no single pools to list, and no reason to say it has no pool. */}
      {pools.length > 0 || tranchedPools.length === 0 ? (
        <section className="space-y-3" aria-labelledby="pools-heading">
          <h2 id="pools-heading" className="text-lg font-semibold">
            Pools
          </h2>
          <ProjectPoolList pools={pools} />
        </section>
      ) : null}

      {tranchedPools.length > 0 ? (
        <section className="space-y-3" aria-labelledby="tranched-pools-heading">
          <h2 id="tranched-pools-heading" className="text-lg font-semibold">
            Tranched pools
          </h2>
          <p className="text-sm text-ink-muted">
            Each finances its machines through two tranches: senior is paid its target rate first and loses last; junior
            takes the rest of the revenue and the first loss.
          </p>
          <ProjectTranchedPoolList pools={tranchedPools} />
        </section>
      ) : null}

      <section className="space-y-3" aria-labelledby="machines-heading">
        <h2 id="machines-heading" className="text-lg font-semibold">
          Machines
        </h2>
        <AssetTable assets={assets} label={`Machines run by ${project.name}`} />
      </section>
    </div>
  );
}
