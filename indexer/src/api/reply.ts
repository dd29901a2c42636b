/**
 * What every answer of the typed API shares: the block the indexer has reached, JSON with exact amounts,
 * and rows from raw SQL in the same camelCase shape as the tables'.
 */
import { db } from 'ponder:api';
import type { Context } from 'hono';
import { replaceBigInts, sql } from 'ponder';

export type Indexed = { block: bigint; timestamp: bigint; day: number };

export async function latestCheckpoint(): Promise<string> {
  const rows = await db.execute(sql`select latest_checkpoint from _ponder_checkpoint limit 1`);
  return String((rows.rows[0] as { latest_checkpoint?: string } | undefined)?.latest_checkpoint ?? '');
}

/** The block the indexer has reached: every answer carries it, so the app can say how fresh a figure is. */
export async function indexedBlock(): Promise<Indexed> {
  const checkpoint = await latestCheckpoint();
  if (checkpoint.length < 42) return { block: 0n, timestamp: 0n, day: 0 };
  // Ponder's checkpoint: 10 digits of block timestamp, 16 of chain id, 16 of block number, ...
  const timestamp = BigInt(checkpoint.slice(0, 10));
  return { block: BigInt(checkpoint.slice(26, 42)), timestamp, day: Number(timestamp / 86_400n) };
}

/** JSON with bigints as decimal strings (exact to the base unit) and the indexed block. */
export function reply(c: Context, indexed: Indexed, body: Record<string, unknown>, status: 200 | 404 = 200) {
  return c.json(
    replaceBigInts({ ...body, indexed: { block: indexed.block, timestamp: indexed.timestamp } }, (v) =>
      v.toString(),
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
export function seriesPoint(row: Record<string, unknown>) {
  const out: Record<string, unknown> = { day: Number(row.bucket) };
  for (const [key, value] of Object.entries(row)) {
    if (key === 'bucket') continue;
    out[camel(key)] = value === null ? null : isInteger(value) ? BigInt(value) : value;
  }
  return out;
}
