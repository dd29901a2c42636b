const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** "19.1%" from a fraction (0.191); an em dash when there is no figure (a pool too young, no principal). */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '—' : percent.format(fraction);
}

/** "21.2%" from basis points (2_121), as contracts state rates and shares. */
export function formatBps(bps: number | bigint): string {
  return formatPercent(Number(bps) / 10_000);
}
