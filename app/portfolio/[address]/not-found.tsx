import Link from 'next/link';

export default function PortfolioNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">That is not a wallet address</h1>
      <p className="mt-2 text-ink-muted">
        A portfolio address is 0x followed by 40 hexadecimal characters. Check it for a typo, or look one up.
      </p>
      <Link href="/portfolio" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink">
        Look up an address
      </Link>
    </div>
  );
}
