import Link from 'next/link';

export default function ProjectNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">No project with this id</h1>
      <p className="mt-2 text-ink-muted">Check the id, or pick an operator from the list.</p>
      <Link href="/projects" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink">
        See all projects
      </Link>
    </div>
  );
}
