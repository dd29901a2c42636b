import Link from 'next/link';
import { formatUsdc } from '@/lib/format/usdc';
import type { AssetRow } from '@/lib/indexer/wire';
import { AssetKindBadge } from './AssetKindBadge';
import { AssetStatusBadge } from './AssetStatusBadge';
import { assetHref } from '@/lib/chain/chain-routes';

/** Machine groups, each linking to its page: a table from `sm` up, one card per machine on phones. */
export function AssetTable({ assets, label = 'Machines' }: { assets: AssetRow[]; label?: string }) {
  if (assets.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-line p-8 text-center text-sm text-ink-muted">
        No machines registered yet.
      </p>
    );
  }
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label={label}>
        {assets.map((asset) => (
          <li key={asset.id} className="relative rounded-xl border border-line bg-surface-raised p-4">
            <div className="flex items-start justify-between gap-3">
              <Link
                href={assetHref(asset.chainId, asset.id)}
                className="min-w-0 font-medium after:absolute after:inset-0"
              >
                {asset.units}× {asset.model}
              </Link>
              <AssetKindBadge kind={asset.kind} />
            </div>
            <div className="mt-1 text-xs text-ink-muted">{asset.location}</div>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-ink-faint">Status</dt>
                <dd>
                  <AssetStatusBadge status={asset.status} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Outstanding</dt>
                <dd className="font-medium tabular-nums">{formatUsdc(asset.outstanding)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised sm:block">
        <table className="w-full text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="border-b border-line bg-surface-sunken/60 text-left text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3">
                Machine
              </th>
              <th scope="col" className="hidden px-4 py-3 md:table-cell">
                Kind
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Units
              </th>
              <th scope="col" className="hidden px-4 py-3 lg:table-cell">
                Location
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Outstanding
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {assets.map((asset) => (
              <tr key={asset.id} className="group relative hover:bg-surface-sunken/50" data-testid="asset-row">
                <td className="px-4 py-3">
                  <Link
                    href={assetHref(asset.chainId, asset.id)}
                    className="font-medium after:absolute after:inset-0 group-hover:text-accent"
                  >
                    {asset.model}
                  </Link>
                  <div className="text-xs text-ink-faint">
                    #{asset.id.toString()}
                    <span className="lg:hidden"> · {asset.location}</span>
                  </div>
                </td>
                <td className="hidden px-4 py-3 md:table-cell">
                  <AssetKindBadge kind={asset.kind} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{asset.units}</td>
                <td className="hidden px-4 py-3 text-ink-muted lg:table-cell">{asset.location}</td>
                <td className="px-4 py-3">
                  <AssetStatusBadge status={asset.status} />
                </td>
                <td className="px-4 py-3 text-right font-medium tabular-nums">{formatUsdc(asset.outstanding)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
