'use client';

import { useMemo } from 'react';
import { isAddressEqual, type Address } from 'viem';
import { useQuery } from '@tanstack/react-query';
import { useAccount, useConfig } from 'wagmi';
import { PendingTransactionNotice } from '@/components/pools/PendingTransactionNotice';
import { TransactionStatus } from '@/components/pools/TransactionStatus';
import { WalletGate } from '@/components/wallet/WalletGate';
import { formatUsdc } from '@/lib/format/usdc';
import type { ClaimablePools } from '@/lib/portfolio/claimable-pools';
import {
  CLAIM_ALL_LABEL,
  CLAIM_ALL_MAX_POOLS,
  owedLargestFirst,
  readClaimableRevenue,
  useClaimAllRevenue,
} from '@/lib/wallet/use-pool-actions';

/**
 * For the owner of the portfolio only (nothing for anyone else): the real yield owed across their pools, read
 * live from each pool, claimed with one press per chain. A wallet that batches calls (EIP-5792) or a Safe
 * confirms every claim at once; any other wallet is asked for each claim in turn.
 */
export function ClaimAllPanel({ owner, chains }: { owner: Address; chains: ClaimablePools[] }) {
  const { address: connected } = useAccount();
  if (!connected || !isAddressEqual(connected, owner)) return null;
  return (
    <>
      {chains.map((c) => (
        <ChainClaims key={c.chainId} owner={owner} named={chains.length > 1} {...c} />
      ))}
    </>
  );
}

function ChainClaims({
  owner,
  named,
  chainId,
  chainName,
  pools,
}: ClaimablePools & { owner: Address; /** Several chains: each card names its own. */ named: boolean }) {
  const config = useConfig();
  const addresses = useMemo(() => pools.map((p) => p.address), [pools]);
  // Each pool's own claimableRevenue, as the pool page reads it (grows as each distribution streams in).
  const owed = useQuery({
    queryKey: ['claimable-revenue-across', chainId, owner, addresses],
    queryFn: () => readClaimableRevenue(config, addresses, owner, chainId),
    refetchInterval: 15_000,
  });
  const due = useMemo(() => owedLargestFirst(pools, owed.data), [owed.data, pools]);
  const invalidate = useMemo(() => [['claimable-revenue-across', chainId, owner], ['indexer']], [chainId, owner]);
  const { state, claimAll, busy, reset } = useClaimAllRevenue({ pool: addresses, account: owner, chainId, invalidate });
  const claimed = due.slice(0, CLAIM_ALL_MAX_POOLS);
  const total = claimed.reduce((sum, p) => sum + p.amount, 0n);
  // Nothing owed and nothing under way: the card would only say so, and the positions table already does.
  if (owed.data !== undefined && due.length === 0 && state.phase === 'idle') {
    return <PendingTransactionNotice pool={addresses} chainId={chainId} label={CLAIM_ALL_LABEL} />;
  }

  return (
    <section
      aria-labelledby={`claim-all-${chainId}`}
      className="space-y-3 rounded-xl border border-accent/30 bg-accent/5 p-4 sm:p-5"
      data-testid="claim-all"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={`claim-all-${chainId}`} className="text-sm font-semibold">
          Your yield to claim{named ? ` on ${chainName}` : ''}
        </h2>
        <p className="text-2xl font-semibold tabular-nums" data-testid="claim-all-total">
          {owed.data === undefined ? '—' : formatUsdc(total)}
        </p>
      </div>
      {owed.isError ? (
        <p role="alert" className="text-sm text-negative">
          What the pools owe you could not be read from the chain: {owed.error.message.split('\n')[0]}
        </p>
      ) : null}
      {claimed.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Yield owed by pool">
          {claimed.map((p) => (
            <li key={p.address} data-testid="claim-all-pool">
              {p.name} <span className="tabular-nums text-ink">{formatUsdc(p.amount)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to claim">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <button
            type="button"
            disabled={busy || claimed.length === 0}
            onClick={() => {
              reset();
              void claimAll();
            }}
            className="rounded-lg bg-accent px-4 py-2.5 text-sm font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
          >
            {busy
              ? 'Claiming…'
              : claimed.length > 1
                ? `Claim all from ${claimed.length} pools`
                : claimed.length === 1
                  ? 'Claim'
                  : 'Nothing to claim yet'}
          </button>
          <p className="text-xs text-ink-faint">
            {claimed.length > 1
              ? 'One confirmation if your wallet batches calls (a Safe proposes them as one transaction); otherwise one per pool.'
              : 'Paid in USDC to this wallet.'}
            {due.length > CLAIM_ALL_MAX_POOLS
              ? ` The ${CLAIM_ALL_MAX_POOLS} largest first; press again for the other ${due.length - CLAIM_ALL_MAX_POOLS}.`
              : ''}
          </p>
        </div>
      </WalletGate>
      <TransactionStatus state={state} />
      <PendingTransactionNotice pool={addresses} chainId={chainId} label={CLAIM_ALL_LABEL} />
    </section>
  );
}
