import { describe, expect, it } from 'vitest';
import type { AccountPosition } from '../indexer/wire';
import { combinedPositions, entityPath, parseEntity, positionsByWallet } from './entity';
import { portfolioTotals } from './portfolio-totals';

const A = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const B = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const C = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';

describe('parseEntity', () => {
  it('reads a name and wallets as pasted: commas, spaces, new lines, any case', () => {
    const parsed = parseEntity({ name: '  Acme   Fund I ', wallets: `${A}, ${B.toLowerCase()}\n${C}` });
    expect(parsed).toEqual({ ok: true, entity: { name: 'Acme Fund I', wallets: [A, B, C] } });
  });

  it('refuses bad and duplicate addresses, naming each of them', () => {
    const parsed = parseEntity({ name: 'Fund', wallets: `${A},0x1234,${A.toLowerCase()},hello` });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual(['Not addresses: 0x1234, hello.', 'Listed more than once: 0x3C44…93BC.']);
    expect(parsed.input.walletsText).toContain('hello');
  });

  it('names at most ten bad entries, and counts the rest', () => {
    const parsed = parseEntity({ wallets: Array.from({ length: 13 }, (_, i) => `bad${i}`).join(' ') });
    expect(parsed).toMatchObject({
      ok: false,
      errors: ['Not addresses: bad0, bad1, bad2, bad3, bad4, bad5, bad6, bad7, bad8, bad9 and 3 more.'],
    });
  });

  it('refuses none, and more than 20', () => {
    expect(parseEntity({ name: 'x', wallets: ' ' })).toMatchObject({
      ok: false,
      errors: ['List at least one wallet address.'],
    });
    const many = Array.from({ length: 21 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`).join(',');
    expect(parseEntity({ wallets: many })).toMatchObject({
      ok: false,
      errors: ['An entity holds at most 20 wallets; this lists 21.'],
    });
  });

  it('names an unnamed entity, and keeps a name short', () => {
    expect(parseEntity({ wallets: A })).toMatchObject({ ok: true, entity: { name: 'Unnamed entity' } });
    const long = parseEntity({ name: 'n'.repeat(200), wallets: A });
    expect(long.ok && long.entity.name.length).toBe(80);
  });

  it('round-trips through its URL', () => {
    const entity = { name: 'Acme & Co', wallets: [A, B] as `0x${string}`[] };
    const url = new URL(entityPath(entity), 'https://x.example');
    expect(url.pathname).toBe('/portfolio/entity');
    expect(parseEntity(Object.fromEntries(url.searchParams))).toEqual({ ok: true, entity });
  });
});

const position = (account: `0x${string}`, pool: string, value: bigint): AccountPosition => ({
  chainId: 31337,
  pool: pool as `0x${string}`,
  account,
  shares: value * 10n ** 12n,
  lockedShares: 0n,
  costBasis: value,
  depositedAssets: value,
  withdrawnAssets: 0n,
  realisedPnl: 0n,
  revenueClaimed: 1n,
  poolName: 'P',
  poolSymbol: 'myP',
  category: 'compute',
  poolStatus: 'active',
  value,
  claimableRevenue: 2n,
  unrealisedPnl: 0n,
  totalReturn: 3n,
});

describe('an entity’s figures', () => {
  const P1 = '0x0000000000000000000000000000000000000001';
  const P2 = '0x0000000000000000000000000000000000000002';
  const all = [position(A, P1, 100n), position(B, P1, 50n), position(B, P2, 7n)];

  it('add the wallets’ positions per pool, and the totals equal the wallets’ totals added', () => {
    const combined = combinedPositions(all);
    expect(combined.map((p) => [p.pool, p.value, p.shares])).toEqual([
      [P1, 150n, 150n * 10n ** 12n],
      [P2, 7n, 7n * 10n ** 12n],
    ]);
    const byWallet = positionsByWallet([A, B, C], all);
    expect(byWallet.map((w) => w.positions.length)).toEqual([1, 2, 0]);
    const summed = byWallet.map((w) => portfolioTotals(w.positions));
    expect(portfolioTotals(combined).value).toBe(summed.reduce((s, t) => s + t.value, 0n));
    expect(portfolioTotals(combined).totalReturn).toBe(summed.reduce((s, t) => s + t.totalReturn, 0n));
  });
});
