'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useAccount, useReadContract } from 'wagmi';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { WalletGate } from '@/components/wallet/WalletGate';
import { financingPoolAbi } from '@/lib/contracts/abis';
import { formatUsdc } from '@/lib/format/usdc';
import { useIndexerQuery } from '@/lib/indexer/browser-query';
import { useClaimRevenue } from '@/lib/wallet/use-pool-actions';
import { TransactionStatus } from './TransactionStatus';

type Claim = { amount: bigint; timestamp: bigint; txHash: string };

// Checked by hand rather than with zod: zod would be ~33 KiB more JavaScript on the pool page.
function parseClaims(body: unknown): { history: Claim[] } {
  const rows = (body as { history?: unknown } | null)?.history;
  if (!Array.isArray(rows)) throw new Error('The indexer’s answer has an unexpected shape.');
  return {
    history: rows.map((row: { amount?: unknown; timestamp?: unknown; txHash?: unknown }) => {
      if (typeof row.amount !== 'string' || typeof row.timestamp !== 'string' || typeof row.txHash !== 'string') {
        throw new Error('The indexer’s answer has an unexpected shape.');
      }
      return { amount: BigInt(row.amount), timestamp: BigInt(row.timestamp), txHash: row.txHash };
    }),
  };
}

/**
 * Real yield, paid in USDC: what the account may claim now (a contract read that grows as each
 * distribution streams in) and the claims it has made (from the indexer).
 */
export function ClaimPanel({ pool, chainId, chainName }: { pool: Address; chainId: number; chainName: string }) {
  const { address: account } = useAccount();
  const claimable = useReadContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'claimableRevenue',
    args: [account!],
    chainId,
    query: { enabled: Boolean(account), refetchInterval: 15_000 },
  });
  const claims = useIndexerQuery(
    account ? `accounts/${account}/history?kind=claim&pool=${pool}&limit=10&chain=${chainId}` : null,
    parseClaims,
  );
  const invalidate = useMemo(() => [claimable.queryKey, ['indexer']], [claimable.queryKey]);
  const { state, claim, busy, reset } = useClaimRevenue({ pool, account, chainId, invalidate });
  const amount = claimable.data;

  return (
    <div className="space-y-5">
      <section className="rounded-lg bg-surface-sunken/70 p-4">
        <h3 className="text-xs font-medium text-ink-muted">Claimable real yield</h3>
        <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="claimable-revenue">
          {account && amount !== undefined ? formatUsdc(amount) : '—'}
        </p>
        <p className="mt-1 text-xs text-ink-faint">
          Machine revenue net of the protocol fee, released to holders over 7 days after each distribution.
        </p>
      </section>
      <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to claim">
        <button
          type="button"
          disabled={busy || !amount}
          onClick={() => {
            reset();
            void claim();
          }}
          className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
        >
          {busy ? 'Claiming…' : amount ? `Claim ${formatUsdc(amount)}` : 'Nothing to claim yet'}
        </button>
      </WalletGate>
      <TransactionStatus state={state} />
      {account ? (
        <section>
          <h3 className="text-xs font-medium text-ink-muted">Your latest claims in this pool</h3>
          {claims.isError ? (
            <p className="mt-2 text-sm text-negative">Claims could not be loaded: {claims.error.message}</p>
          ) : claims.data === undefined ? (
            <p className="mt-2 h-5 w-40 animate-pulse rounded bg-ink/10" aria-label="Loading claims" />
          ) : claims.data.history.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">No claims yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-line text-sm" aria-label="Your claims">
              {claims.data.history.map((c) => (
                <li key={c.txHash} className="flex justify-between gap-3 py-2" data-testid="claim-row">
                  <LocalDateTime seconds={c.timestamp} />
                  <span className="tabular-nums">{formatUsdc(c.amount)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
