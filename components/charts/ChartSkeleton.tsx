/** Placeholder of a chart's exact height while its code loads, so nothing below it moves. */
export function ChartSkeleton({ height }: { height?: number }) {
  // Without a height it fills its parent, which has the chart's.
  return (
    <div
      aria-hidden
      className="flex h-full animate-pulse items-end gap-1.5 rounded-lg bg-surface-sunken/60 px-3 pb-3"
      style={height ? { height } : undefined}
      data-testid="chart-skeleton"
    >
      {[40, 55, 35, 70, 60, 80, 65, 75, 50, 85, 70, 90].map((percent, i) => (
        <div key={i} className="flex-1 rounded-sm bg-line/70" style={{ height: `${percent * 0.8}%` }} />
      ))}
    </div>
  );
}
