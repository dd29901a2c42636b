'use client';

import { loadable } from '@/lib/react/loadable';
import { WalletConnectPrompt, WalletIsland } from '@/components/wallet/WalletIsland';

const OpenOwnPortfolio = loadable(() => import('./OpenOwnPortfolio').then((m) => ({ default: m.OpenOwnPortfolio })));

/**
 * The way into one's own portfolio: a visitor who has not connected reads why and connects in one press (the
 * wallet's code loads then); a connected one is taken to their portfolio (OpenOwnPortfolio).
 */
export function OwnPortfolioEntry({ redirect }: { redirect: boolean }) {
  return (
    <WalletIsland
      load={OpenOwnPortfolio.load}
      fallback={
        <div className="flex min-h-24 flex-col justify-center gap-3">
          <p className="text-ink-muted">
            Connect a wallet to see its positions, yield and exits. Nothing is signed: reading a portfolio needs no
            transaction.
          </p>
          <div className="flex h-10 items-center self-start">
            <WalletConnectPrompt
              label="Connect Wallet"
              className="h-10 rounded-[10px] bg-accent px-3.5 text-base font-bold text-accent-ink shadow-sm"
            />
          </div>
        </div>
      }
    >
      <OpenOwnPortfolio redirect={redirect} />
    </WalletIsland>
  );
}
