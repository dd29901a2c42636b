// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WriteContractParameters } from 'wagmi/actions';
import { pendingTransactionsFor } from './pending-transactions';
import { useTrackedTransaction } from './use-tracked-transaction';

const mocks = vi.hoisted(() => ({
  write: vi.fn(),
  receipt: vi.fn(),
  indexed: vi.fn(),
  refresh: vi.fn(),
  router: { refresh: vi.fn() },
  support: vi.fn(),
  sendCalls: vi.fn(),
  confirmCalls: vi.fn(),
}));
vi.mock('wagmi', () => ({ useConfig: () => ({}), useAccount: () => ({}) }));
vi.mock('wagmi/actions', () => ({ waitForTransactionReceipt: mocks.receipt }));
vi.mock('next/navigation', () => ({ useRouter: () => mocks.router }));
vi.mock('./write-with-gas-margin', () => ({ writeWithGasMargin: mocks.write }));
vi.mock('../indexer/indexed-block', () => ({ waitForIndexedBlock: mocks.indexed }));
vi.mock('./refresh-after-indexing', () => ({ refreshAfterIndexing: mocks.refresh }));
vi.mock('./wallet-calls', async (actual) => ({
  ...(await actual<typeof import('./wallet-calls')>()),
  callsSupport: mocks.support,
  sendWritesAsCalls: mocks.sendCalls,
  confirmCalls: mocks.confirmCalls,
}));

const pool = '0x1111111111111111111111111111111111111111';
const account = '0x2222222222222222222222222222222222222222';
const hash = `0x${'ab'.repeat(32)}` as const;
const request = { functionName: 'claim' } as unknown as WriteContractParameters;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup() {
  return setupOn(pool);
}

function setupOn(on: `0x${string}` | `0x${string}`[]) {
  const queryClient = new QueryClient();
  const invalidated = vi.spyOn(queryClient, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const invalidate = [['balance']];
  const hook = renderHook(() => useTrackedTransaction({ pool: on, account, chainId: 31337, invalidate }), {
    wrapper,
  });
  return { hook, invalidated };
}

describe('useTrackedTransaction', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.clearAllMocks();
    mocks.support.mockResolvedValue('none');
  });

  it('sends the prepared call, keeps it pending until indexed, refetches after the receipt and after indexing', async () => {
    const sent = deferred<typeof hash>();
    const mined = deferred<{ status: 'success'; blockNumber: bigint }>();
    const indexed = deferred<boolean>();
    mocks.write.mockReturnValue(sent.promise);
    mocks.receipt.mockReturnValue(mined.promise);
    mocks.indexed.mockReturnValue(indexed.promise);
    const { hook, invalidated } = setup();
    const prepare = vi.fn(async () => ({ request }));
    const phase = () => hook.result.current.state.phase;

    let finished: Promise<void> | undefined;
    act(() => {
      finished = hook.result.current.run('Claim revenue', prepare);
    });
    expect(phase()).toBe('signing');
    expect(hook.result.current.busy).toBe(true);

    await act(async () => sent.resolve(hash));
    expect(prepare).toHaveBeenCalledWith({ config: {}, account, calls: 'none' });
    expect(mocks.write).toHaveBeenCalledWith({}, request);
    expect(phase()).toBe('mining');
    // Remembered while it is on its way, so a reload finds it.
    expect(pendingTransactionsFor(pool, account, 31337).map((t) => t.label)).toEqual(['Claim revenue']);

    await act(async () => mined.resolve({ status: 'success', blockNumber: 7n }));
    expect(phase()).toBe('indexing');
    expect(mocks.indexed).toHaveBeenCalledWith(31337, 7n);
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['balance'] });

    await act(async () => {
      indexed.resolve(true);
      await finished;
    });
    expect(invalidated).toHaveBeenCalledTimes(2);
    expect(mocks.refresh).toHaveBeenCalledTimes(1);
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
    expect(hook.result.current.state).toEqual({ phase: 'done', label: 'Claim revenue', hash, indexerLagging: false });
    expect(hook.result.current.busy).toBe(false);
  });

  it('says what went wrong, forgets the pending hash, and refetches what may have changed', async () => {
    mocks.write.mockResolvedValue(hash);
    mocks.receipt.mockResolvedValue({ status: 'reverted', blockNumber: 7n });
    const { hook, invalidated } = setup();

    await act(() => hook.result.current.run('Withdraw', async () => ({ request })));

    expect(hook.result.current.state).toMatchObject({ phase: 'failed', label: 'Withdraw', hash });
    expect(hook.result.current.state.error).toMatch(/reverted on chain/);
    expect(mocks.indexed).not.toHaveBeenCalled();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
  });

  it('sends nothing when the action refuses before the wallet', async () => {
    const { hook } = setup();
    await act(() =>
      hook.result.current.run('Collect redemption', async () => {
        throw new Error('Nothing of your requests has been filled yet: there is nothing to collect.');
      }),
    );
    expect(mocks.write).not.toHaveBeenCalled();
    expect(hook.result.current.state).toEqual({
      phase: 'failed',
      label: 'Collect redemption',
      hash: undefined,
      error: 'Nothing of your requests has been filled yet: there is nothing to collect.',
    });
    act(() => hook.result.current.reset());
    expect(hook.result.current.state).toEqual({ phase: 'idle' });
  });

  it('a wallet that only proposes (a Safe): one batch, pending across reloads until executed, then indexed', async () => {
    mocks.support.mockResolvedValue('all');
    const batchId = `0x${'cd'.repeat(32)}` as const;
    const executed = deferred<{ hash: typeof hash; blockNumber: bigint }>();
    mocks.sendCalls.mockResolvedValue(batchId);
    mocks.confirmCalls.mockReturnValue(executed.promise);
    mocks.indexed.mockResolvedValue(true);
    const { hook } = setup();
    const approve = { functionName: 'approve' } as unknown as WriteContractParameters;
    const deposit = { functionName: 'deposit' } as unknown as WriteContractParameters;

    let finished: Promise<void> | undefined;
    await act(async () => {
      finished = hook.result.current.run('Deposit', async () => ({ batch: [approve, deposit] }));
    });
    expect(mocks.write).not.toHaveBeenCalled();
    expect(mocks.sendCalls).toHaveBeenCalledWith({}, account, 31337, [approve, deposit]);
    expect(hook.result.current.state.phase).toBe('proposed');
    expect(hook.result.current.busy).toBe(true);
    // Kept as a batch, so a reload follows it through the wallet, not as a transaction hash.
    expect(pendingTransactionsFor(pool, account, 31337)).toMatchObject([{ hash: batchId, calls: true }]);

    await act(async () => {
      executed.resolve({ hash, blockNumber: 9n });
      await finished;
    });
    expect(mocks.indexed).toHaveBeenCalledWith(31337, 9n);
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
    expect(hook.result.current.state).toMatchObject({ phase: 'done', hash });
  });

  it('an account that batches on request sends a single call as a plain transaction', async () => {
    mocks.support.mockResolvedValue('batch');
    mocks.write.mockResolvedValue(hash);
    mocks.receipt.mockResolvedValue({ status: 'success', blockNumber: 7n });
    mocks.indexed.mockResolvedValue(true);
    const { hook } = setup();
    await act(() => hook.result.current.run('Claim revenue', async () => ({ request })));
    expect(mocks.sendCalls).not.toHaveBeenCalled();
    expect(mocks.write).toHaveBeenCalledWith({}, request);
    expect(hook.result.current.state.phase).toBe('done');
  });

  it('a wallet that cannot batch is asked for each call in turn, each mined before the next', async () => {
    const other = '0x3333333333333333333333333333333333333333';
    const first = `0x${'01'.repeat(32)}` as const;
    const second = `0x${'02'.repeat(32)}` as const;
    mocks.write.mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    mocks.receipt.mockResolvedValueOnce({ status: 'success', blockNumber: 7n });
    const secondMined = deferred<{ status: 'success'; blockNumber: bigint }>();
    mocks.receipt.mockReturnValueOnce(secondMined.promise);
    mocks.indexed.mockResolvedValue(true);
    const { hook } = setupOn([pool, other]);
    const claimA = { functionName: 'claim', address: pool } as unknown as WriteContractParameters;
    const claimB = { functionName: 'claim', address: other } as unknown as WriteContractParameters;

    let finished: Promise<void> | undefined;
    await act(async () => {
      finished = hook.result.current.run('Claim revenue across pools', async () => ({ batch: [claimA, claimB] }));
    });
    expect(mocks.sendCalls).not.toHaveBeenCalled();
    expect(mocks.write.mock.calls.map((c) => c[1])).toEqual([claimA, claimB]);
    expect(hook.result.current.state).toMatchObject({ phase: 'mining', label: 'Claim revenue across pools (2 of 2)' });
    // Filed under both pools: either pool's page follows it after a reload.
    expect(pendingTransactionsFor(other, account, 31337).map((t) => t.hash)).toEqual([second]);

    await act(async () => {
      secondMined.resolve({ status: 'success', blockNumber: 8n });
      await finished;
    });
    expect(mocks.indexed).toHaveBeenCalledWith(31337, 8n);
    expect(hook.result.current.state).toMatchObject({
      phase: 'done',
      label: 'Claim revenue across pools',
      hash: second,
    });
  });

  it('a refusal half way says how many calls went through before it', async () => {
    mocks.write.mockResolvedValueOnce(hash).mockRejectedValueOnce(new Error('User rejected the request.'));
    mocks.receipt.mockResolvedValue({ status: 'success', blockNumber: 7n });
    const { hook } = setup();
    const batch = [request, request, request];
    await act(() => hook.result.current.run('Claim revenue across pools', async () => ({ batch })));
    expect(mocks.write).toHaveBeenCalledTimes(2);
    expect(hook.result.current.state.phase).toBe('failed');
    expect(hook.result.current.state.error).toMatch(/^1 of 3 went through before this one; they stand\. /);
    expect(mocks.refresh).toHaveBeenCalledTimes(1);
    expect(pendingTransactionsFor(pool, account, 31337)).toEqual([]);
  });
});
