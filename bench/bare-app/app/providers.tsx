'use client';

import { connectorsForWallets, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { injectedWallet } from '@rainbow-me/rainbowkit/wallets';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createConfig, http, WagmiProvider } from 'wagmi';
import { foundry } from 'wagmi/chains';

// Injected wallets only: getDefaultConfig and metaMaskWallet need a WalletConnect project id.
const connectors = connectorsForWallets([{ groupName: 'Installed', wallets: [injectedWallet] }], {
  appName: 'Bare',
  projectId: 'unused-without-walletconnect',
});

export function Providers({ children }: { children: ReactNode }) {
  const [config] = useState(() =>
    createConfig({ chains: [foundry], connectors, transports: { [foundry.id]: http() }, ssr: true }),
  );
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider>{children}</RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
