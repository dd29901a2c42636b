import Link from 'next/link';
import { AssetStatusBadge } from '@/components/assets/AssetStatusBadge';
import { formatPercent } from '@/lib/format/percent';
import { formatUsdc } from '@/lib/format/usdc';
import type { PoolAsset } from '@/lib/indexer/wire';
import { assetHref } from '@/lib/chain/chain-routes';

/**
 * The machines the pool finances: what each earned and how busy it was over 30 days, and where its
 * principal stands (deployed, repaid, written down, outstanding). Each links to the machine's page.
 */
export function PoolAssetTable({ assets }: { assets: PoolAsset[] }) {
  if (assets.length === 0) {
    return (
      <p className="py-6 text-center text-sm text-ink-muted">
        No machines financed yet: capital is still being raised.
      </p>
    );
  }
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label="Machines financed">
        {assets.map((a) => (
          <li key={String(a.id)} className="relative rounded-lg border border-line p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <Link href={assetHref(a.chainId, a.id)} className="font-medium after:absolute after:inset-0">
                {a.units}× {a.model}
              </Link>
              <AssetStatusBadge status={a.status} />
            </div>
            <p className="mt-0.5 text-xs text-ink-muted">{a.location}</p>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
              <div>
                <dt className="text-ink-faint">Revenue 30d</dt>
                <dd className="tabular-nums">{formatUsdc(a.revenueNet30d, { compact: true })}</dd>
              </div>
              <div>
                <dt className="text-ink-faint">Utilization</dt>
                <dd className="tabular-nums">{formatPercent(a.utilization30d)}</dd>
              </div>
              <div>
                <dt className="text-ink-faint">Outstanding</dt>
                <dd className="tabular-nums">{formatUsdc(a.outstanding, { compact: true })}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-sm" aria-label="Machines financed">
          <thead className="text-left text-xs text-ink-muted">
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3 font-medium">
                Machine
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Utilization 30d
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Net revenue 30d
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Yield 30d
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Principal outstanding
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {assets.map((a) => (
              <tr key={String(a.id)} data-testid="pool-asset-row">
                <td className="py-2.5 pr-3">
                  <Link href={assetHref(a.chainId, a.id)} className="font-medium hover:text-accent">
                    {a.units}× {a.model}
                  </Link>
                  <div className="text-xs text-ink-faint">{a.location}</div>
                </td>
                <td className="py-2.5 pr-3">
                  <AssetStatusBadge status={a.status} />
                </td>
                <td className="py-2.5 pr-3 text-right tabular-nums">{formatPercent(a.utilization30d)}</td>
                <td className="py-2.5 pr-3 text-right tabular-nums">{formatUsdc(a.revenueNet30d)}</td>
                <td className="py-2.5 pr-3 text-right tabular-nums">{formatPercent(a.yield30d)}</td>
                <td className="py-2.5 text-right tabular-nums">
                  {formatUsdc(a.outstanding)}
                  <div className="text-xs text-ink-faint">
                    of {formatUsdc(a.deployed, { compact: true })} deployed
                    {a.writtenDown > 0n ? (
                      <span className="text-negative">
                        {' '}
                        · {formatUsdc(a.writtenDown, { compact: true })} written down
                      </span>
                    ) : null}
                    {a.provision > 0n ? (
                      <span className="text-negative"> · {formatUsdc(a.provision, { compact: true })} provisioned</span>
                    ) : null}
                    {a.recovered > 0n ? (
                      <span className="text-positive"> · {formatUsdc(a.recovered, { compact: true })} recovered</span>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
