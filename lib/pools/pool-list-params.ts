import { z } from 'zod';
import { poolCategorySchema, poolStatusSchema } from '../indexer/wire';

/** The pools list's filters, sort and search, kept in the URL so a filtered view can be shared. */
const poolListParamsSchema = z.object({
  category: poolCategorySchema.optional().catch(undefined),
  status: poolStatusSchema.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['yield', 'tvl', 'utilization', 'depositors', 'name']).default('tvl').catch('tvl'),
  order: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  /**
   * Structure: one tranche of the pools that have them (each row that tranche's figures), or single-class pools
   * only; absent, both kinds.
   */
  tranche: z.enum(['senior', 'junior', 'single']).optional().catch(undefined),
  /** One chain's pools, where the app serves several; the page drops a chain it does not serve. */
  chain: z.coerce.number().int().positive().optional().catch(undefined),
  /** 1-based page of POOLS_PER_PAGE pools; past the last page the list is empty and says so. */
  page: z.coerce.number().int().min(1).max(20_000).default(1).catch(1),
});

/** Pools per page of the list: a page a phone renders quickly, and whole rows of the indexer's largest answer. */
export const POOLS_PER_PAGE = 50;

export type PoolListParams = z.infer<typeof poolListParamsSchema>;

/** Next's searchParams (strings or string arrays) to valid parameters; anything unknown falls back to the default. */
export function parsePoolListParams(raw: Record<string, string | string[] | undefined>): PoolListParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return poolListParamsSchema.parse(first);
}

/** The parameters as a query string; the first page is the list's own URL, so page 1 is left out. */
export function poolListQueryString(params: Partial<PoolListParams> & { limit?: string; offset?: string }): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'page' && value === 1) continue;
    if (value) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
