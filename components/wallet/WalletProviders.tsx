'use client';

import '@rainbow-me/rainbowkit/styles.css';
import { darkTheme, lightTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { cookieToInitialState, WagmiProvider } from 'wagmi';
import { createWagmiConfig, type WalletSettings } from '@/lib/wallet/wagmi-config';

/**
 * Wallet state for the client. The config and query client live in state, one per browser tab; wagmi's
 * state cookie (`wagmi.store=…`, cut from the request by the server layout with walletStateCookie, nothing
 * else of the Cookie header) lets the server render the same connection the client has.
 */
export function WalletProviders({
  settings,
  walletCookie,
  children,
}: {
  settings: WalletSettings;
  walletCookie: string | null;
  children: ReactNode;
}) {
  const [config] = useState(() => createWagmiConfig(settings));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } }),
  );
  const initialState = cookieToInitialState(config, walletCookie);

  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider
          theme={{
            lightMode: lightTheme({ accentColor: '#0d766e', borderRadius: 'medium' }),
            darkMode: darkTheme({ accentColor: '#2dd4bf', accentColorForeground: '#041e1c', borderRadius: 'medium' }),
          }}
          appInfo={{ appName: 'Machine Yield' }}
        >
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
