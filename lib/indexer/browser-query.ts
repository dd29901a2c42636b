'use client';

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';

/**
 * Reads an indexer endpoint from the browser, through the app's /api/indexer route, validated with the
 * same kind of zod schema the server uses. `path` is the part after /api/ (e.g. `accounts/0x…/history`).
 */
export function useIndexerQuery<T extends z.ZodType>(
  path: string | null,
  schema: T,
  opts: { refetchMs?: number } = {},
) {
  return useQuery({
    queryKey: ['indexer', path],
    enabled: path !== null,
    refetchInterval: opts.refetchMs,
    queryFn: async (): Promise<z.infer<T>> => {
      const res = await fetch(`/api/indexer/${path}`, { cache: 'no-store' });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = (body as { error?: string } | null)?.error;
        throw new Error(message ?? `The indexer answered ${res.status}.`);
      }
      return schema.parse(body);
    },
  });
}
