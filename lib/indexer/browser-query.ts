'use client';

import { useQuery } from '@tanstack/react-query';

/**
 * Reads an indexer endpoint from the browser, through the app's /api/indexer route, checked by `parse`
 * (which throws on a shape it does not expect). `path` is the part after /api/ (e.g. `accounts/0x…/history`).
 */
export function useIndexerQuery<T>(
  path: string | null,
  parse: (body: unknown) => T,
  opts: { refetchMs?: number } = {},
) {
  return useQuery({
    queryKey: ['indexer', path],
    enabled: path !== null,
    refetchInterval: opts.refetchMs,
    queryFn: async (): Promise<T> => {
      const res = await fetch(`/api/indexer/${path}`, { cache: 'no-store' });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = (body as { error?: string } | null)?.error;
        throw new Error(message ?? `The indexer answered ${res.status}.`);
      }
      return parse(body);
    },
  });
}
