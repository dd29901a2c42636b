import { describe, expect, it } from 'vitest';
import { realYield, tranchedPrincipalDays } from '../../src/api/protocol-figures';

const usdc = (n: number) => BigInt(n) * 1_000_000n;
const dayStart = (day: number) => BigInt(day) * 86_400n;
const window = [20_000, 20_029] as const;

describe('tranchedPrincipalDays', () => {
  it('is the value now for each of the window’s days, for a pool older than the window', () => {
    expect(tranchedPrincipalDays({ value: usdc(1_000), createdAt: dayStart(19_000) }, window)).toBe(usdc(30_000));
  });

  it('counts only the days since the pool was created, that day included, whatever its hour', () => {
    const created = dayStart(20_025) + 23n * 3_600n;
    expect(tranchedPrincipalDays({ value: usdc(1_000), createdAt: created }, window)).toBe(usdc(5_000));
    expect(tranchedPrincipalDays({ value: usdc(1_000), createdAt: dayStart(20_029) }, window)).toBe(usdc(1_000));
  });

  it('is nothing for a pool created after the window, or worth nothing', () => {
    expect(tranchedPrincipalDays({ value: usdc(1_000), createdAt: dayStart(20_030) }, window)).toBe(0n);
    expect(tranchedPrincipalDays({ value: 0n, createdAt: dayStart(19_000) }, window)).toBe(0n);
  });
});

describe('realYield', () => {
  it('is net revenue × 365 ÷ principal-days', () => {
    // 30 days of 1,000,000 USDC earning 6,575.34 USDC: 8 % a year.
    expect(realYield(6_575_342_466n, usdc(30_000_000))).toBeCloseTo(0.08, 9);
  });

  it('is null without principal-days', () => {
    expect(realYield(usdc(10), 0n)).toBeNull();
  });
});
