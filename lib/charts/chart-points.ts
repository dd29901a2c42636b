import { formatUnits } from 'viem';
import { USDC_DECIMALS } from '../format/usdc';

/** What a chart's values are: USDC amounts (bigint base units) or fractions (0.12 = 12 %). */
export type ChartUnit = 'usdc' | 'percent';

/**
 * One bucket of a time series as the charts take it. `values` are what is drawn (USDC as dollars, a float:
 * fine for a bar's height); `amounts` keep the exact USDC base units so the tooltip shows the exact figure.
 */
export type ChartPoint = {
  /** Days since the epoch (UTC): the bucket's first day, as the indexer returns it. */
  day: number;
  values: Record<string, number | null>;
  amounts: Record<string, bigint | null>;
  /** The bucket is not over (this day, week or month): a sum over it is so far, not a whole period's. */
  partial?: true;
};

type ChartValue = bigint | number | null | undefined;

/**
 * Series rows from the indexer to chart points. `pick` names each series and reads its value from a row:
 * a bigint is a USDC amount in base units, a number a fraction, null or undefined no value (a gap).
 *
 *   toChartPoints(series, { revenue: (r) => r.revenueNet, utilization: (r) => r.utilization })
 */
export function toChartPoints<Row extends { day: number; complete?: boolean }>(
  rows: readonly Row[],
  pick: Record<string, (row: Row) => ChartValue>,
): ChartPoint[] {
  return rows.map((row) => {
    const point: ChartPoint = {
      day: row.day,
      values: {},
      amounts: {},
      ...(row.complete === false ? { partial: true } : {}),
    };
    for (const [key, read] of Object.entries(pick)) {
      const value = read(row);
      if (typeof value === 'bigint') {
        point.amounts[key] = value;
        // The one place an amount becomes a float: a bar's height. The tooltip reads `amounts`.
        point.values[key] = Number(formatUnits(value, USDC_DECIMALS));
      } else {
        point.amounts[key] = null;
        point.values[key] = value ?? null;
      }
    }
    return point;
  });
}

/** Whether any point has something to draw: a window of zeros and gaps is shown as empty, not as flat bars. */
export function hasChartData(points: readonly ChartPoint[], keys: readonly string[]): boolean {
  return points.some((point) => keys.some((key) => (point.values[key] ?? 0) !== 0));
}
