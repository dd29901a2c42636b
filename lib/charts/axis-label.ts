import type { ChartUnit } from './chart-points';

const usdAxis = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const percentAxis = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/**
 * A y-axis tick: "$12.5K", "80%". Ticks are round numbers the chart picked, not figures anyone reads
 * as exact, so a float is fine here; the tooltip shows the exact value.
 */
export function axisLabel(value: number, unit: ChartUnit): string {
  if (!Number.isFinite(value)) return '';
  return unit === 'usdc' ? usdAxis.format(value) : percentAxis.format(value);
}
