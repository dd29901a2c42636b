/** What a chart says instead of drawing: no data in the window yet, or the data could not be read. */
export function ChartMessage({
  height,
  tone,
  children,
}: {
  height: number;
  tone: 'empty' | 'error';
  children: React.ReactNode;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : undefined}
      className={`grid place-items-center rounded-lg border border-dashed p-4 text-center text-sm ${
        tone === 'error' ? 'border-negative/40 text-negative' : 'border-line text-ink-muted'
      }`}
      style={{ height }}
    >
      <p className="max-w-sm">{children}</p>
    </div>
  );
}
