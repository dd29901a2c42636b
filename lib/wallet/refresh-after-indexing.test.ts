import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshAfterIndexing, SECOND_REFRESH_MS } from './refresh-after-indexing';

afterEach(() => vi.useRealTimers());

describe('refreshAfterIndexing', () => {
  it('refreshes at once, and once more after the indexer’s rows have surely landed', () => {
    vi.useFakeTimers();
    const router = { refresh: vi.fn() };
    const refetch = vi.fn();
    refreshAfterIndexing(router, refetch);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(refetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SECOND_REFRESH_MS);
    expect(router.refresh).toHaveBeenCalledTimes(2);
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
