import Link from 'next/link';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { formatUsdc } from '@/lib/format/usdc';
import type { ProjectSummary } from '@/lib/indexer/wire';
import { ProjectCategoryBadge } from './ProjectCategoryBadge';
import { projectHref } from '@/lib/chain/chain-routes';
import { ChainBadge } from '@/components/ui/ChainBadge';

/** Every operator with its track record: a table from `md` up, one card per project on phones. */
export function ProjectTable({ projects }: { projects: ProjectSummary[] }) {
  return (
    <>
      <ProjectCards projects={projects} />
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised md:block">
        <ProjectRows projects={projects} />
      </div>
    </>
  );
}

function ProjectCards({ projects }: { projects: ProjectSummary[] }) {
  return (
    <ul className="space-y-3 md:hidden" aria-label="Projects">
      {projects.map((project) => (
        <li
          key={`${project.chainId}:${project.id}`}
          className="relative rounded-xl border border-line bg-surface-raised p-4"
          data-testid="project-card"
        >
          <div className="flex items-start justify-between gap-3">
            <Link
              href={projectHref(project.chainId, project.id)}
              className="min-w-0 font-medium after:absolute after:inset-0"
            >
              {project.name}
            </Link>
            <ProjectCategoryBadge category={project.category} />
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
            <ChainBadge chainId={project.chainId} />
            <span>
              Operator <AddressLabel address={project.operator} /> · {project.poolCount}{' '}
              {project.poolCount === 1 ? 'pool' : 'pools'} · {project.assetCount}{' '}
              {project.assetCount === 1 ? 'machine' : 'machines'}
            </span>
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <Figure label="TVL" value={formatUsdc(project.tvl, { compact: true })} />
            <Figure label="Revenue to date" value={formatUsdc(project.revenueNet, { compact: true })} />
            <Figure label="Repaid" value={formatUsdc(project.repaid, { compact: true })} />
            <Figure
              label="Written down"
              value={formatUsdc(project.writtenDown, { compact: true })}
              tone={project.writtenDown > 0n ? 'text-negative' : undefined}
            />
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, tone = '' }: { label: string; value: string; tone?: string }) {
  return (
    <div>
      <dt className="text-xs text-ink-faint">{label}</dt>
      <dd className={`font-medium tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

function ProjectRows({ projects }: { projects: ProjectSummary[] }) {
  const th = 'px-4 py-3 text-right';
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Projects and their track record</caption>
      <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
        <tr>
          <th scope="col" className="px-4 py-3">
            Project
          </th>
          <th scope="col" className={th}>
            Pools
          </th>
          <th scope="col" className={th}>
            Machines
          </th>
          <th scope="col" className={th}>
            TVL
          </th>
          <th scope="col" className={th}>
            Revenue to date
          </th>
          <th scope="col" className={th}>
            Repaid
          </th>
          <th scope="col" className={th}>
            Written down
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {projects.map((project) => (
          <tr
            key={`${project.chainId}:${project.id}`}
            className="group relative hover:bg-surface-sunken/50"
            data-testid="project-row"
          >
            <td className="px-4 py-4">
              <Link
                href={projectHref(project.chainId, project.id)}
                className="font-medium after:absolute after:inset-0 group-hover:text-accent"
              >
                {project.name}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-faint">
                <ProjectCategoryBadge category={project.category} />
                <ChainBadge chainId={project.chainId} />
                <span>
                  Operator <AddressLabel address={project.operator} />
                </span>
              </div>
            </td>
            <td className="px-4 py-4 text-right tabular-nums" data-testid="project-pools">
              {project.poolCount}
            </td>
            <td className="px-4 py-4 text-right tabular-nums" data-testid="project-machines">
              {project.assetCount}
            </td>
            <td className="px-4 py-4 text-right font-medium tabular-nums" data-testid="project-tvl">
              {formatUsdc(project.tvl)}
            </td>
            <td className="px-4 py-4 text-right tabular-nums" data-testid="project-revenue">
              {formatUsdc(project.revenueNet)}
            </td>
            <td className="px-4 py-4 text-right tabular-nums">{formatUsdc(project.repaid)}</td>
            <td
              className={`px-4 py-4 text-right tabular-nums ${project.writtenDown > 0n ? 'text-negative' : 'text-ink-muted'}`}
            >
              {formatUsdc(project.writtenDown)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
