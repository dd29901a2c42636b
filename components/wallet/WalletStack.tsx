'use client';

import '@rainbow-me/rainbowkit/styles.css';
import './wallet-theme.css';
import { RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { hydrate, reconnect } from '@wagmi/core';
import { Suspense, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { cookieToInitialState, WagmiContext, WagmiProvider, type Config } from 'wagmi';
import {
  claimConnectRequest,
  connectRequestPending,
  finishConnectRequest,
  useWalletDemand,
} from '@/lib/wallet/wallet-demand';
import { createWagmiConfig, type WalletSettings } from '@/lib/wallet/wagmi-config';
import { useIslandId } from './WalletIsland';
import { useWalletRoot } from './WalletRoot';

type Stack = { config: Config; queryClient: QueryClient };

const newStack = (settings: WalletSettings): Stack => ({
  config: createWagmiConfig(settings),
  queryClient: new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } }),
});

const reportWalletError = (step: string) => (error: unknown) => console.error(`wallet: ${step} failed`, error);

type Tab = Stack & {
  /** Rehydrates wagmi's state and adds the browser's EIP-6963 wallets; a returning visitor's connection is restored. */
  mount: () => Promise<void>;
  /** Asks every wallet whether it still trusts the site (a visitor who connected before), once, after mount. */
  reconnect: () => void;
};

/**
 * The tab's one config and query client, shared by every island so that they agree on the connection and share
 * reads. Hydrated from wagmi's cookie once, when made (the state the server rendered), and mounted once: a
 * provider per island would wipe the live connection and add the injected wallets again on each mount.
 *
 * A returning visitor's connection is restored as wagmi does it, on mount. Anyone else has nothing in the cookie to
 * restore; their reconnect (a wallet that still trusts the site, the Safe around its frame) is a separate step, so
 * that after a press on Connect it runs once the modal is drawn: its state changes would each re-render the stack
 * in the task the visitor waits on.
 */
let tab: Tab | undefined;

function tabStack(settings: WalletSettings, walletCookie: string | null, returning: boolean): Tab {
  if (!tab) {
    const stack = newStack(settings);
    const initialState = cookieToInitialState(stack.config, walletCookie);
    const { onMount } = hydrate(stack.config, { initialState, reconnectOnMount: returning });
    let mounted: Promise<void> | undefined;
    // A wallet whose EIP-6963 announcement wagmi cannot take must not keep the others, or the modal, away.
    const mount = () => (mounted ??= onMount().catch(reportWalletError('adding the browser wallets')));
    let reconnected = returning;
    tab = {
      ...stack,
      mount,
      reconnect: () => {
        if (reconnected) return;
        reconnected = true;
        void mount()
          .then(() => reconnect(stack.config))
          .catch(reportWalletError('reconnecting'));
      },
    };
  }
  return tab;
}

/**
 * The tab's wallet state, made and mounted before the stack first renders (WalletIsland calls it once the code is
 * in, before the island goes live): the first render then shows the browser's wallets in the modal, and does not
 * render again as they are added.
 */
export function prepareTab(settings: WalletSettings, walletCookie: string | null, returning: boolean): Promise<void> {
  return tabStack(settings, walletCookie, returning).mount();
}

/**
 * Opens the connect modal when this island's Connect was the button pressed: in a layout effect, so the modal
 * renders in the same task as the stack, before the browser draws. After that frame the page's other islands go
 * live (finishConnectRequest) and the tab reconnects (a wallet that still trusts the site connects, and RainbowKit
 * closes the modal).
 */
function OpenConnectWhenAsked() {
  const island = useIslandId();
  const { connectRequestedBy } = useWalletDemand();
  const { openConnectModal } = useConnectModal();
  useLayoutEffect(() => {
    if (!island || connectRequestedBy !== island || !claimConnectRequest(island)) return;
    // Undefined while connected: nothing to open, the request is done all the same.
    openConnectModal?.();
    requestAnimationFrame(() =>
      setTimeout(() => {
        finishConnectRequest(island);
        tab?.reconnect();
      }),
    );
  }, [island, connectRequestedBy, openConnectModal]);
  return null;
}

/**
 * wagmi, TanStack Query and RainbowKit around one wallet island (loaded with it, never with a read-only page).
 * wagmi's state cookie (`wagmi.store=…`, cut from the request by the layout, nothing else of the Cookie header)
 * lets the server render the connection the client has.
 */
export default function WalletStack({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { settings, walletCookie, returning } = useWalletRoot();
  if (typeof window === 'undefined')
    return <ServerStack {...{ settings, walletCookie, fallback }}>{children}</ServerStack>;
  return <TabStack {...{ settings, walletCookie, returning, fallback }}>{children}</TabStack>;
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

function TabStack({ settings, walletCookie, returning, fallback, children }: StackProps & { returning: boolean }) {
  const stack = tabStack(settings, walletCookie, returning);
  useEffect(() => {
    // After a press on Connect the modal's island reconnects once it is drawn (OpenConnectWhenAsked).
    void stack.mount().then(() => {
      if (!connectRequestPending()) stack.reconnect();
    });
  }, [stack]);
  return (
    <WagmiContext.Provider value={stack.config}>
      <Providers stack={stack} fallback={fallback}>
        {children}
      </Providers>
    </WagmiContext.Provider>
  );
}

/** One object for the tab's life: a new one per render would re-render every RainbowKit component that reads it. */
const APP_INFO = { appName: 'Machine Yield' };

/**
 * TanStack Query and RainbowKit around the island's own part, which loads lazily (hence its Suspense). The theme
 * is a generated stylesheet (wallet-theme.css, lib/wallet/wallet-theme.ts), so RainbowKit gets none and renders
 * no wrapper: `data-rk` marks where its styles apply, as its own wrapper would.
 */
function Providers({ stack, fallback, children }: { stack: Stack; fallback: ReactNode; children: ReactNode }) {
  return (
    <QueryClientProvider client={stack.queryClient}>
      <RainbowKitProvider theme={null} appInfo={APP_INFO}>
        <OpenConnectWhenAsked />
        <div data-rk="">
          <Suspense fallback={fallback}>{children}</Suspense>
        </div>
      </RainbowKitProvider>
    </QueryClientProvider>
  );
}
