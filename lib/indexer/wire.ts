import { z } from 'zod';

/** Shapes of the indexer's JSON shared by server and browser code. */

/** Decimal strings from the API (exact token amounts) to bigint. */
export const bigintString = z
  .string()
  .regex(/^-?\d+$/, 'an integer as a decimal string')
  .transform((value) => BigInt(value));

export const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<`0x${string}`>;

/**
 * A list of events keyed by `kind`, where rows of a kind this app does not know yet (a newer indexer) are
 * left out instead of failing the whole answer. Rows of a known kind are still checked in full.
 */
export function knownKinds<const K extends readonly [string, ...string[]], T extends z.ZodType>(kinds: K, row: T) {
  const known = new Set<string>(kinds);
  return z
    .array(z.unknown())
    .transform((rows) =>
      rows.filter((r) => typeof r === 'object' && r !== null && known.has((r as { kind?: unknown }).kind as string)),
    )
    .pipe(z.array(row));
}
