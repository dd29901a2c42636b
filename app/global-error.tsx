'use client';

import './globals.css';
import { ErrorNotice } from '@/components/layout/ErrorNotice';

/** When the root layout itself fails, this replaces the whole document: it brings its own html, body and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="bg-surface font-sans text-ink">
        <title>Something went wrong · Machine Yield</title>
        <main className="px-4">
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
