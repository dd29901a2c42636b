import type { Metadata } from 'next';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { ProjectTable } from '@/components/projects/ProjectTable';
import { readIndexer } from '@/lib/indexer/client';
import { listProjects } from '@/lib/indexer/projects';

const description =
  'The operators behind the pools: GPU clouds selling AI compute and fleets renting out robots, with their pools, machines and track record.';

export const metadata: Metadata = {
  title: 'Projects',
  description,
  openGraph: { title: 'Projects', description, type: 'website' },
};

export const dynamic = 'force-dynamic';

export default async function ProjectsPage() {
  const projects = await readIndexer(() => listProjects());

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Projects</h1>
        <p className="mt-2 max-w-2xl text-ink-muted">
          The operators that need financing: GPU clouds that sell compute by the hour, and robot lessors that rent out
          fleets by the month. Each opens pools for its rounds of machines; their record is every dollar of revenue
          paid, principal repaid and loss written down on chain.
        </p>
      </div>
      {!projects.ok ? (
        <IndexerUnavailable detail={projects.error} />
      ) : projects.data.length > 0 ? (
        <>
          <ProjectTable projects={projects.data} />
          <p className="text-xs text-ink-faint">
            TVL: the principal of the project’s pools (idle cash plus capital deployed, net of write-downs). Revenue to
            date: net revenue distributed to the pools’ holders, after the protocol fee. Repaid and written down:
            principal the machines have returned to their pools, and principal the pools have written off.
          </p>
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-line p-10 text-center text-ink-muted">
          No project has been registered yet.
        </p>
      )}
    </div>
  );
}
