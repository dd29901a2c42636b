'use client';

import { useId, useMemo, useState } from 'react';
import { erc20Abi, type Address } from 'viem';
import { useAccount, useReadContract, useReadContracts } from 'wagmi';
import { WalletGate } from '@/components/wallet/WalletGate';
import { financingPoolAbi } from '@/lib/contracts/abis';
import { formatShares, formatUsdc, parseUsdcInput, usdcInputValue } from '@/lib/format/usdc';
import { useDeposit } from '@/lib/wallet/use-deposit';
import { AmountField } from './AmountField';
import { DepositStepper } from './DepositStepper';
import type { PoolChainState } from './PoolActionPanel';

export function DepositPanel({
  pool,
  usdc,
  chainId,
  chainName,
  poolSymbol,
  closed,
  minDeposit,
  poolState,
}: {
  pool: Address;
  usdc: Address;
  chainId: number;
  chainName: string;
  poolSymbol: string;
  /** A closed pool takes no deposits (wind-down: exits only). */
  closed: boolean;
  minDeposit: bigint;
  poolState: PoolChainState | undefined;
}) {
  const { address: account, chainId: walletChainId, isConnected } = useAccount();
  const [input, setInput] = useState('');
  const [usePermit, setUsePermit] = useState(false);
  const inputId = useId();
  const wrongNetwork = isConnected && walletChainId !== chainId;

  const wallet = useReadContracts({
    allowFailure: false,
    contracts: account
      ? [
          { abi: erc20Abi, address: usdc, functionName: 'balanceOf', args: [account], chainId },
          { abi: financingPoolAbi, address: pool, functionName: 'balanceOf', args: [account], chainId },
        ]
      : [],
    query: { enabled: Boolean(account) },
  });
  const [usdcBalance, shares] = wallet.data ?? [];
  // A permissioned pool takes deposits only from its allowlist (maxDeposit is 0 for anyone else).
  const allowed = useReadContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'isAllowed',
    args: [account!],
    chainId,
    query: { enabled: Boolean(account) && poolState?.permissioned === true },
  });
  const notApproved = poolState?.permissioned === true && allowed.data === false;
  const positionValue = useReadContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'previewRedeem',
    args: [shares ?? 0n],
    chainId,
    query: { enabled: shares !== undefined },
  });

  const parsed = useMemo(
    () => parseUsdcInput(input, { max: usdcBalance, min: minDeposit }),
    [input, usdcBalance, minDeposit],
  );
  const preview = useReadContract({
    abi: financingPoolAbi,
    address: pool,
    functionName: 'previewDeposit',
    args: [parsed.ok ? parsed.value : 0n],
    chainId,
    query: { enabled: parsed.ok },
  });

  // The pool's own state too: a deposit adds idle cash that may let the exit queue be processed.
  const poolStateKey = poolState?.queryKey;
  const invalidate = useMemo(
    () => [wallet.queryKey, positionValue.queryKey, ...(poolStateKey ? [poolStateKey] : [])],
    [wallet.queryKey, positionValue.queryKey, poolStateKey],
  );
  const { state, deposit, reset } = useDeposit({ pool, usdc, account, chainId, invalidate });

  // As soon as something is typed: a disabled button always says why.
  const showError = !parsed.ok && input !== '';
  const canSubmit = isConnected && !wrongNetwork && parsed.ok && !state.running;

  return (
    <div className="space-y-5">
      <section aria-labelledby={`${inputId}-position`} className="rounded-lg bg-surface-sunken/70 p-4">
        <h3 id={`${inputId}-position`} className="text-xs font-medium text-ink-muted">
          Your position
        </h3>
        {isConnected && account ? (
          <dl className="mt-2 grid grid-cols-2 gap-3">
            <div>
              <dt className="text-xs text-ink-faint">Value</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid="position-value">
                {positionValue.data !== undefined ? formatUsdc(positionValue.data) : '—'}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-faint">Shares</dt>
              <dd className="text-lg font-semibold tabular-nums" data-testid="position-shares">
                {shares !== undefined ? `${formatShares(shares)}` : '—'}
                <span className="ml-1 text-xs font-normal text-ink-faint">{poolSymbol}</span>
              </dd>
            </div>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-ink-muted">Connect a wallet to see your position and deposit.</p>
        )}
      </section>

      {closed ? (
        <p role="status" className="rounded-lg border border-line p-4 text-sm text-ink-muted">
          This pool is closed: it is winding down and takes no new deposits. Holders can still claim revenue and exit.
        </p>
      ) : poolState?.paused ? (
        <p role="status" className="rounded-lg border border-line p-4 text-sm text-ink-muted">
          Deposits are paused while the pool’s guardian has it stopped.
        </p>
      ) : notApproved && isConnected && !wrongNetwork ? (
        <p
          role="status"
          data-testid="not-approved"
          className="rounded-lg border border-line p-4 text-sm text-ink-muted"
        >
          This pool is open to approved investors; your address is not approved.
        </p>
      ) : (
        <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to deposit">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (canSubmit && parsed.ok) void deposit(parsed.value, usePermit ? 'permit' : 'approve');
            }}
          >
            <AmountField
              id={inputId}
              name="amount"
              label="Amount (USDC)"
              available={
                <>
                  Balance:{' '}
                  <span className="tabular-nums" data-testid="usdc-balance">
                    {usdcBalance !== undefined ? formatUsdc(usdcBalance) : '—'}
                  </span>
                </>
              }
              value={input}
              onChange={(value) => {
                setInput(value);
                if (state.error || state.steps.index === 'done') reset();
              }}
              onMax={usdcBalance !== undefined ? () => setInput(usdcInputValue(usdcBalance)) : undefined}
              disabled={state.running}
              error={showError && !parsed.ok ? parsed.error : null}
              help={
                parsed.ok && preview.data !== undefined
                  ? `You receive about ${formatShares(preview.data)} ${poolSymbol}`
                  : ''
              }
            />
            <label className="flex items-start gap-2 text-xs text-ink-muted">
              <input
                type="checkbox"
                checked={usePermit}
                onChange={(e) => setUsePermit(e.target.checked)}
                disabled={state.running}
                className="mt-0.5 accent-[rgb(var(--accent))]"
              />
              <span>
                Approve by signature (EIP-2612 permit): one transaction instead of two. Skipped when the pool may
                already take this amount.
              </span>
            </label>
            <button
              type="submit"
              disabled={!canSubmit}
              className="w-full rounded-lg bg-accent px-4 py-3 font-semibold text-accent-ink transition disabled:cursor-not-allowed disabled:bg-ink/10 disabled:text-ink-faint"
            >
              {state.running ? 'Follow the steps in your wallet…' : 'Deposit'}
            </button>
          </form>
        </WalletGate>
      )}

      {state.running || state.error || state.steps.index === 'done' ? <DepositStepper state={state} /> : null}
    </div>
  );
}
