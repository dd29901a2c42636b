'use client';

import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { erc20Abi, type Address } from 'viem';
import { useAccount, useReadContracts } from 'wagmi';
import { AmountField } from '@/components/pools/AmountField';
import { TransactionStatus } from '@/components/pools/TransactionStatus';
import { WalletGate } from '@/components/wallet/WalletGate';
import { trancheVaultAbi, tranchedPoolAbi } from '@/lib/contracts/abis';
import { formatShares, formatUsdc, parseUsdcInput, usdcInputValue } from '@/lib/format/usdc';
import { useIndexerQuery } from '@/lib/indexer/browser-query';
import type { TrancheSide } from '@/lib/indexer/tranche-wire';
import { depositRefusal } from '@/lib/tranches/tranche-limits';
import { planTrancheExit } from '@/lib/tranches/tranche-exit';
import {
  useTrancheCancel,
  useTrancheClaim,
  useTrancheCollect,
  useTrancheDeposit,
  useTrancheExit,
} from '@/lib/wallet/use-tranche-actions';
import type { TrackedTransaction } from '@/lib/wallet/use-tracked-transaction';
import { parseTrancheExitRequests, TrancheExitRequests } from './TrancheExitRequests';

export type TrancheActionProps = {
  pool: Address;
  vault: Address;
  side: TrancheSide;
  chainId: number;
  chainName: string;
  symbol: string;
  minSubordinationBps: number;
  closed: boolean;
};

const TABS = [
  { key: 'deposit', label: 'Deposit' },
  { key: 'withdraw', label: 'Withdraw' },
  { key: 'claim', label: 'Claim' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/**
 * Deposit into, exit from and claim the revenue of one tranche. The limits are the pool's own answers at this
 * block (maxDeposit / maxWithdraw with the limit that binds), so a refusal is explained before anything is signed.
 */
export function TrancheActionPanel(props: TrancheActionProps) {
  const { pool, vault, side, chainId } = props;
  const isSenior = side === 'senior';
  const { address: account, isConnected, chainId: walletChainId } = useAccount();
  const [tab, setTab] = useState<Tab>(props.closed ? 'withdraw' : 'deposit');
  const id = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ deposit: null, withdraw: null, claim: null });
  // Arrow keys move between the tabs, as ARIA tabs do (PoolActionPanel's behaviour).
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.key === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + 2) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.key);
    tabRefs.current[TABS[next]!.key]?.focus();
  };

  const onPool = { abi: tranchedPoolAbi, address: pool, chainId } as const;
  const onVault = { abi: trancheVaultAbi, address: vault, chainId } as const;
  const poolReads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...onPool, functionName: 'maxDeposit', args: [isSenior] },
      { ...onPool, functionName: 'maxWithdraw', args: [isSenior] },
      { ...onPool, functionName: 'subordinationBps' },
      { ...onPool, functionName: 'paused' },
      // The vault's asset: the pool's USDC.
      { ...onVault, functionName: 'asset' },
      { ...onVault, functionName: 'revenueStreamDuration' },
    ],
    query: { refetchInterval: 15_000 },
  });
  const [maxDeposit, maxWithdraw, subordinationBps, paused, usdc, streamSeconds] = poolReads.data ?? [];
  const terms = { subordinationBps: subordinationBps ?? 0n, minSubordinationBps: props.minSubordinationBps };
  const walletReads = useReadContracts({
    allowFailure: false,
    contracts:
      account && usdc
        ? [
            { abi: erc20Abi, address: usdc, functionName: 'balanceOf', args: [account], chainId },
            { ...onVault, functionName: 'balanceOf', args: [account] },
            { ...onVault, functionName: 'unlockedShares', args: [account] },
            { ...onVault, functionName: 'claimableRevenue', args: [account] },
            { ...onVault, functionName: 'lockedShares', args: [account] },
            { ...onVault, functionName: 'claimableRedemption', args: [account] },
            // A waiting queue is paid first: no exit jumps it.
            { ...onVault, functionName: 'queueHead' },
            { ...onVault, functionName: 'MIN_REQUEST_ASSETS' },
          ]
        : [],
    query: { enabled: Boolean(account && usdc), refetchInterval: 15_000 },
  });
  const [usdcBalance, shares, unlocked, claimable, locked, filled, queueHead, minRequest] = walletReads.data ?? [];
  const value = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...onVault, functionName: 'convertToAssets', args: [shares ?? 0n] },
      { ...onVault, functionName: 'convertToAssets', args: [unlocked ?? 0n] },
    ],
    query: { enabled: shares !== undefined && unlocked !== undefined },
  });
  const [positionValue, unlockedValue] = value.data ?? [];
  const planExit = (amount: bigint) =>
    maxWithdraw === undefined || unlockedValue === undefined || queueHead === undefined || minRequest === undefined
      ? null
      : planTrancheExit({
          side,
          amount,
          unlockedValue,
          poolLimit: { assets: maxWithdraw[0], bySubordination: maxWithdraw[1] },
          queueWaiting: queueHead !== 0,
          minRequest,
          terms,
        });

  const invalidate = useMemo(
    () => [poolReads.queryKey, walletReads.queryKey, value.queryKey, ['indexer']],
    [poolReads.queryKey, walletReads.queryKey, value.queryKey],
  );
  const options = { pool: vault, account, chainId, invalidate };
  const depositTx = useTrancheDeposit({ ...options, usdc: usdc ?? vault });
  const exitTx = useTrancheExit(options);
  const claimTx = useTrancheClaim(options);
  const collectTx = useTrancheCollect(options);
  const cancelTx = useTrancheCancel(options);
  // The controller cancels (ERC-7540): a request another account made for this one is listed too. Refetched with
  // every ['indexer'] query once an action's block is indexed.
  const myRequests = useIndexerQuery(
    account ? `tranched-pools/${pool}/redemptions?controller=${account}&chain=${chainId}` : null,
    parseTrancheExitRequests,
  );
  const wrongNetwork = isConnected && walletChainId !== chainId;

  return (
    <div className="space-y-4" data-testid="tranche-actions" data-tranche={side}>
      {paused ? (
        <p role="status" className="rounded-lg border border-robotics/40 bg-robotics/10 p-3 text-sm">
          This pool is paused by its guardian: deposits and exits wait; claims of revenue already paid in stay open.
        </p>
      ) : null}
      <section aria-labelledby={`${id}-position`} className="rounded-lg bg-surface-sunken/70 p-4">
        <h3 id={`${id}-position`} className="text-xs font-medium text-ink-muted">
          Your {side} position
        </h3>
        {isConnected && account ? (
          <dl className="mt-2 grid grid-cols-2 gap-3">
            <div>
              <dt className="text-xs text-ink-faint">Value</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid="tranche-position-value">
                {positionValue !== undefined ? formatUsdc(positionValue) : '—'}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Shares</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid="tranche-position-shares">
                {shares !== undefined ? formatShares(shares) : '—'}
                <span className="ml-1 text-xs font-normal text-ink-faint">{props.symbol}</span>
              </dd>
            </div>
            {locked ? (
              <div className="col-span-2 text-xs text-ink-muted" data-testid="tranche-queued">
                {formatShares(locked)} {props.symbol} wait in the {side} exit queue (still earning).
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="mt-2 text-sm text-ink-muted">Connect a wallet to see your position.</p>
        )}
      </section>

      <div
        role="tablist"
        aria-label={`${side} tranche actions`}
        className="grid grid-cols-3 rounded-lg bg-surface-sunken p-1"
        onKeyDown={onTabKey}
      >
        {TABS.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              tabRefs.current[t.key] = el;
            }}
            role="tab"
            type="button"
            tabIndex={tab === t.key ? 0 : -1}
            id={`${id}-${t.key}-tab`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-${t.key}-panel`}
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
        <WalletGate chainId={chainId} chainName={props.chainName} connectLabel={`Connect wallet to ${tab}`}>
          {tab === 'deposit' ? (
            props.closed ? (
              <p role="status" className="rounded-lg border border-line p-4 text-sm text-ink-muted">
                This pool is closed to deposits.
              </p>
            ) : (
              <AmountForm
                key={`deposit-${side}`}
                name="deposit"
                label="Amount (USDC)"
                available={usdcBalance}
                availableLabel="Balance"
                max={usdcBalance}
                busy={depositTx.busy || wrongNetwork || usdc === undefined}
                refusal={(amount) =>
                  maxDeposit === undefined
                    ? null
                    : depositRefusal(side, amount, { assets: maxDeposit[0], bySubordination: maxDeposit[1] }, terms)
                }
                submitLabel={() => `Deposit into ${side}`}
                onSubmit={(amount) => {
                  depositTx.reset();
                  void depositTx.deposit(amount);
                }}
                state={depositTx.state}
              />
            )
          ) : tab === 'withdraw' ? (
            <div className="space-y-4">
              {filled && filled[0] > 0n ? (
                // A filled exit is collected first: until then the vault reads any withdraw as that claim.
                <div
                  className="rounded-lg border border-positive/40 bg-positive/5 p-3 text-sm"
                  data-testid="tranche-filled"
                >
                  <p>Your exit was filled: {formatUsdc(filled[1])} is ready to collect.</p>
                  <button
                    type="button"
                    disabled={collectTx.busy}
                    onClick={() => {
                      collectTx.reset();
                      void collectTx.collect();
                    }}
                    className="mt-2 rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink disabled:opacity-60"
                  >
                    Collect {formatUsdc(filled[1])}
                  </button>
                  <p className="mt-2 text-xs text-ink-muted">Collect it before asking for another exit.</p>
                  <TransactionStatus state={collectTx.state} />
                </div>
              ) : (
                <AmountForm
                  key={`withdraw-${side}`}
                  name="withdraw"
                  label="Amount (USDC)"
                  available={unlockedValue}
                  availableLabel={locked ? 'Not queued' : 'Position'}
                  max={unlockedValue}
                  busy={exitTx.busy || wrongNetwork}
                  refusal={(amount) => {
                    const plan = planExit(amount);
                    return plan?.kind === 'refused' ? plan.reason : null;
                  }}
                  // Beyond what is paid now, the amount joins the queue: said, not refused.
                  note={(amount) => {
                    const plan = planExit(amount);
                    return plan?.kind === 'queue' ? plan.note : null;
                  }}
                  submitLabel={(amount) =>
                    planExit(amount)?.kind === 'queue' ? 'Request exit' : `Withdraw from ${side}`
                  }
                  onSubmit={(amount) => {
                    const plan = planExit(amount);
                    if (!plan || plan.kind === 'refused') return;
                    exitTx.reset();
                    void exitTx.exit(amount, plan);
                  }}
                  state={exitTx.state}
                />
              )}
              <TrancheExitRequests
                requests={(myRequests.data ?? []).filter((r) => r.side === side)}
                symbol={props.symbol}
                valueOf={(pending) =>
                  shares === undefined || positionValue === undefined || shares === 0n
                    ? undefined
                    : (pending * positionValue) / shares
                }
                busy={cancelTx.busy || wrongNetwork}
                onCancel={(requestId) => {
                  cancelTx.reset();
                  void cancelTx.cancel(requestId);
                }}
                state={cancelTx.state}
              />
            </div>
          ) : (
            <div className="space-y-4">
              <section className="rounded-lg bg-surface-sunken/70 p-4">
                <h3 className="text-xs font-medium text-ink-muted">Claimable {side} revenue</h3>
                <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="tranche-claimable">
                  {claimable !== undefined ? formatUsdc(claimable) : '—'}
                </p>
                <p className="mt-1 text-xs text-ink-faint">
                  {isSenior
                    ? 'Senior interest at its target rate, paid from each distribution after the protocol fee and before junior.'
                    : 'Everything each distribution leaves after the protocol fee and senior’s interest.'}{' '}
                  {streamSeconds
                    ? `Released over ${Math.round(streamSeconds / 86_400)} days after each distribution.`
                    : 'Released gradually after each distribution.'}
                </p>
              </section>
              <button
                type="button"
                disabled={claimTx.busy || !claimable}
                onClick={() => {
                  claimTx.reset();
                  void claimTx.claim();
                }}
                className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
              >
                {claimTx.busy ? 'Claiming…' : claimable ? `Claim ${formatUsdc(claimable)}` : 'Nothing to claim yet'}
              </button>
              <TransactionStatus state={claimTx.state} />
            </div>
          )}
        </WalletGate>
      </div>
    </div>
  );
}

/** A USDC amount, checked as typed, with the pool's reason when it refuses it, and the action's status under it. */
function AmountForm({
  name,
  label,
  available,
  availableLabel,
  max,
  busy,
  refusal,
  note,
  submitLabel,
  onSubmit,
  state,
}: {
  name: string;
  label: string;
  available: bigint | undefined;
  availableLabel: string;
  max: bigint | undefined;
  busy: boolean;
  refusal: (amount: bigint) => string | null;
  note?: (amount: bigint) => string | null;
  submitLabel: (amount: bigint) => string;
  onSubmit: (amount: bigint) => void;
  state: TrackedTransaction;
}) {
  const id = useId();
  const [input, setInput] = useState('');
  const parsed = useMemo(() => parseUsdcInput(input, { max }), [input, max]);
  const refused = parsed.ok ? refusal(parsed.value) : null;
  const explained = parsed.ok ? (note?.(parsed.value) ?? null) : null;
  const running = state.phase === 'signing' || state.phase === 'mining' || state.phase === 'indexing';
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.ok && !refused && !busy) onSubmit(parsed.value);
      }}
    >
      <AmountField
        id={id}
        name={name}
        label={label}
        available={
          <>
            {availableLabel}:{' '}
            <span className="tabular-nums">{available !== undefined ? formatUsdc(available) : '—'}</span>
          </>
        }
        value={input}
        onChange={setInput}
        onMax={max !== undefined ? () => setInput(usdcInputValue(max)) : undefined}
        disabled={running}
        error={!parsed.ok && input !== '' ? parsed.error : null}
        help=""
      />
      {refused ? (
        <p
          role="alert"
          data-testid="tranche-refusal"
          className="rounded-lg border border-negative/40 bg-negative/5 p-3 text-sm"
        >
          {refused}
        </p>
      ) : explained ? (
        <p
          role="status"
          data-testid="tranche-exit-note"
          className="rounded-lg border border-line p-3 text-sm text-ink-muted"
        >
          {explained}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!parsed.ok || refused !== null || busy}
        className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
      >
        {running ? 'Follow the steps in your wallet…' : parsed.ok ? submitLabel(parsed.value) : submitLabel(0n)}
      </button>
      <TransactionStatus state={state} />
    </form>
  );
}
