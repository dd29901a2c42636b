/**
 * Path parameters and query strings, checked with zod through zValidator before the handler runs. A bad one
 * is a 400 `{ error }` naming the first problem: our own messages quote the value, zod's name the field.
 * Nothing the database would refuse gets past these checks (a NUL byte, a number wider than its column):
 * hostile input is a 400 here, never a 500 from the query.
 */
import { zValidator } from '@hono/zod-validator';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';

export function valid<Target extends 'param' | 'query', T extends z.ZodType>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const issue = result.error.issues[0]!;
    const error = issue.code === 'custom' ? issue.message : `${issue.path.join('.') || target}: ${issue.message}`;
    return c.json({ error }, 400);
  });
}

// C0 and C1 control characters, DEL included: PostgreSQL refuses NUL in text, and none belongs in a search.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A value as a message quotes it: control characters escaped, cut at 60 characters. */
export function quote(raw: string): string {
  const shown = raw.replace(new RegExp(CONTROL, 'g'), (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

/** A string that `schema` accepts, else one custom issue saying, of the value, what it is not. */
function described<T>(schema: z.ZodType<T>, notA: (raw: string) => string) {
  return z.string().transform((raw, ctx) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: notA(quote(raw)) });
    return z.NEVER;
  });
}

/** An address in any case, answered in lower case as the tables keep it. */
export const address = (what: string) =>
  described(
    z
      .string()
      .refine((raw) => isAddress(raw, { strict: false }))
      .transform((raw) => getAddress(raw).toLowerCase() as Address),
    (raw) => `"${raw}" is not ${what} address (0x followed by 40 hex digits)`,
  );

const UINT256_MAX = 2n ** 256n - 1n;

/** A project's or machine group's id: a positive whole number in decimal digits, at most a uint256 as on chain. */
export const positiveId = (what: string) =>
  described(
    z
      .string()
      .regex(/^[1-9]\d{0,77}$/)
      .transform(BigInt)
      .refine((id) => id <= UINT256_MAX),
    (raw) => `"${raw}" is not ${what} id (a positive whole number)`,
  );

/** Free text to search for (the query parameter `name`): at most `max` characters, trimmed, no control characters. */
export const searchText = (name: string, max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !CONTROL.test(text), `${name}: must not contain control characters (such as a NUL byte)`);

/** A whole number from `min` to `max`, written in decimal digits only (no sign, exponent, hex or spaces). */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Several accounts at once, comma-separated: up to 20, each named once. */
export const accountList = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0, 'give an account address, or ?addresses= with up to 20, comma-separated')
  .refine((list) => list.length <= 20, 'at most 20 addresses at once')
  .pipe(z.array(address('an account')))
  .transform((list) => [...new Set(list)]);

export const limit = (max: number, fallback: number) => wholeNumber(1, max).default(fallback);

export const poolParam = z.object({ address: address('a pool') });
