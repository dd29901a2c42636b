import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { CategoryBadge } from '@/components/pools/CategoryBadge';
import { DepositPanel } from '@/components/pools/DepositPanel';
import { PoolStatusBadge } from '@/components/pools/PoolStatusBadge';
import { PoolActivityList } from '@/components/pools/PoolActivityList';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { Card, CardTitle } from '@/components/ui/Card';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { Stat } from '@/components/ui/Stat';
import { appChain } from '@/lib/chain/app-chain';
import { browserChainSettings } from '@/lib/config/server-env';
import { formatUsdc } from '@/lib/format/usdc';
import { IndexerUnavailableError } from '@/lib/indexer/client';
import { getPool, getPoolActivity } from '@/lib/indexer/pools';
import { sharePrice } from '@/lib/pools/share-price';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  const pool = await getPool(address).catch(() => null);
  if (!pool) return { title: 'Pool' };
  const description = `${pool.name}: ${formatUsdc(pool.totalAssets)} deposited by ${pool.depositors} investors.`;
  return { title: pool.name, description, openGraph: { title: pool.name, description, type: 'website' } };
}

export default async function PoolPage({ params }: Props) {
  const { address } = await params;
  let data;
  try {
    const pool = await getPool(address);
    if (!pool) notFound();
    data = { pool, activity: await getPoolActivity(pool.address) };
  } catch (error) {
    if (!(error instanceof IndexerUnavailableError)) throw error;
    return <IndexerUnavailable detail={error.message} />;
  }
  const { pool, activity } = data;
  const chain = appChain(browserChainSettings());

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/pools" className="hover:text-ink">
          Pools
        </Link>{' '}
        / <span className="text-ink">{pool.symbol}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={pool.category} />
          <PoolStatusBadge status={pool.status} />
          <span className="text-xs text-ink-faint">
            Pool <AddressLabel address={pool.address} />
          </span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{pool.name}</h1>
      </header>

      <Card>
        <dl className="grid grid-cols-2 gap-5 sm:grid-cols-4">
          <Stat label="Total value locked" value={formatUsdc(pool.totalAssets)} hint="principal: idle plus deployed" />
          <Stat
            label="Share price"
            value={formatUsdc(sharePrice(pool.totalAssets, pool.totalSupply))}
            hint={`per ${pool.symbol}`}
          />
          <Stat label="Depositors" value={pool.depositors} hint="accounts holding shares" />
          <Stat label="Opened" value={<LocalDateTime seconds={pool.createdAt} dateOnly />} />
        </dl>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card>
            <CardTitle>Recent activity</CardTitle>
            <div className="mt-2">
              <PoolActivityList activity={activity} />
            </div>
          </Card>
        </div>
        <aside className="lg:sticky lg:top-24 lg:self-start">
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Deposit</h2>
            <DepositPanel
              pool={pool.address}
              usdc={pool.asset}
              chainId={chain.id}
              chainName={chain.name}
              poolSymbol={pool.symbol}
              closed={pool.status === 'closed'}
              minDeposit={pool.minDeposit}
            />
          </Card>
        </aside>
      </div>
    </div>
  );
}
