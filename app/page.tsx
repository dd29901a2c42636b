import Link from 'next/link';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { Card } from '@/components/ui/Card';
import { Stat } from '@/components/ui/Stat';
import { formatUsdc } from '@/lib/format/usdc';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { listPools, type PoolSummary } from '@/lib/indexer/pools';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  let pools: PoolSummary[] | null = null;
  let failure: string | null = null;
  try {
    pools = await listPools();
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    failure = error.message;
  }
  const tvl = pools?.reduce((sum, p) => sum + p.totalAssets, 0n) ?? 0n;

  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4 pt-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-5xl">
          Real yield from the machines of the AI economy
        </h1>
        <p className="text-lg text-ink-muted">
          Finance GPU clusters and robot fleets. Each machine is a token on chain, its revenue arrives in USDC, and you
          can trace every dollar back to a transaction.
        </p>
        <Link href="/pools" className="inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-accent-ink">
          Browse pools
        </Link>
      </section>
      {failure ? (
        <IndexerUnavailable detail={failure} />
      ) : pools ? (
        <Card>
          <dl className="grid grid-cols-2 gap-5 sm:grid-cols-3">
            <Stat label="Total value locked" value={formatUsdc(tvl)} hint="across all pools" />
            <Stat label="Pools" value={pools.length} />
            <Stat
              label="Compute · Robotics"
              value={`${pools.filter((p) => p.category === 'compute').length} · ${pools.filter((p) => p.category === 'robotics').length}`}
            />
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
