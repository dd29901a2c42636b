import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ASSET_KIND_LABEL, AssetKindBadge } from '@/components/assets/AssetKindBadge';
import { AssetCapitalList } from '@/components/assets/AssetCapitalList';
import { AssetCharts } from '@/components/assets/AssetCharts';
import { AssetStatusBadge } from '@/components/assets/AssetStatusBadge';
import { AssetStatusHistory } from '@/components/assets/AssetStatusHistory';
import { IndexerUnavailable } from '@/components/layout/IndexerUnavailable';
import { AddressLabel } from '@/components/ui/AddressLabel';
import { Card, CardTitle } from '@/components/ui/Card';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { Stat } from '@/components/ui/Stat';
import { CHART_WINDOW_DAYS, parseChartInterval } from '@/lib/charts/chart-interval';
import { assetHref, poolHref, projectHref } from '@/lib/chain/chain-routes';
import { servedChain } from '@/lib/config/server-env';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import { getAsset, getAssetSeries, type AssetDetail } from '@/lib/indexer/assets';
import { readIndexer } from '@/lib/indexer/client';
import { parsePositiveId } from '@/lib/indexer/wire';
import { ChainBadge } from '@/components/ui/ChainBadge';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const machineName = (asset: AssetDetail['asset']) => `${asset.units}× ${asset.model}`;

/**
 * The pool that finances the machine: a single pool, or a tranched pool (whose page is the same route). null
 * when the indexer knows neither (the page shows the registry's address).
 */
function financingPool({ pool, tranchedPool }: Pick<AssetDetail, 'pool' | 'tranchedPool'>) {
  if (pool) return { address: pool.address, name: pool.name, tranched: false };
  if (tranchedPool) return { address: tranchedPool.address, name: tranchedPool.name, tranched: true };
  return null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const id = parsePositiveId((await params).id);
  const chain = servedChain((await searchParams).chain);
  const read = id === null || !chain ? null : await readIndexer(() => getAsset(chain.id, id));
  const detail = read?.ok ? read.data : null;
  if (!detail) return { title: 'Machine' };
  const { asset } = detail;
  const pool = financingPool(detail);
  const title = `${machineName(asset)}, ${asset.location}`;
  const description =
    `${ASSET_KIND_LABEL[asset.kind]} #${asset.id} in ${asset.location}` +
    (pool ? `, financed by ${pool.name}` : '') +
    `: ${formatUsdc(asset.outstanding)} outstanding, ${formatPercent(asset.yield30d)} 30-day real yield.`;
  return {
    title,
    description,
    openGraph: { title, description, type: 'website', url: assetHref(chain?.id, asset.id) },
  };
}

export default async function AssetPage({ params, searchParams }: Props) {
  const id = parsePositiveId((await params).id);
  const query = await searchParams;
  // A chain the app does not serve has no such machine, as an id that was never registered.
  const chain = servedChain(query.chain);
  if (id === null || !chain) notFound();
  const interval = parseChartInterval(query.interval);

  // The series is read beside the asset; if only the series fails, the page still shows the asset.
  const [found, series] = await Promise.all([
    readIndexer(() => getAsset(chain.id, id)),
    readIndexer(() => getAssetSeries(chain.id, id, interval, CHART_WINDOW_DAYS[interval])),
  ]);
  if (!found.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Machine #{id.toString()}</h1>
        <IndexerUnavailable detail={found.error} />
      </div>
    );
  }
  if (!found.data) notFound();
  const detail = found.data;
  const { asset, project, statusHistory, capital } = detail;
  const pool = financingPool(detail);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/projects" className="hover:text-ink">
          Projects
        </Link>{' '}
        /{' '}
        {project ? (
          <>
            <Link href={projectHref(chain.id, project.id)} className="hover:text-ink">
              {project.name}
            </Link>{' '}
            /{' '}
          </>
        ) : null}
        <span className="text-ink">Machine #{asset.id.toString()}</span>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <AssetKindBadge kind={asset.kind} />
          <AssetStatusBadge status={asset.status} />
          <ChainBadge chainId={chain.id} />
          <span className="text-xs text-ink-faint">Token #{asset.id.toString()}</span>
        </div>
        <h1 className="break-words text-2xl font-semibold tracking-tight sm:text-3xl">{machineName(asset)}</h1>
        <p className="text-ink-muted">
          {asset.location}
          {pool ? (
            <>
              {' '}
              · financed by{' '}
              <Link href={poolHref(chain.id, pool.address)} className="font-medium text-ink hover:text-accent">
                {pool.name}
              </Link>
            </>
          ) : null}
          {project ? (
            <>
              {' '}
              · operated by{' '}
              <Link href={projectHref(chain.id, project.id)} className="font-medium text-ink hover:text-accent">
                {project.name}
              </Link>
            </>
          ) : null}
        </p>
      </header>

      <Card>
        <dl className="grid grid-cols-1 gap-5 min-[390px]:grid-cols-2 md:grid-cols-4">
          <Stat
            label="Outstanding principal"
            value={<span data-testid="asset-outstanding">{formatUsdc(asset.outstanding)}</span>}
            hint={
              asset.provision > 0n ? (
                <span data-testid="asset-provision">
                  <span className="text-negative">{formatUsdc(asset.provision)} provisioned</span> as an expected loss
                  (already out of the pool’s value)
                </span>
              ) : (
                'deployed − repaid − written down'
              )
            }
          />
          <Stat
            label="Principal deployed"
            value={formatUsdc(asset.deployed)}
            hint={asset.limit > 0n ? `limit ${formatUsdc(asset.limit)} outstanding` : undefined}
          />
          <Stat label="Principal repaid" value={formatUsdc(asset.repaid)} />
          <Stat
            label="Written down"
            value={
              <span className={asset.writtenDown > 0n ? 'text-negative' : undefined}>
                {formatUsdc(asset.writtenDown)}
              </span>
            }
            hint={
              asset.recovered > 0n ? (
                <span data-testid="asset-recovered">
                  <span className="text-positive">{formatUsdc(asset.recovered)}</span> recovered since, as principal
                </span>
              ) : undefined
            }
          />
          <Stat label="30-day real yield" value={formatPercent(asset.yield30d)} hint="net revenue ÷ principal-days" />
          <Stat label="30-day net revenue" value={formatUsdc(detail.revenueNet30d)} />
          <Stat label="Net revenue to date" value={formatUsdc(asset.revenueNet)} hint="after the protocol fee" />
          <Stat
            label="30-day utilization"
            value={formatPercent(detail.utilization30d)}
            hint={
              asset.lastUtilizationBps === null
                ? 'no report yet'
                : `last report ${formatPercent(asset.lastUtilizationBps / 10_000)}`
            }
          />
        </dl>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <AssetCharts chainId={chain.id} assetId={asset.id} interval={interval} series={series} />
          <Card>
            <CardTitle>Capital</CardTitle>
            <div className="mt-2">
              <AssetCapitalList events={capital} />
            </div>
          </Card>
        </div>
        <aside className="min-w-0 space-y-6">
          <Card>
            <CardTitle>Machine</CardTitle>
            <dl className="mt-4 space-y-3 text-sm">
              <Spec label="Kind">{ASSET_KIND_LABEL[asset.kind]}</Spec>
              <Spec label="Model">
                <span data-testid="asset-model">{asset.model}</span>
              </Spec>
              <Spec label="Units">
                <span data-testid="asset-units">{asset.units}</span>
              </Spec>
              <Spec label="Location">
                <span data-testid="asset-location">{asset.location}</span>
              </Spec>
              <Spec label="Operator">
                <AddressLabel address={asset.operator} />
              </Spec>
              <Spec label={pool?.tranched ? 'Tranched pool' : 'Pool'}>
                {pool ? (
                  <Link
                    href={poolHref(chain.id, pool.address)}
                    className="text-accent hover:underline"
                    data-testid="asset-pool"
                  >
                    {pool.name}
                  </Link>
                ) : (
                  <AddressLabel address={asset.pool} />
                )}
              </Spec>
              {project ? (
                <Spec label="Project">
                  <Link href={projectHref(chain.id, project.id)} className="text-accent hover:underline">
                    {project.name}
                  </Link>
                </Spec>
              ) : null}
              <Spec label="Registered">
                <LocalDateTime seconds={asset.registeredAt} dateOnly />
              </Spec>
            </dl>
          </Card>
          <Card>
            <CardTitle>Status history</CardTitle>
            <div className="mt-4">
              <AssetStatusHistory registeredAt={asset.registeredAt} changes={statusHistory} />
            </div>
          </Card>
        </aside>
      </div>
    </div>
  );
}

function Spec({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="shrink-0 text-ink-muted">{label}</dt>
      <dd className="min-w-0 text-right break-words">{children}</dd>
    </div>
  );
}
