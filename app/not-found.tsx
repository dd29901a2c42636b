import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-ink-muted">There is nothing at this address.</p>
      <Link href="/pools" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink">
        See the pools
      </Link>
    </div>
  );
}
