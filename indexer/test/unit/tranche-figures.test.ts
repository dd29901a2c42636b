import { describe, expect, it } from 'vitest';
import {
  annualisedYield,
  coveredSeconds,
  subordinationBps,
  tranchedPoolValues,
  trancheShareValue,
  trancheYields,
} from '../../src/api/tranche-figures';

const DAY = 86_400n;
const usdc = (n: number) => BigInt(n) * 1_000_000n;

describe('tranchedPoolValues', () => {
  it('is idle + outstanding − provisions, senior’s kept and junior the rest', () => {
    const values = tranchedPoolValues({
      idle: usdc(600_000),
      outstandingPrincipal: usdc(2_000_000),
      totalProvisions: usdc(100_000),
      seniorValue: usdc(1_900_000),
    });
    expect(values).toEqual({ total: usdc(2_500_000), senior: usdc(1_900_000), junior: usdc(600_000) });
  });
});

describe('subordinationBps', () => {
  it('is junior’s share of the pool, rounded down, as TranchedPool.subordinationBps', () => {
    expect(subordinationBps(usdc(557_264), usdc(2_627_264))).toBe(2121);
    expect(subordinationBps(1n, 3n)).toBe(3333);
    expect(subordinationBps(usdc(100), usdc(100))).toBe(10_000);
  });

  it('is 10,000 for a pool worth nothing', () => {
    expect(subordinationBps(0n, 0n)).toBe(10_000);
  });
});

describe('annualisedYield', () => {
  it('scales the period’s revenue over the value to a year', () => {
    // 1,000 on 100,000 over 30 days: 1 % a month, 12.1666… % a year.
    expect(annualisedYield(usdc(1_000), usdc(100_000), 30n * DAY)).toBeCloseTo((0.01 * 365) / 30, 15);
    expect(annualisedYield(0n, usdc(100_000), 30n * DAY)).toBe(0);
  });

  it('has no figure without a value or without time', () => {
    expect(annualisedYield(usdc(1_000), 0n, 30n * DAY)).toBeNull();
    expect(annualisedYield(usdc(1_000), usdc(1), 0n)).toBeNull();
  });
});

describe('trancheYields', () => {
  const base = {
    value: usdc(1_000_000),
    received30d: usdc(6_000),
    coveredSeconds: 35n * DAY,
    receivedTotal: usdc(30_000),
    createdAt: 1_000n,
  };

  it('annualises the window’s distributions over the time they cover, and the whole life over the age', () => {
    const now = base.createdAt + 180n * DAY;
    const y = trancheYields({ ...base, now });
    expect(y.yield30d).toBeCloseTo((0.006 * 365) / 35, 15);
    expect(y.yieldSinceInception).toBeCloseTo((0.03 * 365) / 180, 15);
  });

  it('reads a senior tranche paid its rate every week as that rate, whether 4 or 5 payments fall in the window', () => {
    const value = usdc(2_950_000);
    const weekly = (value * 800n * 7n) / (365n * 10_000n); // 8 % a year, for 7 days
    for (const payments of [4n, 5n]) {
      const y = trancheYields({
        ...base,
        value,
        received30d: weekly * payments,
        coveredSeconds: payments * 7n * DAY,
        now: base.createdAt + 180n * DAY,
      });
      expect(y.yield30d).toBeCloseTo(0.08, 6);
    }
  });

  it('is zero when nothing was distributed in the window', () => {
    const y = trancheYields({ ...base, received30d: 0n, coveredSeconds: null, now: base.createdAt + 90n * DAY });
    expect(y.yield30d).toBe(0);
  });

  it('has no 30-day figure for a pool younger than 30 days, and none at all with no value', () => {
    const young = trancheYields({ ...base, now: base.createdAt + 30n * DAY - 1n });
    expect(young.yield30d).toBeNull();
    expect(young.yieldSinceInception).not.toBeNull();
    expect(trancheYields({ ...base, now: base.createdAt + 30n * DAY }).yield30d).not.toBeNull();
    const empty = trancheYields({ ...base, value: 0n, now: base.createdAt + 90n * DAY });
    expect(empty).toEqual({ yield30d: null, yieldSinceInception: null });
  });
});

describe('coveredSeconds', () => {
  it('runs from the distribution before the window (or the pool’s creation) to the last in it', () => {
    expect(coveredSeconds({ lastInWindow: 1_000n, lastBeforeWindow: 400n, createdAt: 100n })).toBe(600n);
    expect(coveredSeconds({ lastInWindow: 1_000n, lastBeforeWindow: null, createdAt: 100n })).toBe(900n);
    expect(coveredSeconds({ lastInWindow: null, lastBeforeWindow: 400n, createdAt: 100n })).toBeNull();
  });
});

describe('trancheShareValue', () => {
  it('is ERC-4626 convertToAssets with a virtual offset of 10^12 shares, rounding down', () => {
    // The first deposit mints 10^12 shares a unit: they are worth what was paid in, to the unit.
    expect(trancheShareValue(usdc(500) * 10n ** 12n, usdc(500), usdc(500) * 10n ** 12n)).toBe(usdc(500));
    // A loss of 10 %: shares × (assets + 1) ÷ (supply + 10^12), rounded down.
    const supply = usdc(1_000) * 10n ** 12n;
    const shares = usdc(300) * 10n ** 12n;
    expect(trancheShareValue(shares, usdc(900), supply)).toBe((shares * (usdc(900) + 1n)) / (supply + 10n ** 12n));
    expect(trancheShareValue(shares, usdc(900), supply)).toBe(usdc(270));
    // A third of 100 USDC: 33.333333… rounds down to the unit.
    expect(trancheShareValue(10n ** 20n, usdc(100), 3n * 10n ** 20n)).toBe(33_333_333n);
    // An empty vault: the virtual share and unit alone.
    expect(trancheShareValue(10n ** 12n, 0n, 0n)).toBe(1n);
    expect(trancheShareValue(0n, usdc(900), supply)).toBe(0n);
  });
});
