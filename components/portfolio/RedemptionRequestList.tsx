import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import type { PoolLabel } from '@/lib/indexer/accounts';
import type { RedemptionRequest } from '@/lib/indexer/wire';
import { isOpenRedemption, REDEMPTION_STATUS_LABEL } from '@/lib/portfolio/redemption-status';
import type { PoolKey } from '@/lib/chain/pool-key';
import { PoolNameLink } from './PoolNameLink';

function Queue({ request }: { request: RedemptionRequest }) {
  if (request.queuePosition === null) return <span className="text-ink-faint">—</span>;
  return (
    <>
      #{request.queuePosition}
      <div className="text-xs text-ink-faint">
        {request.sharesAhead === 0n ? 'next to be filled' : `${formatShares(request.sharesAhead)} shares ahead`}
      </div>
    </>
  );
}

export function RedemptionRequestList({
  requests,
  pools,
}: {
  requests: RedemptionRequest[];
  pools: ReadonlyMap<PoolKey, PoolLabel>;
}) {
  const open = requests.filter(isOpenRedemption);
  const closed = requests.length - open.length;
  const closedNote =
    closed > 0 ? ` ${closed} earlier ${closed === 1 ? 'request was' : 'requests were'} claimed or cancelled.` : '';
  if (open.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-ink-muted">
        No redemption request is waiting.{closedNote}
      </p>
    );
  }
  const num = 'px-4 py-3 text-right tabular-nums';
  return (
    <div className="space-y-2">
      <ul className="space-y-3 md:hidden" aria-label="Redemption requests">
        {open.map((r) => (
          <li
            key={`${r.chainId}-${r.pool}-${r.requestId}`}
            className="rounded-xl border border-line bg-surface-raised p-4"
          >
            <div className="flex items-start justify-between gap-3">
              <PoolNameLink chainId={r.chainId} pool={r.pool} pools={pools} className="font-medium hover:text-accent" />
              <span className="shrink-0 text-xs font-medium text-accent">{REDEMPTION_STATUS_LABEL[r.status]}</span>
            </div>
            <div className="mt-1 text-xs text-ink-faint">
              Requested <LocalDateTime seconds={r.requestedAt} />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
              <div>
                <dt className="text-xs text-ink-faint">Shares requested</dt>
                <dd className="tabular-nums">{formatShares(r.requestedShares)}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Still waiting</dt>
                <dd className="tabular-nums">{formatShares(r.pendingShares)}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Claimable</dt>
                <dd className="tabular-nums">{formatUsdc(r.filledAssets - r.claimedAssets)}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-faint">Queue position</dt>
                <dd className="tabular-nums">
                  <Queue request={r} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface-raised md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Redemption requests still open</caption>
          <thead className="border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 text-left">
                Pool
              </th>
              <th scope="col" className="px-4 py-3 text-left">
                Requested
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Shares requested
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Still waiting
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Claimable
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Queue
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {open.map((r) => (
              <tr
                key={`${r.chainId}-${r.pool}-${r.requestId}`}
                className="align-top"
                data-testid="redemption-row"
                data-status={r.status}
              >
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <PoolNameLink
                    chainId={r.chainId}
                    pool={r.pool}
                    pools={pools}
                    className="font-medium hover:text-accent"
                  />
                  <div className="mt-1 text-xs font-medium text-accent">{REDEMPTION_STATUS_LABEL[r.status]}</div>
                </th>
                <td className="px-4 py-3 text-ink-muted">
                  <LocalDateTime seconds={r.requestedAt} />
                </td>
                <td className={num}>{formatShares(r.requestedShares)}</td>
                <td className={num}>{formatShares(r.pendingShares)}</td>
                <td className={num}>{formatUsdc(r.filledAssets - r.claimedAssets)}</td>
                <td className={num}>
                  <Queue request={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {closedNote ? <p className="text-xs text-ink-faint">{closedNote.trim()}</p> : null}
    </div>
  );
}
