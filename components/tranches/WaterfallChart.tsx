import { TimeSeriesChart } from '@/components/charts/TimeSeriesChart';
import { toChartPoints } from '@/lib/charts/chart-points';
import { formatUsdc } from '@/lib/format/usdc';
import { LocalDateTime } from '@/components/ui/LocalDateTime';
import type { WaterfallPeriod } from '@/lib/tranches/waterfall-periods';
import { waterfallTotals } from '@/lib/tranches/waterfall-periods';

/**
 * Where each period's revenue went, as stacked bars (protocol fee, senior, junior) with the senior interest still
 * owed after it as a line: a period whose revenue fell short of senior's rate shows no junior bar and a carried
 * figure, paid first the next period. A table under it gives every period's exact figures, newest first.
 */
export function WaterfallChart({ periods }: { periods: WaterfallPeriod[] }) {
  const points = toChartPoints(periods, {
    fee: (p) => p.fee,
    senior: (p) => p.senior,
    junior: (p) => p.junior,
    carried: (p) => p.carried,
  });
  const totals = waterfallTotals(periods);
  const share = (part: bigint) => (totals.revenue > 0n ? Number((part * 1_000n) / totals.revenue) / 10 : 0);
  const latest = [...periods].reverse();
  return (
    <div className="space-y-4" data-testid="waterfall">
      <TimeSeriesChart
        title="Revenue waterfall per distribution"
        points={points}
        unit="usdc"
        interval="week"
        kind="bar"
        stacked
        series={[
          { key: 'fee', label: 'Fee', tone: 'ink-muted' },
          { key: 'senior', label: 'Senior', tone: 'compute' },
          { key: 'junior', label: 'Junior', tone: 'robotics' },
          // Short labels: the legend is one row, even on a phone.
          { key: 'carried', label: 'Shortfall carried', tone: 'negative', kind: 'line' },
        ]}
        emptyText="No revenue distributed yet."
      />
      {totals.revenue > 0n ? (
        <p className="text-sm text-ink-muted" data-testid="waterfall-totals">
          Of {formatUsdc(totals.revenue)} distributed: {formatUsdc(totals.fee)} protocol fee ({share(totals.fee)} %),{' '}
          {formatUsdc(totals.senior)} to senior ({share(totals.senior)} %), {formatUsdc(totals.junior)} to junior (
          {share(totals.junior)} %).
        </p>
      ) : null}
      {latest.length > 0 ? (
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label="Every distribution">
          <table className="w-full min-w-[34rem] text-sm tabular-nums">
            <caption className="sr-only">Every distribution and where its revenue went, newest first</caption>
            <thead className="sticky top-0 bg-surface-raised text-left text-xs text-ink-muted">
              <tr>
                <th scope="col" className="py-1.5 font-medium">
                  Distribution
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Revenue
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Fee
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Senior
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Junior
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Carried
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {latest.map((p) => (
                <tr key={p.day} data-testid="waterfall-row" data-shortfall={p.carried > 0n || undefined}>
                  <td className="py-1.5">
                    <LocalDateTime seconds={p.timestamp} dateOnly />
                  </td>
                  <td className="py-1.5 text-right">{formatUsdc(p.revenue)}</td>
                  <td className="py-1.5 text-right text-ink-muted">{formatUsdc(p.fee)}</td>
                  <td className="py-1.5 text-right">{formatUsdc(p.senior)}</td>
                  <td className="py-1.5 text-right">{formatUsdc(p.junior)}</td>
                  <td
                    className={`py-1.5 text-right ${p.carried > 0n ? 'font-medium text-negative' : 'text-ink-faint'}`}
                  >
                    {p.carried > 0n ? formatUsdc(p.carried) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
