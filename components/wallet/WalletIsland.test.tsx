// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWalletDemand } from '@/lib/wallet/wallet-demand';
import { WalletConnectPrompt, WalletIsland } from './WalletIsland';

// The stack's module stands in for RainbowKit, wagmi and viem: its arrival is what the test controls.
let arrive: (() => void) | undefined;
vi.mock('./WalletStack', async () => {
  await new Promise<void>((resolve) => (arrive = resolve));
  return { default: () => <p>wallet stack</p>, prepareTab: () => Promise.resolve() };
});
vi.mock('./WalletRoot', () => ({
  useWalletRoot: () => ({ returning: false, settings: { chains: [] }, walletCookie: null }),
}));

afterEach(cleanup);

function Demand() {
  return <output data-testid="asked">{useWalletDemand().connectRequestedBy ?? 'nobody'}</output>;
}

describe('WalletConnectPrompt', () => {
  it('says at once that it took the press, keeps its name, and asks for the wallet once the code is in', async () => {
    render(
      <WalletIsland
        load={() => Promise.resolve()}
        fallback={<WalletConnectPrompt label="Connect Wallet" className="btn" />}
      >
        <p>live</p>
      </WalletIsland>,
    );
    render(<Demand />);
    const button = screen.getByRole('button', { name: 'Connect Wallet' });
    expect(button).not.toHaveAttribute('aria-busy');

    fireEvent.click(button);
    // Busy while the code travels; the accessible name is still the label (the spinner is aria-hidden).
    expect(screen.getByRole('button', { name: 'Connect Wallet' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByTestId('asked')).toHaveTextContent('nobody');

    await vi.waitFor(() => expect(arrive).toBeDefined());
    expect(screen.getByRole('button', { name: 'Connect Wallet' })).toHaveAttribute('aria-busy', 'true');
    await act(async () => arrive!());
    await vi.waitFor(() => expect(screen.getByTestId('asked')).not.toHaveTextContent('nobody'));
    // The island is live: the stack renders in place of the prompt.
    expect(await screen.findByText('wallet stack')).toBeInTheDocument();
  });
});
