'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useAccount } from 'wagmi';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { ConnectWalletButton } from '@/components/wallet/ConnectWalletButton';
import { portfolioPath } from '@/lib/portfolio/portfolio-address';

/**
 * The connected wallet's way into its own portfolio. The server renders from the wallet cookie, so a
 * returning visitor sees the same block before and after hydration; once the wallet has (re)connected,
 * we go to its portfolio. Both states share one height, so nothing below moves.
 */
export function OpenOwnPortfolio({ redirect = true }: { redirect?: boolean }) {
  const { address, status } = useAccount();
  const router = useRouter();

  useEffect(() => {
    if (redirect && status === 'connected' && address) router.replace(portfolioPath(address));
  }, [redirect, status, address, router]);

  return (
    <div className="flex min-h-24 flex-col justify-center gap-3">
      {address ? (
        <>
          <p className="text-ink-muted" role="status">
            {redirect && status === 'connected' ? 'Opening the portfolio of ' : 'Your wallet: '}
            <AddressLabel address={address} />
          </p>
          <Link
            href={portfolioPath(address)}
            className="self-start rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-accent-ink"
          >
            Open my portfolio
          </Link>
        </>
      ) : (
        <>
          <p className="text-ink-muted">
            Connect a wallet to see its positions, yield and exits. Nothing is signed: reading a portfolio needs no
            transaction.
          </p>
          <div className="self-start">
            <ConnectWalletButton />
          </div>
        </>
      )}
    </div>
  );
}
