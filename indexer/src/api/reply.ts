/**
 * What every answer of the typed API shares: the block the indexer has reached, JSON with exact amounts,
 * and rows from raw SQL in the same camelCase shape as the tables'.
 */
import { db } from 'ponder:api';
import type { Context } from 'hono';
import { replaceBigInts, sql } from 'ponder';
import { servedChainIds } from './chain-scope';

/** Where the indexer is on one chain. */
export type ChainIndexed = { chainId: number; block: bigint; timestamp: bigint };

/**
 * The block an answer reflects: of its chain, or, for an answer spanning several chains, of the one indexed
 * furthest in time (whose day the trailing windows end on); `chains` has each chain's own.
 */
export type Indexed = { block: bigint; timestamp: bigint; day: number; chains: ChainIndexed[] };

async function checkpoints(): Promise<{ chainId: number; checkpoint: string }[]> {
  const rows = await db.execute(sql`select chain_id, latest_checkpoint from _ponder_checkpoint order by chain_id`);
  return (rows.rows as { chain_id?: unknown; latest_checkpoint?: unknown }[]).map((r) => ({
    chainId: Number(r.chain_id),
    checkpoint: String(r.latest_checkpoint ?? ''),
  }));
}

/** Every chain's checkpoint in one string: it changes when any chain's does (response-cache.ts). */
export async function latestCheckpoint(): Promise<string> {
  return (await checkpoints()).map((c) => c.checkpoint).join(',');
}

/**
 * The block the indexer has reached on the chains an answer covers (all chains by default): every answer
 * carries it, so the app can say how fresh a figure is.
 */
export async function indexedBlock(chainIds?: readonly number[]): Promise<Indexed> {
  const chains: ChainIndexed[] = [];
  for (const { chainId, checkpoint } of await checkpoints()) {
    if (chainIds && !chainIds.includes(chainId)) continue;
    if (checkpoint.length < 42) continue;
    // Ponder's checkpoint: 10 digits of block timestamp, 16 of chain id, 16 of block number, ...
    chains.push({ chainId, block: BigInt(checkpoint.slice(26, 42)), timestamp: BigInt(checkpoint.slice(0, 10)) });
  }
  const latest = chains.reduce<ChainIndexed | undefined>(
    (a, b) => (a && a.timestamp >= b.timestamp ? a : b),
    undefined,
  );
  if (!latest) return { block: 0n, timestamp: 0n, day: 0, chains };
  return { block: latest.block, timestamp: latest.timestamp, day: Number(latest.timestamp / 86_400n), chains };
}

/**
 * JSON with bigints as decimal strings (exact to the base unit) and the indexed block; with several chains,
 * `indexed.chains` has each covered chain's block.
 */
export function reply(c: Context, indexed: Indexed, body: Record<string, unknown>, status: 200 | 404 = 200) {
  return c.json(
    replaceBigInts(
      {
        ...body,
        // Each chain's own block only from an indexer of several chains: one chain's answer is as it always was.
        indexed: {
          block: indexed.block,
          timestamp: indexed.timestamp,
          ...(servedChainIds.length > 1 ? { chains: indexed.chains } : {}),
        },
      },
      (v) => v.toString(),
    ) as object,
    status,
  );
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
const isInteger = (value: unknown): value is string => typeof value === 'string' && /^-?\d+$/.test(value);

/** A raw SQL row as the tables' rows come: camelCase keys, integers (numeric columns) as bigints. */
export function camelRow(row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = camel(key);
    out[name] = isInteger(value) && name !== 'txHash' ? BigInt(value) : value;
  }
  return out;
}

/** A time-series row: its bucket as `day`, then its figures like camelRow's. */
export function seriesPoint(row: Record<string, unknown>): { day: number } & Record<string, unknown> {
  const out: { day: number } & Record<string, unknown> = { day: Number(row.bucket) };
  for (const [key, value] of Object.entries(row)) {
    if (key === 'bucket') continue;
    out[camel(key)] = value === null ? null : isInteger(value) ? BigInt(value) : value;
  }
  return out;
}
