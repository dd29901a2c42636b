'use client';

import '@rainbow-me/rainbowkit/styles.css';
import './wallet-theme.css';
import { RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { hydrate } from '@wagmi/core';
import { Suspense, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { cookieToInitialState, WagmiContext, WagmiProvider, type Config } from 'wagmi';
import { claimConnectRequest, finishConnectRequest, useWalletDemand } from '@/lib/wallet/wallet-demand';
import { createWagmiConfig, type WalletSettings } from '@/lib/wallet/wagmi-config';
import { useIslandId } from './WalletIsland';
import { useWalletRoot } from './WalletRoot';

type Stack = { config: Config; queryClient: QueryClient };

const newStack = (settings: WalletSettings): Stack => ({
  config: createWagmiConfig(settings),
  queryClient: new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } }),
});

/**
 * The tab's one config and query client, shared by every island so that they agree on the connection and share
 * reads. Hydrated from wagmi's cookie once, when made (the state the server rendered), and mounted once
 * (rehydrate, then reconnect): a provider per island would wipe the live connection and add the injected
 * wallets again on each mount.
 */
let tab: (Stack & { mount: () => void }) | undefined;

function tabStack(settings: WalletSettings, walletCookie: string | null) {
  if (!tab) {
    const stack = newStack(settings);
    const initialState = cookieToInitialState(stack.config, walletCookie);
    const { onMount } = hydrate(stack.config, { initialState, reconnectOnMount: true });
    let mounted = false;
    const mount = () => {
      if (mounted) return;
      mounted = true;
      void onMount();
    };
    tab = { ...stack, mount };
  }
  return tab;
}

/**
 * Opens the connect modal when this island's Connect was the button pressed: in a layout effect, so the modal
 * renders in the same task as the stack, before the browser draws; the page's other islands go live after that
 * frame (finishConnectRequest).
 */
function OpenConnectWhenAsked() {
  const island = useIslandId();
  const { connectRequestedBy } = useWalletDemand();
  const { openConnectModal } = useConnectModal();
  useLayoutEffect(() => {
    if (!island || connectRequestedBy !== island || !claimConnectRequest(island)) return;
    // Undefined while connected: nothing to open, the request is done all the same.
    openConnectModal?.();
    requestAnimationFrame(() => setTimeout(() => finishConnectRequest(island)));
  }, [island, connectRequestedBy, openConnectModal]);
  return null;
}

/**
 * wagmi, TanStack Query and RainbowKit around one wallet island (loaded with it, never with a read-only page).
 * wagmi's state cookie (`wagmi.store=…`, cut from the request by the layout, nothing else of the Cookie header)
 * lets the server render the connection the client has.
 */
export default function WalletStack({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { settings, walletCookie } = useWalletRoot();
  if (typeof window === 'undefined')
    return <ServerStack {...{ settings, walletCookie, fallback }}>{children}</ServerStack>;
  return <TabStack {...{ settings, walletCookie, fallback }}>{children}</TabStack>;
}

type StackProps = { settings: WalletSettings; walletCookie: string | null; fallback: ReactNode; children: ReactNode };

/**
 * On the server, a config of its own per render, never a module singleton: that would carry one visitor's
 * connection into the next visitor's HTML. wagmi's state cookie (cut from the request by the layout, nothing
 * else of the Cookie header) lets it render the connection the client has.
 */
function ServerStack({ settings, walletCookie, fallback, children }: StackProps) {
  const [stack] = useState(() => newStack(settings));
  return (
    <WagmiProvider config={stack.config} initialState={cookieToInitialState(stack.config, walletCookie)}>
      <Providers stack={stack} fallback={fallback}>
        {children}
      </Providers>
    </WagmiProvider>
  );
}

function TabStack({ settings, walletCookie, fallback, children }: StackProps) {
  const stack = tabStack(settings, walletCookie);
  useEffect(() => stack.mount(), [stack]);
  return (
    <WagmiContext.Provider value={stack.config}>
      <Providers stack={stack} fallback={fallback}>
        {children}
      </Providers>
    </WagmiContext.Provider>
  );
}

/**
 * TanStack Query and RainbowKit around the island's own part, which loads lazily (hence its Suspense). The theme
 * is a generated stylesheet (wallet-theme.css, lib/wallet/wallet-theme.ts), so RainbowKit gets none and renders
 * no wrapper: `data-rk` marks where its styles apply, as its own wrapper would.
 */
function Providers({ stack, fallback, children }: { stack: Stack; fallback: ReactNode; children: ReactNode }) {
  return (
    <QueryClientProvider client={stack.queryClient}>
      <RainbowKitProvider theme={null} appInfo={{ appName: 'Machine Yield' }}>
        <OpenConnectWhenAsked />
        <div data-rk="">
          <Suspense fallback={fallback}>{children}</Suspense>
        </div>
      </RainbowKitProvider>
    </QueryClientProvider>
  );
}
