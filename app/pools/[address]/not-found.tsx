import Link from 'next/link';

export default function PoolNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">No pool at this address</h1>
      <p className="mt-2 text-ink-muted">Check the address, or pick a pool from the list.</p>
      <Link href="/pools" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink">
        See all pools
      </Link>
    </div>
  );
}
