import Link from 'next/link';
import { ConnectWalletButton } from '@/components/wallet/ConnectWalletButton';

const NAV = [{ href: '/pools', label: 'Pools' }] as const;

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-accent text-sm font-bold text-accent-ink"
          >
            MY
          </span>
          <span className="hidden sm:inline">Machine Yield</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="text-ink-muted hover:text-ink">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">
          <ConnectWalletButton />
        </div>
      </div>
    </header>
  );
}
