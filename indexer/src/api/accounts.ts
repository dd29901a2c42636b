/**
 * Accounts, one or several at once, on every chain served or those `?chainId=` names (someChains): positions
 * valued at each chain's indexed block, history and queued exits newest first across the chains. Every row
 * carries its chainId.
 */
import { db } from 'ponder:api';
import { pool, position } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, inArray, sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { sharesToAssets } from '../../../lib/pools/share-value';
import { claimableAt } from '../revenue-accumulator';
import { accountHistorySql, historyQuery } from './activity';
import { oneChain, someChains } from './chain-scope';
import { accountNoticesSql, noticesQuery } from './notices';
import { redemptionsSql, toRedemption } from './redemption-queue';
import { periodStatement, statementQuery } from './statements';
import { camelRow, indexedBlock, reply, type Indexed } from './reply';
import { tranchePositionsOf } from './tranched-pools';
import { accountList, valid } from './validation';
import { sqlList } from './sql-list';

export const accounts = new Hono();

/** `/accounts/0x..` or, for several at once, `/accounts/0x..,0x..` */
const accountsParam = z.object({ address: accountList });

async function positionsOf(chainIds: number[], holders: Address[], indexed: Indexed) {
  const rows = await db
    .select({ position, pool })
    .from(position)
    .innerJoin(pool, and(eq(pool.chainId, position.chainId), eq(pool.address, position.pool)))
    .where(
      and(
        inArray(position.chainId, chainIds),
        inArray(position.account, holders),
        // Held now, or held once: an exited pool keeps its realised P&L and the yield claimed there.
        sql`(${position.shares} > 0 or ${position.revenueDebt} < 0 or ${position.costBasis} > 0
          or ${position.realisedPnl} <> 0 or ${position.revenueClaimed} > 0)`,
      ),
    )
    .orderBy(asc(position.account), asc(position.chainId), asc(pool.createdAtBlock));
  // Each chain's own indexed time: the chains' blocks are not at the same moment.
  const timeOf = new Map(indexed.chains.map((chain) => [chain.chainId, chain.timestamp]));
  return rows.map(({ position: pos, pool: p }) => {
    // Exactly what the vault's previewRedeem and claimableRevenue say at its chain's indexed block.
    const value = sharesToAssets(pos.shares, p.totalAssets, p.totalSupply);
    const at = timeOf.get(pos.chainId) ?? indexed.timestamp;
    const claimable = claimableAt(p, pos, pos.shares, p.totalSupply, at);
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
accounts.get('/positions', someChains, valid('query', z.object({ addresses: accountList })), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  return reply(c, indexed, { positions: await positionsOf(chainIds, c.req.valid('query').addresses, indexed) });
});

accounts.get('/:address/positions', someChains, valid('param', accountsParam), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  return reply(c, indexed, { positions: await positionsOf(chainIds, c.req.valid('param').address, indexed) });
});

/** Holdings in tranched pools' tranches (tranched-pools.ts). */
accounts.get('/:address/tranches', someChains, valid('param', accountsParam), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  return reply(c, indexed, {
    positions: await tranchePositionsOf(chainIds, c.req.valid('param').address, indexed),
  });
});

accounts.get(
  '/:address/history',
  someChains,
  valid('param', accountsParam),
  valid('query', historyQuery),
  async (c) => {
    const chainIds = c.get('chainIds');
    const indexed = await indexedBlock(chainIds);
    const rows = await db.execute(accountHistorySql(chainIds, c.req.valid('param').address, c.req.valid('query')));
    return reply(c, indexed, { history: rows.rows.map(camelRow) });
  },
);

accounts.get(
  '/:address/notices',
  someChains,
  valid('param', accountsParam),
  valid('query', noticesQuery),
  async (c) => {
    const chainIds = c.get('chainIds');
    const indexed = await indexedBlock(chainIds);
    const q = c.req.valid('query');
    const rows = await db.execute(accountNoticesSql(chainIds, c.req.valid('param').address, q));
    return reply(c, indexed, { notices: rows.rows.map(camelRow) });
  },
);

accounts.get('/:address/redemptions', someChains, valid('param', accountsParam), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const list = sqlList(c.req.valid('param').address);
  // Newest first by request time across the chains; on one chain, by block and then request id as before.
  const rows = await db.execute(
    redemptionsSql(
      sql`r.chain_id in (${sqlList(chainIds)}) and (r.owner in (${list}) or r.controller in (${list}))`,
      sql`r.requested_at desc, r.chain_id, r.requested_at_block desc, r.request_id desc`,
    ),
  );
  return reply(c, indexed, { redemptions: rows.rows.map(toRedemption) });
});

/** A period statement of the accounts on one chain (statements.ts): `?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
accounts.get(
  '/:address/statement',
  oneChain,
  valid('param', accountsParam),
  valid('query', statementQuery),
  async (c) => {
    const chainId = c.get('chainId');
    const indexed = await indexedBlock([chainId]);
    const period = c.req.valid('query');
    if (BigInt(period.from) > indexed.timestamp)
      return c.json(
        {
          error: `from: the period starts after the last indexed block (${new Date(Number(indexed.timestamp) * 1000).toISOString()})`,
        },
        400,
      );
    const statement = await periodStatement(chainId, c.req.valid('param').address, period, indexed);
    return reply(c, indexed, { statement });
  },
);
