/** Medians of repeated measurements: bench:bundle prints the median of its runs, never the best one. */

/** The median of the finite values (the mean of the middle two of an even count); NaN when none is finite. */
export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The item whose `value` is the median (the lower middle one of an even count), to report it whole. */
export function medianItem<T>(items: T[], value: (item: T) => number): T {
  if (items.length === 0) throw new Error('medianItem of nothing');
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
