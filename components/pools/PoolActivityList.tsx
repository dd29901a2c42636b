import { AddressLabel } from '@/components/ui/AddressLabel';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import { formatShares, formatUsdc } from '@/lib/format/usdc';
import type { PoolActivity } from '@/lib/indexer/wire';

const LABEL: Record<PoolActivity['kind'], string> = {
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  claim: 'Revenue claimed',
  revenue: 'Revenue distributed',
  deployment: 'Capital deployed',
  repayment: 'Principal repaid',
  write_down: 'Write-down',
  provision: 'Expected-loss provision set',
  recovery: 'Recovered after write-down',
  redemption_request: 'Exit requested',
};

/** Money in for the pool's holders is green, money out is plain, a loss is red. */
function signed(item: PoolActivity): { text: string; tone: string } {
  if (item.kind === 'redemption_request') return { text: `${formatShares(item.shares ?? 0n)} shares`, tone: '' };
  const amount = formatUsdc(item.amount ?? 0n);
  switch (item.kind) {
    case 'deposit':
    case 'revenue':
    case 'recovery':
      return { text: `+${amount}`, tone: 'text-positive' };
    case 'provision':
      // The machine's provision after the change (not a movement of cash): zero when it was released.
      return { text: amount, tone: item.amount ? 'text-negative' : 'text-ink-muted' };
    case 'write_down':
      return { text: `−${amount}`, tone: 'text-negative' };
    case 'withdrawal':
    case 'claim':
      return { text: `−${amount}`, tone: '' };
    default:
      return { text: amount, tone: 'text-ink-muted' };
  }
}

export function PoolActivityList({ activity }: { activity: PoolActivity[] }) {
  if (activity.length === 0) {
    return (
      <p className="py-6 text-center text-sm text-ink-muted">No activity yet. The first deposit will show here.</p>
    );
  }
  return (
    <ul className="divide-y divide-line" aria-label="Pool activity">
      {activity.map((item) => {
        const { text, tone } = signed(item);
        return (
          <li
            key={`${item.txHash}-${item.kind}-${item.logOrder}`}
            className="flex items-center justify-between gap-4 py-3 text-sm"
            data-testid="activity-row"
            data-kind={item.kind}
          >
            <div className="min-w-0">
              <div className="font-medium">
                {LABEL[item.kind]}
                {item.account ? (
                  <>
                    {' '}
                    <span className="font-normal text-ink-muted">by</span> <AddressLabel address={item.account} />
                  </>
                ) : item.assetId !== null ? (
                  <span className="font-normal text-ink-muted"> · machine #{item.assetId.toString()}</span>
                ) : null}
              </div>
              <div className="text-xs text-ink-faint">
                <LocalDateTime seconds={item.timestamp} /> · block {item.blockNumber.toString()}
              </div>
            </div>
            <div className={`shrink-0 font-medium tabular-nums ${tone}`}>{text}</div>
          </li>
        );
      })}
    </ul>
  );
}
