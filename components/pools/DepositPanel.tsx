'use client';

import { useId, useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useAccount, useReadContract, useReadContracts } from 'wagmi';
import { WalletGate } from '@/components/wallet/WalletGate';
import { financingPoolAbi, mockUsdcAbi } from '@/lib/contracts/abis';
import { formatShares, formatUsdc, parseUsdcInput, usdcInputValue } from '@/lib/format/usdc';
import { useDeposit } from '@/lib/wallet/use-deposit';
import { DepositStepper } from './DepositStepper';

export function DepositPanel({
  pool,
  usdc,
  chainId,
  chainName,
  poolSymbol,
  closed,
  minDeposit,
}: {
  pool: Address;
  usdc: Address;
  chainId: number;
  chainName: string;
  poolSymbol: string;
  /** A closed pool takes no deposits (wind-down: exits only). */
  closed: boolean;
  minDeposit: bigint;
}) {
  const { address: account, chainId: walletChainId, isConnected } = useAccount();
  const [input, setInput] = useState('');
  const inputId = useId();
  const wrongNetwork = isConnected && walletChainId !== chainId;

  const wallet = useReadContracts({
    allowFailure: false,
    contracts: account
      ? [
          { abi: mockUsdcAbi, address: usdc, functionName: 'balanceOf', args: [account], chainId },
          { abi: financingPoolAbi, address: pool, functionName: 'balanceOf', args: [account], chainId },
        ]
      : [],
    query: { enabled: Boolean(account) },
  });
  const [usdcBalance, shares] = wallet.data ?? [];
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

  const invalidate = useMemo(
    () => [wallet.queryKey, positionValue.queryKey],
    [wallet.queryKey, positionValue.queryKey],
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
      ) : (
        <WalletGate chainId={chainId} chainName={chainName} connectLabel="Connect wallet to deposit">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (canSubmit && parsed.ok) void deposit(parsed.value);
            }}
          >
            <div className="flex items-baseline justify-between">
              <label htmlFor={inputId} className="text-sm font-medium">
                Amount (USDC)
              </label>
              <span className="text-xs text-ink-muted">
                Balance:{' '}
                <span className="tabular-nums" data-testid="usdc-balance">
                  {usdcBalance !== undefined ? formatUsdc(usdcBalance) : '—'}
                </span>
              </span>
            </div>
            <div className="flex rounded-lg border border-line bg-surface focus-within:border-accent">
              <input
                id={inputId}
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                placeholder="0.00"
                value={input}
                onChange={(e) => {
                  setInput(e.target.value);
                  if (state.error || state.steps.index === 'done') reset();
                }}
                aria-invalid={showError}
                aria-describedby={`${inputId}-help`}
                disabled={state.running}
                className="min-w-0 flex-1 bg-transparent px-3 py-2.5 text-lg tabular-nums outline-none"
              />
              <button
                type="button"
                onClick={() => usdcBalance !== undefined && setInput(usdcInputValue(usdcBalance))}
                disabled={usdcBalance === undefined || state.running}
                className="m-1.5 rounded-md px-3 text-xs font-semibold text-accent hover:bg-accent/10 disabled:opacity-40"
              >
                Max
              </button>
            </div>
            <p id={`${inputId}-help`} className={`min-h-5 text-xs ${showError ? 'text-negative' : 'text-ink-muted'}`}>
              {showError && !parsed.ok
                ? parsed.error
                : parsed.ok && preview.data !== undefined
                  ? `You receive about ${formatShares(preview.data)} ${poolSymbol}`
                  : ' '}
            </p>
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
