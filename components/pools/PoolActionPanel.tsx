'use client';

import type { QueryKey } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { financingPoolAbi } from '@/lib/contracts/abis';
import dynamic from 'next/dynamic';
import { DepositPanel } from './DepositPanel';
import { PendingTransactionNotice } from './PendingTransactionNotice';

// The Withdraw and Claim tabs are hidden on arrival: their code loads when one is opened.
const panelLoading = () => <div className="h-64 animate-pulse rounded-lg bg-ink/5" aria-label="Loading" />;
const RedeemPanel = dynamic(() => import('./RedeemPanel').then((m) => m.RedeemPanel), { loading: panelLoading });
const ClaimPanel = dynamic(() => import('./ClaimPanel').then((m) => m.ClaimPanel), { loading: panelLoading });

const TABS = [
  { key: 'deposit', label: 'Deposit' },
  { key: 'withdraw', label: 'Withdraw' },
  { key: 'claim', label: 'Claim' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export type PoolActionProps = {
  pool: Address;
  usdc: Address;
  chainId: number;
  chainName: string;
  poolSymbol: string;
  closed: boolean;
  minDeposit: bigint;
  totalAssets: bigint;
  totalSupply: bigint;
};

/** What the panels need of the pool itself, read from the chain (exact at this block, unlike the indexed figures). */
export type PoolChainState = {
  paused: boolean;
  permissioned: boolean;
  /** Idle USDC, not counting what is reserved for filled redemptions. */
  idle: bigint;
  pendingRedeemShares: bigint;
  /** The read's key, for the actions that change it (a fill, an exit). */
  queryKey: QueryKey;
};

function usePoolChainState(pool: Address, chainId: number): PoolChainState | undefined {
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi: financingPoolAbi, address: pool, functionName: 'paused', chainId },
      { abi: financingPoolAbi, address: pool, functionName: 'permissioned', chainId },
      { abi: financingPoolAbi, address: pool, functionName: 'idle', chainId },
      { abi: financingPoolAbi, address: pool, functionName: 'pendingRedeemShares', chainId },
    ],
  });
  if (!reads.data) return undefined;
  const [paused, permissioned, idle, pendingRedeemShares] = reads.data;
  return { paused, permissioned, idle, pendingRedeemShares, queryKey: reads.queryKey };
}

/** Deposit, withdraw, claim: one panel, three tabs (arrow keys move between them, as ARIA tabs do). */
export function PoolActionPanel(props: PoolActionProps) {
  const [tab, setTab] = useState<Tab>(props.closed ? 'withdraw' : 'deposit');
  const poolState = usePoolChainState(props.pool, props.chainId);
  const id = useId();
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ deposit: null, withdraw: null, claim: null });

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.key === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + 2) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.key);
    refs.current[TABS[next]!.key]?.focus();
  };

  return (
    <div className="space-y-4">
      <PendingTransactionNotice pool={props.pool} chainId={props.chainId} />
      {poolState?.paused ? <PausedNotice /> : null}
      <div
        role="tablist"
        aria-label="Pool actions"
        className="grid grid-cols-3 rounded-lg bg-surface-sunken p-1"
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[t.key] = el;
            }}
            role="tab"
            type="button"
            id={`${id}-${t.key}-tab`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-${t.key}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            className={`rounded-md px-3 py-2 text-sm font-medium transition ${
              tab === t.key ? 'bg-surface-raised text-ink shadow-sm' : 'text-ink-muted hover:text-ink'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}-tab`}>
        {tab === 'deposit' ? (
          <DepositPanel
            pool={props.pool}
            usdc={props.usdc}
            chainId={props.chainId}
            chainName={props.chainName}
            poolSymbol={props.poolSymbol}
            closed={props.closed}
            minDeposit={props.minDeposit}
            poolState={poolState}
          />
        ) : tab === 'withdraw' ? (
          <RedeemPanel
            pool={props.pool}
            chainId={props.chainId}
            chainName={props.chainName}
            poolSymbol={props.poolSymbol}
            totalAssets={props.totalAssets}
            totalSupply={props.totalSupply}
            poolState={poolState}
          />
        ) : (
          <ClaimPanel pool={props.pool} chainId={props.chainId} chainName={props.chainName} />
        )}
      </div>
    </div>
  );
}

/** A guardian's pause stops every way money moves in or out, except what is already owed to investors. */
function PausedNotice() {
  return (
    <div
      role="status"
      data-testid="pool-paused"
      className="rounded-lg border border-robotics/40 bg-robotics/10 p-3 text-sm"
    >
      <p className="font-medium">This pool is paused by its guardian.</p>
      <p className="mt-1 text-ink-muted">
        Deposits, withdrawals, new exit requests and share transfers wait until it resumes. Still open: claiming revenue
        already paid in, collecting filled redemptions, and cancelling a request.
      </p>
    </div>
  );
}
