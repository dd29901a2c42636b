import { z } from 'zod';

/** Shapes of the indexer's JSON shared by server and browser code. */

/** Decimal strings from the API (exact token amounts) to bigint. */
export const bigintString = z
  .string()
  .regex(/^-?\d+$/, 'an integer as a decimal string')
  .transform((value) => BigInt(value));

export const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<`0x${string}`>;
