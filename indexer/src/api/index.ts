import { db } from 'ponder:api';
import schema, { pool, poolFlow, position } from 'ponder:schema';
import { Hono, type Context } from 'hono';
import { and, client, desc, eq, graphql, gt, replaceBigInts } from 'ponder';
import { getAddress, isAddress } from 'viem';

const app = new Hono();

// Generic access for tools and ad-hoc questions.
app.use('/sql/*', client({ db, schema }));
app.use('/graphql', graphql({ db, schema }));

/** JSON with bigints as decimal strings: token amounts stay exact to the base unit. */
function json(c: Context, body: unknown, status: 200 | 400 | 404 = 200) {
  return c.json(replaceBigInts(body, (v) => v.toString()) as object, status);
}

/** The `:address` path parameter, lower-cased as stored; a 400 response when it is not an address. */
function addressParam(c: Context, what: string): `0x${string}` | Response {
  const raw = c.req.param('address') ?? '';
  if (!isAddress(raw, { strict: false })) {
    return json(c, { error: `"${raw}" is not ${what} address (0x followed by 40 hex digits)` }, 400);
  }
  return getAddress(raw).toLowerCase() as `0x${string}`;
}

function limitParam(c: Context, fallback: number, max: number): number | Response {
  const raw = c.req.query('limit');
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    return json(c, { error: `limit must be a whole number from 1 to ${max}` }, 400);
  }
  return limit;
}

app.get('/api/pools', async (c) => {
  const pools = await db.select().from(pool).orderBy(pool.createdAtBlock, pool.address);
  return json(c, { pools });
});

app.get('/api/pools/:address', async (c) => {
  const address = addressParam(c, 'a pool');
  if (address instanceof Response) return address;
  const [row] = await db.select().from(pool).where(eq(pool.address, address));
  if (!row) return json(c, { error: `no pool at ${address}` }, 404);
  return json(c, { pool: row });
});

app.get('/api/pools/:address/activity', async (c) => {
  const address = addressParam(c, 'a pool');
  if (address instanceof Response) return address;
  const limit = limitParam(c, 20, 200);
  if (limit instanceof Response) return limit;
  const activity = await db
    .select()
    .from(poolFlow)
    .where(eq(poolFlow.pool, address))
    .orderBy(desc(poolFlow.blockNumber), desc(poolFlow.logIndex))
    .limit(limit);
  return json(c, { activity });
});

/** An account's open positions (share balance above zero), any address, no wallet needed. */
app.get('/api/accounts/:address/positions', async (c) => {
  const account = addressParam(c, 'an account');
  if (account instanceof Response) return account;
  const positions = await db
    .select()
    .from(position)
    .where(and(eq(position.account, account), gt(position.shares, 0n)))
    .orderBy(position.pool);
  return json(c, { positions });
});

export default app;
