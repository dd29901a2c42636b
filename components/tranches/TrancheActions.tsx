'use client';

import { loadable } from '@/lib/react/loadable';
import { WalletConnectPrompt, WalletIsland } from '@/components/wallet/WalletIsland';
import type { TrancheActionProps } from './TrancheActionPanel';

const TrancheActionPanel = loadable(() =>
  import('./TrancheActionPanel').then((m) => ({ default: m.TrancheActionPanel })),
);

/**
 * A tranche's deposit, exit and claim, whose wallet code loads only for a visitor who acts: a reader sees what the
 * panel offers and one button that connects a wallet and opens it.
 */
export function TrancheActions(props: TrancheActionProps) {
  return (
    <WalletIsland fallback={<TrancheActionPreview {...props} />} load={TrancheActionPanel.load}>
      <TrancheActionPanel {...props} />
    </WalletIsland>
  );
}

function TrancheActionPreview({ side, symbol, closed, chainName }: TrancheActionProps) {
  return (
    <div className="space-y-4" data-testid="tranche-actions-preview">
      <p className="text-sm text-ink-muted">
        {closed
          ? `This pool is closed to deposits. Holders of ${symbol} exit and claim their revenue here.`
          : side === 'senior'
            ? `Deposit USDC for ${symbol}: paid its target rate first, loses last. Exit and claim revenue in cash.`
            : `Deposit USDC for ${symbol}: takes the first loss and the rest of the revenue. Exit and claim in cash.`}
      </p>
      <WalletConnectPrompt
        label={closed ? 'Connect wallet to withdraw' : `Connect wallet to deposit into ${side}`}
        className="w-full rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink"
      />
      <p className="text-xs text-ink-faint">On {chainName}. Reading this page needs no wallet.</p>
    </div>
  );
}
