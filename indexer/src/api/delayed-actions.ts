/** Calls scheduled on the protocol timelock, newest first; `pool` set when the target is a pool. */
import { db } from 'ponder:api';
import { delayedAction } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, desc, eq, inArray } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { someChains } from './chain-scope';
import { indexedBlock, reply } from './reply';
import { limit, valid } from './validation';

export const delayedActionsQuery = z.object({
  status: z.enum(delayedAction.status.enumValues).optional(),
  limit: limit(500, 100),
});

/** The scheduled calls on the chains, of one pool or of all, with their arguments as JSON. */
export async function delayedActionsOf(
  chainIds: number[],
  pool: Address | undefined,
  q: z.infer<typeof delayedActionsQuery>,
) {
  const filters = [
    inArray(delayedAction.chainId, chainIds),
    pool ? eq(delayedAction.pool, pool) : undefined,
    q.status ? eq(delayedAction.status, q.status) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select()
    .from(delayedAction)
    .where(filters.length > 0 ? and(...(filters as Parameters<typeof and>)) : undefined)
    .orderBy(desc(delayedAction.scheduledAtBlock), asc(delayedAction.id), asc(delayedAction.chainId))
    .limit(q.limit);
  return rows.map((row) => ({ ...row, args: row.args === null ? null : (JSON.parse(row.args) as unknown) }));
}

export const delayedActions = new Hono();

delayedActions.get('/', someChains, valid('query', delayedActionsQuery), async (c) => {
  const indexed = await indexedBlock(c.get('chainIds'));
  return reply(c, indexed, { actions: await delayedActionsOf(c.get('chainIds'), undefined, c.req.valid('query')) });
});
