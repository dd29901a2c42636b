'use client';

import { createContext, lazy, Suspense, useContext, useId, type ReactNode } from 'react';
import { requestWallet, useWalletDemand } from '@/lib/wallet/wallet-demand';
import { useWalletRoot } from './WalletRoot';

const loadWalletStack = () => import('./WalletStack');
const WalletStack = lazy(loadWalletStack);

const IslandContext = createContext<string | null>(null);

/** Which island a component is in: the connect modal opens in the one whose button was pressed. */
export function useIslandId(): string | null {
  return useContext(IslandContext);
}

/**
 * A part of the page that needs the wallet (the header's Connect, a pool's action panel). Until the visitor asks
 * for the wallet, or when they arrive already connected, it shows `fallback`: plain server-rendered markup of the
 * same size, whose buttons load the wallet stack. Then `children` render inside the stack's providers; every
 * island shares one wagmi config and query client per tab, so they agree on the connection.
 */
export function WalletIsland({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const id = useId();
  const { returning } = useWalletRoot();
  const { wanted } = useWalletDemand();
  return (
    <IslandContext.Provider value={id}>
      {wanted || returning ? (
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
 * the pointer comes near or the button takes focus, so the modal follows the click at once.
 */
export function WalletConnectPrompt({ label, className }: { label: string; className: string }) {
  const island = useIslandId();
  const prefetch = () => void loadWalletStack();
  return (
    <button
      type="button"
      className={className}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
      onClick={() => requestWallet(island ?? undefined)}
    >
      {label}
    </button>
  );
}
