'use client';

import { useId, useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useReadContract, useReadContracts } from 'wagmi';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { WalletGate } from '@/components/wallet/WalletGate';
import { financingPoolAbi } from '@/lib/contracts/abis';
import { formatShares, formatUsdc, parseSharesInput, sharesInputValue } from '@/lib/format/usdc';
import type { PoolRedemption, RedemptionQueue } from '@/lib/indexer/pools';
import { estimateRedemptionFill } from '@/lib/pools/redemption-estimate';
import { useRedeem } from '@/lib/wallet/use-redeem';
import { useCancelRedeemRequest, useClaimRedemption, useRequestRedeem } from '@/lib/wallet/use-redemption-queue';
import { AmountField } from './AmountField';
import { TransactionStatus } from './TransactionStatus';

type Props = {
  pool: Address;
  chainId: number;
  chainName: string;
  poolSymbol: string;
  totalAssets: bigint;
  totalSupply: bigint;
  queue: RedemptionQueue;
};

/**
 * Exits. Up to what idle cash allows (the vault's maxRedeem), shares are redeemed at once; beyond that
 * they join the redemption queue, locked, and are paid first in, first out as capital comes back.
 */
export function RedeemPanel({ pool, chainId, chainName, poolSymbol, totalAssets, totalSupply, queue }: Props) {
  const { address: account } = useAccount();
  const inputId = useId();
  const [input, setInput] = useState('');

  const reads = useReadContracts({
    allowFailure: false,
    contracts: account
      ? [
          { abi: financingPoolAbi, address: pool, functionName: 'unlockedShares', args: [account], chainId },
          { abi: financingPoolAbi, address: pool, functionName: 'maxRedeem', args: [account], chainId },
        ]
      : [],
    query: { enabled: Boolean(account) },
  });
  const [unlocked, maxRedeem] = reads.data ?? [];
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

  const invalidate = useMemo(() => [reads.queryKey, ['indexer']], [reads.queryKey]);
  const options = { pool, account, chainId, invalidate };
  const instant = useRedeem(options);
  const request = useRequestRedeem(options);
  const cancel = useCancelRedeemRequest(options);
  const collect = useClaimRedemption(options);
  const busy = instant.busy || request.busy || cancel.busy || collect.busy;
  const latest = [instant, request, cancel, collect].find((t) => t.state.phase !== 'idle')?.state;
  const resetAll = () => [instant, request, cancel, collect].forEach((t) => t.reset());

  const fitsNow = parsed.ok && maxRedeem !== undefined && parsed.value <= maxRedeem;
  // As soon as something is typed: a disabled button always says why.
  const showError = !parsed.ok && input !== '';
  const mine = account
    ? queue.redemptions.filter(
        (r) =>
          r.owner.toLowerCase() === account.toLowerCase() && (r.pendingShares > 0n || r.filledAssets > r.claimedAssets),
      )
    : [];

  return (
    <div className="space-y-5">
      <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to withdraw">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!parsed.ok || busy) return;
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
            Available to withdraw at once:{' '}
            <span className="tabular-nums">{maxRedeem !== undefined ? `${formatShares(maxRedeem)} shares` : '—'}</span>
            {maxRedeem === 0n && queue.queue.pendingShares > 0n
              ? ' (earlier requests are waiting in the queue)'
              : maxRedeem === 0n
                ? ' (the pool’s cash is deployed in machines)'
                : ''}
            . More than that joins the redemption queue.
          </p>
          <button
            type="submit"
            disabled={!parsed.ok || busy || maxRedeem === undefined}
            className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
          >
            {busy ? 'Follow the steps in your wallet…' : fitsNow || !parsed.ok ? 'Withdraw now' : 'Request redemption'}
          </button>
        </form>
      </WalletGate>
      {latest ? <TransactionStatus state={latest} /> : null}
      {account ? (
        <section aria-label="Your redemption requests">
          <h3 className="text-xs font-medium text-ink-muted">Your redemption requests</h3>
          {mine.length === 0 ? (
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
                    idle: queue.queue.idle,
                    repaidLast90Days: queue.queue.repaidLast90Days,
                  })}
                  busy={busy}
                  onCancel={() => {
                    resetAll();
                    void cancel.cancel(r.requestId);
                  }}
                  onCollect={() => {
                    resetAll();
                    void collect.claim(r.requestId);
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
  onCollect,
}: {
  request: PoolRedemption;
  estimate: ReturnType<typeof estimateRedemptionFill>;
  busy: boolean;
  onCancel: () => void;
  onCollect: () => void;
}) {
  const collectable = r.filledAssets - r.claimedAssets;
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
                ? 'with the next deposit or repayment'
                : estimate.days === null
                  ? 'when capital is repaid (no repayments in 90 days)'
                  : `in about ${estimate.days} day${estimate.days === 1 ? '' : 's'}`}
            </dd>
          </>
        ) : null}
        <dt className="text-ink-muted">Ready to collect</dt>
        <dd className="text-right tabular-nums" data-testid="collectable">
          {formatUsdc(collectable)}
        </dd>
      </dl>
      {r.queuePosition !== null && estimate.days !== 0 ? (
        <p className="mt-1 text-[11px] text-ink-faint">
          Estimate: {formatUsdc(estimate.shortfall)} still to come back, at the pace of the last 90 days of repayments.
        </p>
      ) : null}
      <div className="mt-3 flex gap-2">
        {r.pendingShares > 0n ? (
          <button
            type="button"
            onClick={onCancel}
            disabled={busy}
            className="rounded-md border border-line px-3 py-1.5 text-xs font-medium hover:bg-ink/5 disabled:opacity-50"
          >
            Cancel request
          </button>
        ) : null}
        {collectable > 0n ? (
          <button
            type="button"
            onClick={onCollect}
            disabled={busy}
            className="rounded-md bg-accent px-3 py-1.5 text-xs font-semibold text-accent-ink disabled:opacity-50"
          >
            Collect {formatUsdc(collectable)}
          </button>
        ) : null}
      </div>
    </li>
  );
}
