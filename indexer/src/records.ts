/**
 * Shared by the handlers: reading and writing pool and holder rows, and the daily rows. No handler lives
 * here.
 */
import type { Context, Event, EventNames } from 'ponder:registry';
import { asset, assetDaily, capitalEvent, pool, poolDaily, position } from 'ponder:schema';
import type { Address } from 'viem';
import { outstandingOf } from './principal';
import type { StreamState } from './revenue-accumulator';

export type PoolRow = typeof pool.$inferSelect;
export type PositionRow = typeof position.$inferSelect;
/** What every log of a pool carries besides its arguments: its id, the log, the block, the transaction. */
export type PoolEvent = Omit<Event<Extract<EventNames, `FinancingPool:${string}`>>, 'args'>;
export type Block = PoolEvent['block'];
/** Any contract's log as its handler gets it, without the arguments: where it comes from on chain. */
export type ChainEvent = Pick<PoolEvent, 'id' | 'log' | 'block' | 'transaction'>;

export const dayOf = (timestamp: bigint) => Number(timestamp / 86_400n);

/** The value a contract's enum index stands for (`values` in the Solidity order: see ponder.schema.ts). */
export function enumValue<T extends string>(values: readonly T[], index: number, what: string): T {
  const value = values[index];
  if (value === undefined) throw new Error(`${what} ${index} is not one the schema knows: add it to ponder.schema.ts`);
  return value;
}

export async function getPool(context: Context, address: Address): Promise<PoolRow> {
  const row = await context.db.find(pool, { chainId: context.chain.id, address });
  if (!row) throw new Error(`event from unknown pool ${address}`);
  return row;
}

/**
 * Applies `change` to the pool of the event. totalAssets is derived as the contract derives it
 * (idle + outstandingPrincipal - totalProvisions), so no handler can let it drift from its parts.
 */
export async function updatePool(
  context: Context,
  event: PoolEvent,
  change: (row: PoolRow) => Partial<PoolRow>,
): Promise<PoolRow> {
  return context.db.update(pool, { chainId: context.chain.id, address: event.log.address }).set((row) => {
    const changed = change(row);
    const next = { ...row, ...changed };
    return {
      ...changed,
      totalAssets: next.idle + next.outstandingPrincipal - next.totalProvisions,
      updatedAtBlock: event.block.number,
    };
  });
}

export function streamOf(row: PoolRow): StreamState {
  return {
    accRevenuePerShare: row.accRevenuePerShare,
    streamRemaining: row.streamRemaining,
    streamEnd: row.streamEnd,
    streamUpdatedAt: row.streamUpdatedAt,
  };
}

/** The holder's row, created empty if new. */
export async function getPosition(
  context: Context,
  poolAddress: Address,
  account: Address,
  block: bigint,
): Promise<PositionRow> {
  const existing = await context.db.find(position, { chainId: context.chain.id, pool: poolAddress, account });
  if (existing) return existing;
  return context.db
    .insert(position)
    .values({ chainId: context.chain.id, pool: poolAddress, account, updatedAtBlock: block });
}

/** An exit burned `shares` (already gone from the balance) for `assets`: realise P&L at average cost. */
export async function realiseExit(
  context: Context,
  poolAddress: Address,
  owner: Address,
  shares: bigint,
  assets: bigint,
) {
  await context.db.update(position, { chainId: context.chain.id, pool: poolAddress, account: owner }).set((row) => {
    const before = row.shares + shares;
    const cost = before === 0n ? 0n : (row.costBasis * shares) / before;
    return {
      costBasis: row.costBasis - cost,
      realisedPnl: row.realisedPnl + assets - cost,
      withdrawnAssets: row.withdrawnAssets + assets,
    };
  });
}

export async function recordCapital(
  context: Context,
  event: ChainEvent,
  assetId: bigint,
  kind: (typeof capitalEvent.$inferInsert)['kind'],
  amount: bigint,
) {
  await context.db.insert(capitalEvent).values({
    chainId: context.chain.id,
    id: event.id,
    pool: event.log.address,
    assetId,
    kind,
    amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
}

type DayFlows = Partial<
  Record<
    'revenueNet' | 'revenueGross' | 'revenueClaimed' | 'deposits' | 'withdrawals' | 'writtenDown' | 'recovered',
    bigint
  >
>;

/** Today's row of the pool: end-of-day state (the latest) plus the day's flows (summed). */
export async function recordPoolDay(context: Context, p: PoolRow, block: Block, flows: DayFlows) {
  const state = {
    totalAssets: p.totalAssets,
    totalSupply: p.totalSupply,
    idle: p.idle,
    outstandingPrincipal: p.outstandingPrincipal,
    totalProvisions: p.totalProvisions,
    depositors: p.depositors,
  };
  await context.db
    .insert(poolDaily)
    .values({ chainId: context.chain.id, pool: p.address, day: dayOf(block.timestamp), ...state, ...flows })
    .onConflictDoUpdate((row) => ({
      ...state,
      revenueNet: row.revenueNet + (flows.revenueNet ?? 0n),
      revenueGross: row.revenueGross + (flows.revenueGross ?? 0n),
      revenueClaimed: row.revenueClaimed + (flows.revenueClaimed ?? 0n),
      deposits: row.deposits + (flows.deposits ?? 0n),
      withdrawals: row.withdrawals + (flows.withdrawals ?? 0n),
      writtenDown: row.writtenDown + (flows.writtenDown ?? 0n),
      recovered: row.recovered + (flows.recovered ?? 0n),
    }));
}

/** Today's row of the asset: end-of-day outstanding principal and provision, the day's revenue and utilization. */
export async function recordAssetDay(
  context: Context,
  assetId: bigint,
  block: Block,
  change: { revenueNet?: bigint; utilizationBps?: number },
) {
  const machine = await context.db.find(asset, { chainId: context.chain.id, id: assetId });
  if (!machine) return;
  const outstanding = outstandingOf(machine);
  await context.db
    .insert(assetDaily)
    .values({
      chainId: context.chain.id,
      assetId,
      day: dayOf(block.timestamp),
      pool: machine.pool,
      revenueNet: change.revenueNet,
      utilizationBps: change.utilizationBps ?? null,
      outstanding,
      provision: machine.provision,
    })
    .onConflictDoUpdate((row) => ({
      revenueNet: row.revenueNet + (change.revenueNet ?? 0n),
      utilizationBps: change.utilizationBps ?? row.utilizationBps,
      outstanding,
      provision: machine.provision,
    }));
}
