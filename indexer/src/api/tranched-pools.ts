/**
 * Tranched pools (lib/indexer/tranche-wire.ts is the shape): the list, one pool with its waterfall splits and
 * losses, and an account's tranche holdings. Each pool's yields are measured at its own chain's indexed block.
 */
import { db } from 'ponder:api';
import { project, tranche, tranchedPool, tranchePosition, trancheLoss, waterfallSplit } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, eq, gt, inArray, or, sql } from 'ponder';
import type { Address } from 'viem';
import { z } from 'zod';
import { claimableAt } from '../revenue-accumulator';
import { oneChain, someChains } from './chain-scope';
import { redemptionsQuery, redemptionsSql, toRedemption } from './redemption-queue';
import { indexedBlock, reply, type Indexed } from './reply';
import {
  subordinationBps,
  tranchedPoolValues,
  trancheShareValue,
  coveredSeconds,
  trancheYields,
  YIELD_WINDOW,
} from './tranche-figures';
import { address, valid } from './validation';

export const tranchedPools = new Hono();

type TrancheRow = typeof tranche.$inferSelect;

const listQuery = z.object({
  category: z.enum(tranchedPool.category.enumValues).optional(),
  sort: z.enum(['tvl', 'seniorYield', 'juniorYield', 'subordination', 'name']).default('tvl'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** Each chain's own indexed time: the chains' blocks are not at the same moment. */
const timeOn = (indexed: Indexed, chainId: number) =>
  indexed.chains.find((chain) => chain.chainId === chainId)?.timestamp ?? indexed.timestamp;

/**
 * The pools matching `where`, with their project's name, tranches and trailing-30-day revenue, as answered (here,
 * and in a project's answer: projects.ts).
 */
export async function tranchedPoolsWhere(where: ReturnType<typeof and>, indexed: Indexed) {
  const rows = await db
    .select({ pool: tranchedPool, projectName: project.name })
    .from(tranchedPool)
    .leftJoin(project, and(eq(project.chainId, tranchedPool.chainId), eq(project.id, tranchedPool.projectId)))
    .where(where)
    .orderBy(asc(tranchedPool.chainId), asc(tranchedPool.createdAtBlock));
  if (rows.length === 0) return [];
  const chainIds = [...new Set(rows.map((r) => r.pool.chainId))];
  const vaults = await db
    .select()
    .from(tranche)
    .where(
      and(
        inArray(tranche.chainId, chainIds),
        inArray(
          tranche.pool,
          rows.map((r) => r.pool.address),
        ),
      ),
    );
  const vaultOf = (chainId: number, address: Address) =>
    vaults.find((v) => v.chainId === chainId && v.address === address);
  const out = [];
  for (const { pool: p, projectName } of rows) {
    const now = timeOn(indexed, p.chainId);
    const [recent] = (await db
      .select({
        senior: sql<string>`coalesce(sum(${waterfallSplit.senior}), 0)`,
        junior: sql<string>`coalesce(sum(${waterfallSplit.junior}), 0)`,
        last: sql<string | null>`max(${waterfallSplit.timestamp})`,
        // The distribution before the window: the window's first one pays for the time since it.
        before: sql<string | null>`(select max(b.timestamp) from ${waterfallSplit} b
          where b.chain_id = ${p.chainId} and b.pool = ${p.address} and b.timestamp <= ${now - YIELD_WINDOW})`,
      })
      .from(waterfallSplit)
      .where(
        and(
          eq(waterfallSplit.chainId, p.chainId),
          eq(waterfallSplit.pool, p.address),
          gt(waterfallSplit.timestamp, now - YIELD_WINDOW),
        ),
      )) as [{ senior: string; junior: string; last: string | null; before: string | null }];
    const covered = coveredSeconds({
      lastInWindow: recent.last === null ? null : BigInt(recent.last),
      lastBeforeWindow: recent.before === null ? null : BigInt(recent.before),
      createdAt: p.createdAt,
    });
    const senior = vaultOf(p.chainId, p.senior);
    const junior = vaultOf(p.chainId, p.junior);
    if (!senior || !junior) continue; // rows are written together: never the case
    const values = tranchedPoolValues(p);
    const trancheAnswer = (t: TrancheRow, value: bigint, received30d: bigint) => ({
      address: t.address,
      side: t.side,
      name: t.name,
      symbol: t.symbol,
      value,
      totalSupply: t.totalSupply,
      revenueReceived: t.revenueReceived,
      revenueClaimed: t.revenueClaimed,
      lossAllocated: t.lossAllocated,
      lossRestored: t.lossRestored,
      holders: t.holders,
      pendingRedeemShares: t.pendingRedeemShares,
      ...trancheYields({
        value,
        received30d,
        coveredSeconds: covered,
        receivedTotal: t.revenueReceived,
        createdAt: p.createdAt,
        now,
      }),
    });
    out.push({
      chainId: p.chainId,
      address: p.address,
      name: p.name,
      category: p.category,
      status: p.status,
      paused: p.paused,
      projectId: p.projectId,
      projectName: projectName ?? null,
      depositCap: p.depositCap,
      totalValue: values.total,
      idle: p.idle,
      outstandingPrincipal: p.outstandingPrincipal,
      totalProvisions: p.totalProvisions,
      // The capital ledger's totals, which a project's track record adds up (projects.ts).
      deployedTotal: p.deployedTotal,
      repaidTotal: p.repaidTotal,
      writtenDownTotal: p.writtenDownTotal,
      recoveredTotal: p.recoveredTotal,
      protocolFeeBps: p.protocolFeeBps,
      seniorRateBps: p.seniorRateBps,
      minSubordinationBps: p.minSubordinationBps,
      subordinationBps: subordinationBps(values.junior, values.total),
      seniorLoss: p.seniorLoss,
      carriedInterest: p.carriedInterest,
      revenueGross: p.revenueGross,
      feesPaid: p.feesPaid,
      createdAt: p.createdAt,
      createdAtBlock: p.createdAtBlock,
      senior: trancheAnswer(senior, values.senior, BigInt(recent.senior)),
      junior: trancheAnswer(junior, values.junior, BigInt(recent.junior)),
    });
  }
  return out;
}

type Answered = Awaited<ReturnType<typeof tranchedPoolsWhere>>[number];

/** The list's orders; a figure missing (a yield before 30 days) sorts last going down, first going up. */
const sortKey: Record<z.infer<typeof listQuery>['sort'], (p: Answered) => bigint | number | string | null> = {
  tvl: (p) => p.totalValue,
  seniorYield: (p) => p.senior.yield30d,
  juniorYield: (p) => p.junior.yield30d,
  subordination: (p) => p.subordinationBps,
  name: (p) => p.name.toLowerCase(),
};

function compareBy(sort: z.infer<typeof listQuery>['sort'], order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: Answered, b: Answered) => {
    const x = sortKey[sort](a);
    const y = sortKey[sort](b);
    if (x !== y) {
      if (x === null) return -sign;
      if (y === null) return sign;
      return (x < y ? -1 : 1) * sign;
    }
    return a.address < b.address ? -1 : a.address > b.address ? 1 : a.chainId - b.chainId;
  };
}

tranchedPools.get('/', someChains, valid('query', listQuery), async (c) => {
  const chainIds = c.get('chainIds');
  const indexed = await indexedBlock(chainIds);
  const q = c.req.valid('query');
  const where = and(
    inArray(tranchedPool.chainId, chainIds),
    q.category ? eq(tranchedPool.category, q.category) : undefined,
  );
  const pools = (await tranchedPoolsWhere(where, indexed)).sort(compareBy(q.sort, q.order));
  return reply(c, indexed, { pools });
});

const poolParam = z.object({ address: address('a pool') });

tranchedPools.get('/:address', oneChain, valid('param', poolParam), async (c) => {
  const chainId = c.get('chainId');
  const indexed = await indexedBlock([chainId]);
  const { address: poolAddress } = c.req.valid('param');
  const [pool] = await tranchedPoolsWhere(
    and(eq(tranchedPool.chainId, chainId), eq(tranchedPool.address, poolAddress)),
    indexed,
  );
  if (!pool) return reply(c, indexed, { error: `no tranched pool at ${poolAddress}` }, 404);
  const ofPool = (table: typeof waterfallSplit | typeof trancheLoss) =>
    and(eq(table.chainId, chainId), eq(table.pool, poolAddress));
  const splits = await db
    .select()
    .from(waterfallSplit)
    .where(ofPool(waterfallSplit))
    .orderBy(asc(waterfallSplit.blockNumber), asc(waterfallSplit.logIndex));
  const losses = await db
    .select()
    .from(trancheLoss)
    .where(ofPool(trancheLoss))
    .orderBy(asc(trancheLoss.blockNumber), asc(trancheLoss.logIndex));
  return reply(c, indexed, {
    pool,
    splits: splits.map(({ blockNumber, timestamp, txHash, revenue, fee, senior, junior, carried }) => ({
      blockNumber,
      timestamp,
      txHash,
      revenue,
      fee,
      senior,
      junior,
      carried,
    })),
    losses: losses.map(({ kind, blockNumber, timestamp, txHash, toSenior, toJunior }) => ({
      kind,
      blockNumber,
      timestamp,
      txHash,
      toSenior,
      toJunior,
    })),
  });
});

/**
 * The accounts' tranche holdings on `chainIds` (accounts.ts answers them at /api/accounts/:address/tranches):
 * shares held or queued, or revenue still to claim, valued at each chain's indexed block exactly as the vault's
 * convertToAssets and claimableRevenue would be.
 */
export async function tranchePositionsOf(chainIds: number[], holders: Address[], indexed: Indexed) {
  const rows = await db
    .select({ position: tranchePosition, tranche, pool: tranchedPool })
    .from(tranchePosition)
    .innerJoin(tranche, and(eq(tranche.chainId, tranchePosition.chainId), eq(tranche.address, tranchePosition.tranche)))
    .innerJoin(tranchedPool, and(eq(tranchedPool.chainId, tranche.chainId), eq(tranchedPool.address, tranche.pool)))
    .where(
      and(
        inArray(tranchePosition.chainId, chainIds),
        inArray(tranchePosition.account, holders),
        or(
          gt(tranchePosition.shares, 0n),
          gt(tranchePosition.pendingRedeemShares, 0n),
          // A filled exit not yet collected: the USDC is still the holder's, in the vault.
          gt(tranchePosition.claimableRedeemAssets, 0n),
          // Owed revenue after the shares are gone (owed = shares × acc − debt).
          sql`${tranchePosition.revenueDebt} < 0`,
          // Held once: an exited tranche keeps its realised P&L and the revenue claimed there, as a pool's does.
          gt(tranchePosition.costBasis, 0n),
          sql`${tranchePosition.realisedPnl} <> 0`,
          gt(tranchePosition.revenueClaimed, 0n),
        ),
      ),
    )
    .orderBy(
      asc(tranchePosition.account),
      asc(tranchePosition.chainId),
      asc(tranchedPool.createdAtBlock),
      asc(tranche.side),
    );
  return rows.flatMap(({ position: pos, tranche: t, pool: p }) => {
    const trancheValue = tranchedPoolValues(p)[t.side];
    const claimable = claimableAt(t, pos, pos.shares, t.totalSupply, timeOn(indexed, pos.chainId));
    const value = trancheShareValue(pos.shares, trancheValue, t.totalSupply);
    const heldOnce = pos.costBasis > 0n || pos.realisedPnl !== 0n || pos.revenueClaimed > 0n;
    if (
      pos.shares === 0n &&
      pos.pendingRedeemShares === 0n &&
      pos.claimableRedeemAssets === 0n &&
      claimable === 0n &&
      !heldOnce
    ) {
      return [];
    }
    return [
      {
        chainId: pos.chainId,
        account: pos.account,
        pool: p.address,
        poolName: p.name,
        category: p.category,
        tranche: t.address,
        side: t.side,
        symbol: t.symbol,
        shares: pos.shares,
        value,
        deposited: pos.deposited,
        withdrawn: pos.withdrawn,
        costBasis: pos.costBasis,
        unrealisedPnl: value - pos.costBasis,
        realisedPnl: pos.realisedPnl,
        revenueClaimed: pos.revenueClaimed,
        pendingRedeemShares: pos.pendingRedeemShares,
        claimableRedeemAssets: pos.claimableRedeemAssets,
        claimableRevenue: claimable,
        totalReturn: value - pos.costBasis + pos.realisedPnl + pos.revenueClaimed + claimable,
      },
    ];
  });
}

/**
 * The exits waiting in each tranche's queue, oldest first per tranche, with the shares ahead of each; `?controller=`
 * keeps one account's, which the tranche's panel lists to cancel them (ERC-7887). Filled USDC is collected per
 * controller, on chain.
 */
tranchedPools.get(
  '/:address/redemptions',
  oneChain,
  valid('param', poolParam),
  valid('query', redemptionsQuery),
  async (c) => {
    const chainId = c.get('chainId');
    const indexed = await indexedBlock([chainId]);
    const { address: poolAddress } = c.req.valid('param');
    const { controller } = c.req.valid('query');
    const [pool] = await db
      .select({ address: tranchedPool.address })
      .from(tranchedPool)
      .where(and(eq(tranchedPool.chainId, chainId), eq(tranchedPool.address, poolAddress)));
    if (!pool) return reply(c, indexed, { error: `no tranched pool at ${poolAddress}` }, 404);
    const rows = await db.execute(
      redemptionsSql(
        sql`r.chain_id = ${chainId} and r.pool = ${poolAddress} and r.pending_shares > 0`,
        sql`r.side, r.request_id`,
        { queue: 'tranche', controller },
      ),
    );
    return reply(c, indexed, { redemptions: rows.rows.map(toRedemption) });
  },
);
