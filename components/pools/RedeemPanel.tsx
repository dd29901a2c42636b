'use client';

import { useId, useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useReadContract, useReadContracts } from 'wagmi';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { WalletGate } from '@/components/wallet/WalletGate';
import { financingPoolAbi } from '@/lib/contracts/abis';
import { formatShares, formatUsdc, parseSharesInput, sharesInputValue } from '@/lib/format/usdc';
import { useIndexerQuery } from '@/lib/indexer/browser-query';
import { parsePoolExits, type PoolExitRequest } from '@/lib/indexer/exit-requests';
import { estimateRedemptionFill } from '@/lib/pools/redemption-estimate';
import {
  FILL_REDEMPTIONS_BATCH,
  useCancelRedeemRequest,
  useClaimRedemption,
  useFillRedemptions,
  useRedeem,
  useRequestRedeem,
} from '@/lib/wallet/use-pool-actions';
import { AmountField } from './AmountField';
import type { PoolChainState } from './PoolActionPanel';
import { TransactionStatus } from './TransactionStatus';

type Props = {
  pool: Address;
  chainId: number;
  chainName: string;
  poolSymbol: string;
  totalAssets: bigint;
  totalSupply: bigint;
  poolState: PoolChainState | undefined;
};

/**
 * Exits. Up to what idle cash allows (the vault's maxRedeem), shares are redeemed at once; beyond that
 * they join the redemption queue (ERC-7540), locked, and are filled first in, first out when anyone
 * processes the queue. Filled requests are then collected in one claim.
 */
export function RedeemPanel({ pool, chainId, chainName, poolSymbol, totalAssets, totalSupply, poolState }: Props) {
  const { address: account } = useAccount();
  const inputId = useId();
  const [input, setInput] = useState('');

  const reads = useReadContracts({
    allowFailure: false,
    contracts: account
      ? [
          { abi: financingPoolAbi, address: pool, functionName: 'unlockedShares', args: [account], chainId },
          { abi: financingPoolAbi, address: pool, functionName: 'maxRedeem', args: [account], chainId },
          { abi: financingPoolAbi, address: pool, functionName: 'claimableRedemption', args: [account], chainId },
        ]
      : [],
    query: { enabled: Boolean(account) },
  });
  const [unlocked, maxRedeem, claimable] = reads.data ?? [];
  // maxRedeem answers the claimable shares first when there are any (ERC-7540): only without them is it
  // the instant-exit limit.
  const claimableShares = claimable?.[0];
  const claimableAssets = claimable?.[1] ?? 0n;
  const hasClaimable = claimableShares !== undefined && claimableShares > 0n;
  const instantMax = claimableShares === undefined || hasClaimable ? undefined : maxRedeem;
  const paused = poolState?.paused === true;
  const parsed = useMemo(
    () => parseSharesInput(input, { max: unlocked, maxLabel: 'your unlocked shares' }),
    [input, unlocked],
  );
  const preview = useReadContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'previewRedeem',
    args: [parsed.ok ? parsed.value : 0n],
    chainId,
    query: { enabled: parsed.ok },
  });

  const poolStateKey = poolState?.queryKey;
  const invalidate = useMemo(
    () => [reads.queryKey, ...(poolStateKey ? [poolStateKey] : []), ['indexer']],
    [reads.queryKey, poolStateKey],
  );
  const options = { pool, account, chainId, invalidate };
  const instant = useRedeem(options);
  const request = useRequestRedeem(options);
  const cancel = useCancelRedeemRequest(options);
  const collect = useClaimRedemption(options);
  const fill = useFillRedemptions(options);
  const actions = [instant, request, cancel, collect, fill];
  const busy = actions.some((t) => t.busy);
  const latest = actions.find((t) => t.state.phase !== 'idle')?.state;
  const resetAll = () => actions.forEach((t) => t.reset());

  const fitsNow = parsed.ok && instantMax !== undefined && parsed.value <= instantMax;
  // As soon as something is typed: a disabled button always says why.
  const showError = !parsed.ok && input !== '';
  // The visitor's own requests, read from the browser (a long queue is not sent to every visitor of the page), with
  // what fills the queue. Refetched with every ['indexer'] query once an action's block is indexed.
  const exits = useIndexerQuery(
    account ? `pools/${pool}/redemptions?controller=${account}&chain=${chainId}` : null,
    parsePoolExits,
  );
  // Requests still waiting, and filled ones until the chain says nothing is left to collect (claims are
  // per account, not per request, so the chain is the judge of what is collectable).
  const queueFill = exits.data;
  const mine = (queueFill?.requests ?? []).filter(
    (r) => r.pendingShares > 0n || (hasClaimable && r.filledAssets > r.claimedAssets),
  );
  // Anyone may fill the queue from idle cash; offered when both are there and the pool runs.
  const canProcessQueue =
    poolState !== undefined && !paused && poolState.pendingRedeemShares > 0n && poolState.idle > 0n;

  return (
    <div className="space-y-5">
      {hasClaimable ? (
        <section
          aria-label="Filled redemptions"
          className="space-y-3 rounded-lg border border-positive/40 bg-positive/5 p-4 text-sm"
        >
          <p>
            <span className="font-medium">Ready to collect: </span>
            <span className="tabular-nums" data-testid="collectable">
              {formatUsdc(claimableAssets)}
            </span>
          </p>
          <p className="text-xs text-ink-muted">
            Your filled requests, paid at the share price of the day they were filled. Collecting stays open while the
            pool is paused.
          </p>
          <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to collect">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                resetAll();
                void collect.claim();
              }}
              className="w-full rounded-lg bg-accent px-4 py-2.5 font-semibold text-accent-ink disabled:opacity-50"
            >
              Collect {formatUsdc(claimableAssets)}
            </button>
          </WalletGate>
        </section>
      ) : null}
      <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to withdraw">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!parsed.ok || busy || paused || hasClaimable) return;
            resetAll();
            void (fitsNow ? instant.redeem(parsed.value) : request.request(parsed.value));
          }}
        >
          <AmountField
            id={inputId}
            name="shares"
            label={`Shares to redeem (${poolSymbol})`}
            available={
              <>
                Unlocked:{' '}
                <span className="tabular-nums" data-testid="unlocked-shares">
                  {unlocked !== undefined ? formatShares(unlocked) : '—'}
                </span>
              </>
            }
            value={input}
            onChange={setInput}
            onMax={unlocked !== undefined ? () => setInput(sharesInputValue(unlocked)) : undefined}
            disabled={busy}
            error={showError && !parsed.ok ? parsed.error : null}
            help={
              parsed.ok && preview.data !== undefined
                ? `Worth about ${formatUsdc(preview.data)} at today’s share price`
                : ''
            }
            placeholder="0.0"
          />
          <p className="text-xs text-ink-muted" data-testid="instant-limit">
            {paused ? (
              'Withdrawals and new requests are paused. You can still collect filled redemptions and cancel a request.'
            ) : hasClaimable ? (
              'Collect your filled redemption first: until then a withdrawal would only collect it.'
            ) : (
              <>
                Available to withdraw at once:{' '}
                <span className="tabular-nums">
                  {instantMax !== undefined ? `${formatShares(instantMax)} shares` : '—'}
                </span>
                {instantMax === 0n && (poolState?.pendingRedeemShares ?? 0n) > 0n
                  ? ' (earlier requests are waiting in the queue)'
                  : instantMax === 0n
                    ? ' (the pool’s cash is deployed in machines)'
                    : ''}
                . More than that joins the redemption queue.
              </>
            )}
          </p>
          <button
            type="submit"
            disabled={!parsed.ok || busy || instantMax === undefined || paused || hasClaimable}
            className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
          >
            {busy ? 'Follow the steps in your wallet…' : fitsNow || !parsed.ok ? 'Withdraw now' : 'Request redemption'}
          </button>
        </form>
      </WalletGate>
      {latest ? <TransactionStatus state={latest} /> : null}
      {canProcessQueue ? (
        <section
          aria-label="Exit queue"
          data-testid="process-exit-queue"
          className="space-y-2 rounded-lg bg-surface-sunken/70 p-4 text-sm"
        >
          <p>
            <span className="tabular-nums">{formatUsdc(poolState.idle)}</span> of idle cash can pay exit requests
            waiting in the queue.
          </p>
          <p className="text-xs text-ink-muted">
            Deposits and repayments do not fill the queue by themselves, so that no one pays gas for other people’s
            requests. Anyone may process it: the oldest requests are filled first (up to{' '}
            {String(FILL_REDEMPTIONS_BATCH)} per transaction), and their owners then collect.
          </p>
          <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to process the queue">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                resetAll();
                void fill.fill();
              }}
              className="rounded-md border border-line px-3 py-1.5 text-xs font-medium hover:bg-ink/5 disabled:opacity-50"
            >
              Process exit queue
            </button>
          </WalletGate>
        </section>
      ) : null}
      {account ? (
        <section aria-label="Your redemption requests">
          <h3 className="text-xs font-medium text-ink-muted">Your redemption requests</h3>
          {exits.isPending ? (
            <p className="mt-2 text-sm text-ink-muted">Reading your requests…</p>
          ) : !queueFill ? (
            <p role="alert" className="mt-2 text-sm text-negative">
              Your requests could not be read from the indexer ({exits.error?.message ?? 'no answer'}). They are safe on
              chain: reload to try again.
            </p>
          ) : mine.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">None waiting.</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {mine.map((r) => (
                <RedemptionRequestItem
                  key={String(r.requestId)}
                  request={r}
                  estimate={estimateRedemptionFill({
                    sharesAhead: r.sharesAhead,
                    pendingShares: r.pendingShares,
                    totalAssets,
                    totalSupply,
                    idle: queueFill.idle,
                    repaidLast90Days: queueFill.repaidLast90Days,
                  })}
                  busy={busy}
                  onCancel={() => {
                    resetAll();
                    void cancel.cancel(r.requestId);
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}

function RedemptionRequestItem({
  request: r,
  estimate,
  busy,
  onCancel,
}: {
  request: PoolExitRequest;
  estimate: ReturnType<typeof estimateRedemptionFill>;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <li className="rounded-lg border border-line p-3 text-sm" data-testid="redemption-request" data-status={r.status}>
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">Request #{String(r.requestId)}</span>
        <span className="text-xs text-ink-faint">
          <LocalDateTime seconds={r.requestedAt} dateOnly />
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <dt className="text-ink-muted">Waiting</dt>
        <dd className="text-right tabular-nums">{formatShares(r.pendingShares)} shares</dd>
        {r.queuePosition !== null ? (
          <>
            <dt className="text-ink-muted">Place in queue</dt>
            <dd className="text-right tabular-nums" data-testid="queue-position">
              #{r.queuePosition} · {formatShares(r.sharesAhead)} shares ahead
            </dd>
            <dt className="text-ink-muted">Expected fill</dt>
            <dd className="text-right" data-testid="expected-fill">
              {estimate.days === 0
                ? 'as soon as the queue is processed'
                : estimate.days === null
                  ? 'when capital is repaid (no repayments in 90 days)'
                  : `in about ${estimate.days} day${estimate.days === 1 ? '' : 's'}`}
            </dd>
          </>
        ) : null}
        {r.filledShares > 0n ? (
          <>
            <dt className="text-ink-muted">Filled</dt>
            <dd className="text-right tabular-nums">{formatUsdc(r.filledAssets)}</dd>
          </>
        ) : null}
      </dl>
      {r.queuePosition !== null && estimate.days !== 0 ? (
        <p className="mt-1 text-[11px] text-ink-faint">
          Estimate: {formatUsdc(estimate.shortfall)} still to come back, at the pace of the last 90 days of repayments.
        </p>
      ) : null}
      {r.pendingShares > 0n ? (
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            onClick={onCancel}
            disabled={busy}
            className="rounded-md border border-line px-3 py-1.5 text-xs font-medium hover:bg-ink/5 disabled:opacity-50"
          >
            Cancel request
          </button>
        </div>
      ) : null}
    </li>
  );
}
