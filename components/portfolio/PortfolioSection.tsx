import type { ReactNode } from 'react';

/** A section of a portfolio page (an address's or an entity's): its heading, a download beside it, a note under it. */
export function PortfolioSection({
  id,
  title,
  download,
  note,
  children,
}: {
  id?: string;
  title: string;
  download?: { href: string; label: string };
  note?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${title.toLowerCase().replaceAll(' ', '-')}-title`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-24">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        {download ? (
          // A plain link: the route handler answers with an attachment, which client navigation would not handle.
          <a href={download.href} download className="text-sm font-medium text-accent hover:underline">
            ↓ {download.label}
          </a>
        ) : null}
      </div>
      {children}
      {note ? <p className="mt-3 text-xs text-ink-faint">{note}</p> : null}
    </section>
  );
}
