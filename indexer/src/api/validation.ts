/**
 * Path parameters and query strings, checked with zod through zValidator before the handler runs. A bad one
 * is a 400 `{ error }` naming the first problem: our own messages quote the value, zod's name the field.
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

/** A string that `schema` accepts, else one custom issue saying, of the value, what it is not. */
function described<T>(schema: z.ZodType<T>, notA: (raw: string) => string) {
  return z.string().transform((raw, ctx) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: notA(raw) });
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

/** A project's or machine group's id: a positive whole number. */
export const positiveId = (what: string) =>
  described(z.coerce.bigint().positive(), (raw) => `"${raw}" is not ${what} id (a positive whole number)`);

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

export const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const poolParam = z.object({ address: address('a pool') });
