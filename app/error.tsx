'use client';

import { ErrorNotice } from '@/components/layout/ErrorNotice';

/** A page that failed to render, inside the site's layout. Error boundaries must be client components. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
