'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { WalletSettings } from '@/lib/wallet/wagmi-config';

type WalletRootValue = {
  settings: WalletSettings;
  /** wagmi's state cookie (cut from the request by the layout), for the server to render the same connection. */
  walletCookie: string | null;
  /** The visitor arrives with a wallet connected: the stack loads with the page, not on demand. */
  returning: boolean;
};

const WalletRootContext = createContext<WalletRootValue | null>(null);

/**
 * What the wallet islands need from the server, and nothing of the wallet's code: the page renders and hydrates
 * without wagmi or RainbowKit, which load when a visitor asks for them (components/wallet/WalletIsland.tsx).
 */
export function WalletRoot({ children, ...value }: WalletRootValue & { children: ReactNode }) {
  return <WalletRootContext.Provider value={value}>{children}</WalletRootContext.Provider>;
}

export function useWalletRoot(): WalletRootValue {
  const value = useContext(WalletRootContext);
  if (!value) throw new Error('A wallet island is rendered outside WalletRoot (app/layout.tsx).');
  return value;
}
