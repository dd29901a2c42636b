export function SiteFooter() {
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-xs text-ink-faint sm:flex-row sm:justify-between sm:px-6">
        <p>Machine Yield · financing for GPU clusters and robot fleets</p>
        <p>Every figure is read from the chain or from its indexer.</p>
      </div>
    </footer>
  );
}
