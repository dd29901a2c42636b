'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import type { ReactNode } from 'react';
import { useAccount, useSwitchChain } from 'wagmi';

/**
 * Writes need a connected wallet on the app's chain. Without one this shows how to get there (connect, or
 * switch network) in place of `children`; reading the page never needs it.
 */
export function WalletGate({
  chainId,
  chainName,
  connectLabel,
  children,
}: {
  chainId: number;
  chainName: string;
  connectLabel: string;
  children: ReactNode;
}) {
  const { chainId: walletChainId, isConnected } = useAccount();
  const { switchChain, isPending: switching, error: switchError } = useSwitchChain();
  if (!isConnected) return <ConnectButton label={connectLabel} />;
  if (walletChainId !== chainId) {
    return (
      <div role="alert" className="space-y-3 rounded-lg border border-robotics/40 bg-robotics/10 p-4 text-sm">
        <p>Your wallet is on another network. This pool lives on {chainName}.</p>
        <button
          type="button"
          onClick={() => switchChain({ chainId })}
          disabled={switching}
          className="rounded-lg bg-accent px-4 py-2 font-medium text-accent-ink disabled:opacity-60"
        >
          {switching ? 'Switching…' : `Switch to ${chainName}`}
        </button>
        {switchError ? <p className="text-negative">{switchError.message.split('\n')[0]}</p> : null}
      </div>
    );
  }
  return <>{children}</>;
}
