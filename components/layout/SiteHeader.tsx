import Link from 'next/link';
import { HeaderWallet } from '@/components/wallet/HeaderWallet';
import type { ThemePreference } from '@/lib/theme/theme-preference';
import { ThemeToggle } from './ThemeToggle';

const NAV = [
  { href: '/pools', label: 'Pools' },
  { href: '/projects', label: 'Projects' },
  { href: '/portfolio', label: 'Portfolio' },
] as const;

export function SiteHeader({ theme }: { theme: ThemePreference }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/85 backdrop-blur">
      {/* Phones: logo and wallet on the first row, the sections on a second; one row from sm up. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:h-16 sm:flex-nowrap sm:px-6">
        <Link href="/" className="flex h-14 items-center gap-2 font-semibold tracking-tight sm:h-auto">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-accent text-sm font-bold text-accent-ink"
          >
            MY
          </span>
          <span>Machine Yield</span>
        </Link>
        <nav
          aria-label="Main"
          className="order-last flex w-full items-center gap-5 pb-2.5 text-sm sm:order-none sm:w-auto sm:gap-4 sm:pb-0"
        >
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="text-ink-muted hover:text-ink">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle initial={theme} />
          <HeaderWallet />
        </div>
      </div>
    </header>
  );
}
