import { formatShares, formatUsdcExact } from '@/lib/format/usdc';
import { STATEMENT_ROWS, type StatementColumn } from '@/lib/statements/statement-view';

/**
 * The statement by pool: a column per pool and the total, a row per line, from the opening position down to
 * the closing one, every amount signed as it enters (what leaves the position is negative). On a phone the
 * table scrolls sideways under a fixed first column.
 */
export function StatementTable({ columns }: { columns: StatementColumn[] }) {
  const poolColumns = columns.filter((c) => c.pool !== null);
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface-raised">
      <table className="w-full text-sm" data-testid="statement-table">
        <caption className="sr-only">Statement by pool: opening position, each line, closing position</caption>
        <thead className="border-b border-line bg-surface-sunken/60 text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="sticky left-0 bg-surface-sunken px-4 py-3 text-left">
              USDC
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="min-w-36 px-4 py-3 text-right" title={c.pool ?? undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          <tr className="text-xs text-ink-muted">
            <th scope="row" className="sticky left-0 bg-surface-raised px-4 py-2 text-left font-normal">
              Shares at the opening
            </th>
            {poolColumns.map((c) => (
              <td key={c.key} className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                {formatShares(c.lines.opening.shares)}
              </td>
            ))}
            <td />
          </tr>
          {STATEMENT_ROWS.map((row) => (
            <tr
              key={row.key}
              data-line={row.key}
              className={
                row.total
                  ? 'bg-surface-sunken/40 font-semibold'
                  : row.key.startsWith('opening') || row.key.startsWith('closing')
                    ? 'text-ink-muted'
                    : ''
              }
            >
              <th
                scope="row"
                title={row.note}
                className={`sticky left-0 min-w-40 px-4 py-2 text-left ${row.total ? 'bg-surface-sunken font-semibold' : 'bg-surface-raised font-normal'} ${
                  row.total ? '' : 'pl-6'
                }`}
              >
                {row.label}
              </th>
              {columns.map((c) => {
                const amount = row.amount(c.lines);
                return (
                  <td
                    key={c.key}
                    data-column={c.key}
                    data-amount={amount.toString()}
                    className={`whitespace-nowrap px-4 py-2 text-right tabular-nums ${
                      amount === 0n && !row.total ? 'text-ink-faint' : amount < 0n ? 'text-negative' : ''
                    }`}
                  >
                    {amount < 0n ? `−${formatUsdcExact(-amount)}` : formatUsdcExact(amount)}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="text-xs text-ink-muted">
            <th scope="row" className="sticky left-0 bg-surface-raised px-4 py-2 text-left font-normal">
              Shares at the closing
            </th>
            {poolColumns.map((c) => (
              <td key={c.key} className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                {formatShares(c.lines.closing.shares)}
              </td>
            ))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
