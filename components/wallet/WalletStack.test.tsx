// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// wagmi's own mount and reconnect are what the test watches; RainbowKit's provider and modal stand in as spies.
const wagmi = vi.hoisted(() => ({
  onMount: vi.fn(() => Promise.resolve()),
  hydrate: vi.fn(),
  reconnect: vi.fn(),
  openConnectModal: vi.fn(),
  root: { returning: false },
}));
vi.mock('@wagmi/core', () => ({
  hydrate: (...args: unknown[]) => {
    wagmi.hydrate(...args);
    return { onMount: wagmi.onMount };
  },
  reconnect: wagmi.reconnect,
}));
vi.mock('wagmi', async () => {
  const { createContext } = await import('react');
  return { cookieToInitialState: () => undefined, WagmiContext: createContext(null), WagmiProvider: () => null };
});
vi.mock('@rainbow-me/rainbowkit', () => ({
  RainbowKitProvider: ({ children }: { children: ReactNode }) => children,
  useConnectModal: () => ({ openConnectModal: wagmi.openConnectModal }),
}));
vi.mock('@/lib/wallet/wagmi-config', () => ({ createWagmiConfig: () => ({}) }));
vi.mock('./WalletRoot', () => ({
  useWalletRoot: () => ({ settings: { chains: [] }, walletCookie: null, returning: wagmi.root.returning }),
}));
vi.mock('./WalletIsland', () => ({ useIslandId: () => 'header' }));

const settings = { chains: [{ id: 31337, name: 'Local', rpcUrl: 'http://127.0.0.1:8545' }] } as never;

// The tab's stack and the demand are module state: each test starts from a fresh page.
beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  wagmi.root.returning = false;
});
afterEach(cleanup);

/** Lets the modal's frame pass (requestAnimationFrame, then a timeout) and the promises after it. */
const nextFrame = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

async function page() {
  const stack = await import('./WalletStack');
  const demand = await import('@/lib/wallet/wallet-demand');
  const show = () => render(<stack.default fallback={<p>fallback</p>}>{<p>live</p>}</stack.default>);
  return { ...stack, ...demand, show };
}

describe('the tab wallet stack', () => {
  it('after a press on Connect, is mounted before it renders and reconnects only once the modal is drawn', async () => {
    const { prepareTab, requestWallet, islandMounted, show } = await page();
    islandMounted('header');
    await prepareTab(settings, null, false);
    expect(wagmi.hydrate).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ reconnectOnMount: false }));
    expect(wagmi.onMount).toHaveBeenCalledOnce();

    requestWallet('header');
    show();
    await act(() => Promise.resolve());
    // The modal is asked for in the first render's commit; nothing has reconnected yet.
    expect(wagmi.openConnectModal).toHaveBeenCalledOnce();
    expect(wagmi.reconnect).not.toHaveBeenCalled();

    await nextFrame();
    expect(wagmi.reconnect).toHaveBeenCalledOnce();
    // Mounted once, by the press, not again by the stack's own effect.
    expect(wagmi.onMount).toHaveBeenCalledOnce();
  });

  it('reconnects at once when the wallet is wanted without a modal (an action, the Safe around the frame)', async () => {
    const { requestWallet, show } = await page();
    requestWallet();
    show();
    // In the stack's first commit, not after a frame: no modal is waited for.
    await act(() => Promise.resolve());
    expect(wagmi.onMount).toHaveBeenCalledOnce();
    expect(wagmi.reconnect).toHaveBeenCalledOnce();
    await nextFrame();
    expect(wagmi.reconnect).toHaveBeenCalledOnce();
    expect(wagmi.openConnectModal).not.toHaveBeenCalled();
  });

  it('reconnects when the pressed island left the page before the code was in, and opens no modal', async () => {
    const { prepareTab, requestWallet, islandMounted, show } = await page();
    const leave = islandMounted('header');
    const pressed = prepareTab(settings, null, false);
    leave();
    await pressed;
    requestWallet('header');
    // Another island on the next page is what renders the stack.
    show();
    await act(() => Promise.resolve());
    expect(wagmi.reconnect).toHaveBeenCalledOnce();
    expect(wagmi.openConnectModal).not.toHaveBeenCalled();
  });

  it('still lists the wallets and reconnects when adding a browser wallet fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    wagmi.onMount.mockRejectedValueOnce(new Error('a malformed EIP-6963 announcement'));
    const { prepareTab, requestWallet, islandMounted, show } = await page();
    islandMounted('header');
    await expect(prepareTab(settings, null, false)).resolves.toBeUndefined();
    requestWallet('header');
    show();
    await act(() => Promise.resolve());
    expect(wagmi.openConnectModal).toHaveBeenCalledOnce();
    await nextFrame();
    expect(wagmi.reconnect).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith('wallet: adding the browser wallets failed', expect.any(Error));
    error.mockRestore();
  });

  it("restores a returning visitor's connection as wagmi does, on mount, and does not reconnect a second time", async () => {
    wagmi.root.returning = true;
    const { show } = await page();
    show();
    await nextFrame();
    expect(wagmi.hydrate).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ reconnectOnMount: true }));
    expect(wagmi.onMount).toHaveBeenCalledOnce();
    expect(wagmi.reconnect).not.toHaveBeenCalled();
  });
});
