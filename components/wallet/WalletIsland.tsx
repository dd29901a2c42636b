'use client';

import { createContext, Suspense, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { loadable } from '@/lib/react/loadable';
import { islandIsLive, islandMounted, requestWallet, useWalletDemand } from '@/lib/wallet/wallet-demand';
import { useWalletRoot } from './WalletRoot';

const WalletStack = loadable(() => import('./WalletStack'));

/**
 * The stack's code and the island's own, fetched in one wave; resolves to the stack's module. The stack's core is
 * asked for on its own as well, so that it runs as soon as it is in (wallet-core.ts).
 */
const islandCode = (load: (() => Promise<unknown>) | undefined) =>
  Promise.all([WalletStack.load() as Promise<typeof import('./WalletStack')>, load?.(), import('./wallet-core')]).then(
    ([stack]) => stack,
  );

type Island = { id: string; load: () => Promise<unknown> };

const IslandContext = createContext<Island | null>(null);

/** Which island a component is in: the connect modal opens in the one whose button was pressed. */
export function useIslandId(): string | null {
  return useContext(IslandContext)?.id ?? null;
}

/**
 * A part of the page that needs the wallet (the header's Connect, a pool's action panel). Until the visitor asks
 * for the wallet, or when they arrive already connected, it shows `fallback`: plain server-rendered markup of the
 * same size, whose buttons load the wallet stack. Then `children` render inside the stack's providers; every
 * island shares one wagmi config and query client per tab, so they agree on the connection.
 *
 * `load`: the island's own lazy code (the module of its `children`), fetched together with the stack so that it
 * is not asked for only once the stack has run: one round trip between a press and the modal, not two.
 */
export function WalletIsland({
  children,
  fallback,
  load,
}: {
  children: ReactNode;
  fallback: ReactNode;
  load: () => Promise<unknown>;
}) {
  const id = useId();
  const { returning } = useWalletRoot();
  const live = islandIsLive(useWalletDemand(), id, returning);
  useEffect(() => islandMounted(id), [id]);
  // The wallet's stylesheet, ahead of any press (wallet-styles.ts); a failed load leaves it to the stack's own.
  useEffect(() => void import('./wallet-styles').catch(() => undefined), []);
  // Inside a frame the app runs as a Safe app: Safe{Wallet} is the wallet, connected at once (wagmi's
  // reconnect finds the Safe connector authorized), so the stack loads with the page.
  useEffect(() => {
    if (window.self !== window.top) requestWallet();
  }, []);
  const island = useMemo(() => ({ id, load }), [id, load]);
  if (live) void islandCode(load);
  return (
    <IslandContext.Provider value={island}>
      {live ? (
        <Suspense fallback={fallback}>
          <WalletStack fallback={fallback}>{children}</WalletStack>
        </Suspense>
      ) : (
        fallback
      )}
    </IslandContext.Provider>
  );
}

/**
 * A button that loads the wallet and opens RainbowKit's connect modal in one press; the code starts loading as
 * the pointer comes near or the button takes focus. The island goes live once its code is in, so the stack
 * renders and the modal opens in one task (lib/react/loadable.ts), not in retries spread over several. If the
 * code cannot load, it goes live all the same, and the failed import reaches the error boundary as React.lazy's.
 */
export function WalletConnectPrompt({ label, className }: { label: string; className: string }) {
  const island = useContext(IslandContext);
  const { settings, walletCookie, returning } = useWalletRoot();
  // Pressed, the code still on its way (on a phone's first tap, most of a second): the button says it took the
  // press. Its name stays the label; the spinner is decoration and aria-busy tells assistive technology.
  const [opening, setOpening] = useState(false);
  const prefetch = () => void islandCode(island?.load).catch(() => undefined);
  const press = () => {
    setOpening(true);
    const live = () => requestWallet(island?.id);
    // The wallet state is made before the island goes live: the stack's first render already lists the browser's
    // wallets, and nothing renders it again before the modal is drawn.
    void islandCode(island?.load)
      .then((stack) => stack.prepareTab(settings, walletCookie, returning))
      .then(live, live);
  };
  return (
    <button
      type="button"
      className={`${className}${opening ? ' cursor-progress' : ''}`}
      aria-busy={opening || undefined}
      data-opening={opening || undefined}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
      onClick={press}
    >
      {opening ? (
        <span
          aria-hidden="true"
          className="mr-2 inline-block size-3.5 rounded-full border-2 border-current border-r-transparent align-[-0.15em] motion-safe:animate-spin"
        />
      ) : null}
      {label}
    </button>
  );
}
