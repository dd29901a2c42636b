import type { Metadata } from 'next';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { PoolTable } from '@/components/pools/PoolTable';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { listPools, type PoolSummary } from '@/lib/indexer/pools';

export const metadata: Metadata = {
  title: 'Pools',
  description: 'Financing pools for GPU clusters and robot fleets, with their deposits and depositors.',
};

export const dynamic = 'force-dynamic';

export default async function PoolsPage() {
  let pools: PoolSummary[] | null = null;
  let failure: string | null = null;
  try {
    pools = await listPools();
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    failure = error.message;
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Financing pools</h1>
        <p className="mt-2 max-w-2xl text-ink-muted">
          Each pool finances one round of machines for an operator: GPU clusters that sell compute by the hour, robot
          fleets rented out by the month. Deposit USDC, receive pool shares.
        </p>
      </div>
      {failure ? (
        <IndexerUnavailable detail={failure} />
      ) : pools && pools.length > 0 ? (
        <PoolTable pools={pools} />
      ) : (
        <p className="rounded-xl border border-dashed border-line p-10 text-center text-ink-muted">
          No pools are open yet.
        </p>
      )}
    </div>
  );
}
