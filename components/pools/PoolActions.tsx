'use client';

import { loadable } from '@/lib/react/loadable';
import { WalletConnectPrompt, WalletIsland } from '@/components/wallet/WalletIsland';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolActionProps } from './PoolActionPanel';

const PoolActionPanel = loadable(() => import('./PoolActionPanel').then((m) => ({ default: m.PoolActionPanel })));

/**
 * Deposit, withdraw and claim, whose code (wagmi, RainbowKit, the panels) loads only for a visitor who acts: a
 * reader sees what the panel offers and one button that connects a wallet and opens it.
 */
export function PoolActions(props: PoolActionProps) {
  return (
    <WalletIsland fallback={<PoolActionPreview {...props} />} load={PoolActionPanel.load}>
      <PoolActionPanel {...props} />
    </WalletIsland>
  );
}

function PoolActionPreview({ closed, minDeposit, poolSymbol, chainName }: PoolActionProps) {
  return (
    <div className="space-y-4" data-testid="pool-actions-preview">
      <p className="text-sm text-ink-muted">
        {closed
          ? `This pool is closed to deposits. Holders of ${poolSymbol} withdraw and claim their yield here.`
          : `Deposit USDC for ${poolSymbol} shares (from ${formatUsdc(minDeposit)}), withdraw, and claim the machines’ revenue in cash.`}
      </p>
      <WalletConnectPrompt
        label={closed ? 'Connect wallet to withdraw' : 'Connect wallet to deposit'}
        className="w-full rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink"
      />
      <p className="text-xs text-ink-faint">On {chainName}. Reading this page needs no wallet.</p>
    </div>
  );
}
