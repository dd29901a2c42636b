/** Accounts, one or several at once: positions valued at the indexed block, history, queued exits. */
import { db } from 'ponder:api';
import { pool, position } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, inArray, sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { sharesToAssets } from '../../../lib/pools/share-value';
import { claimableAt } from '../revenue-accumulator';
import { accountHistorySql, historyQuery } from './activity';
import { oneChain } from './chain-scope';
import { redemptionsSql, toRedemption } from './redemption-queue';
import { camelRow, indexedBlock, reply, type Indexed } from './reply';
import { accountList, valid } from './validation';

export const accounts = new Hono();

/** `/accounts/0x..` or, for several at once, `/accounts/0x..,0x..` */
const accountsParam = z.object({ address: accountList });

async function positionsOf(chainId: number, holders: Address[], indexed: Indexed) {
  const rows = await db
    .select({ position, pool })
    .from(position)
    .innerJoin(pool, and(eq(pool.chainId, position.chainId), eq(pool.address, position.pool)))
    .where(
      and(
        eq(position.chainId, chainId),
        inArray(position.account, holders),
        // Held now, or held once: an exited pool keeps its realised P&L and the yield claimed there.
        sql`(${position.shares} > 0 or ${position.revenueDebt} < 0 or ${position.costBasis} > 0
          or ${position.realisedPnl} <> 0 or ${position.revenueClaimed} > 0)`,
      ),
    )
    .orderBy(asc(position.account), asc(pool.createdAtBlock));
  return rows.map(({ position: pos, pool: p }) => {
    // Exactly what the vault's previewRedeem and claimableRevenue say at the indexed block.
    const value = sharesToAssets(pos.shares, p.totalAssets, p.totalSupply);
    const claimable = claimableAt(p, pos, pos.shares, p.totalSupply, indexed.timestamp);
    return {
      ...pos,
      poolName: p.name,
      poolSymbol: p.symbol,
      category: p.category,
      poolStatus: p.status,
      value,
      claimableRevenue: claimable,
      unrealisedPnl: value - pos.costBasis,
      totalReturn: value - pos.costBasis + pos.realisedPnl + pos.revenueClaimed + claimable,
    };
  });
}

/** Several accounts at once: `?addresses=0x..,0x..` (up to 20). */
accounts.get('/positions', oneChain, valid('query', z.object({ addresses: accountList })), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  return reply(c, indexed, { positions: await positionsOf(chainId, c.req.valid('query').addresses, indexed) });
});

accounts.get('/:address/positions', oneChain, valid('param', accountsParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  return reply(c, indexed, { positions: await positionsOf(chainId, c.req.valid('param').address, indexed) });
});

accounts.get('/:address/history', oneChain, valid('param', accountsParam), valid('query', historyQuery), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const rows = await db.execute(accountHistorySql(chainId, c.req.valid('param').address, c.req.valid('query')));
  return reply(c, indexed, { history: rows.rows.map(camelRow) });
});

accounts.get('/:address/redemptions', oneChain, valid('param', accountsParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const list = sql.join(
    c.req.valid('param').address.map((a) => sql`${a}`),
    sql`, `,
  );
  const rows = await db.execute(
    redemptionsSql(
      sql`r.chain_id = ${chainId} and (r.owner in (${list}) or r.controller in (${list}))`,
      sql`r.requested_at_block desc, r.request_id desc`,
    ),
  );
  return reply(c, indexed, { redemptions: rows.rows.map(toRedemption) });
});
