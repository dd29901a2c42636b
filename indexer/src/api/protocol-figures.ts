/**
 * The arithmetic of the protocol's trailing real yield across both kinds of pool, with no database. Amounts are
 * bigint base units; yields are float fractions a year (0.08 for 8 %).
 */

/**
 * A tranched pool's principal-days over the window `[fromDay, toDay]` (UTC days, inclusive): its value now for
 * each day of the window since the day it was created. A tranched pool keeps no end-of-day snapshots of its
 * value (the single pools' pool_daily), so it is measured as its tranches' yields are (tranche-figures.ts): on
 * its value now. Days before it existed add nothing, as for a young single pool.
 */
export function tranchedPrincipalDays(
  pool: { value: bigint; createdAt: bigint },
  [fromDay, toDay]: readonly [number, number],
): bigint {
  const createdDay = Number(pool.createdAt / 86_400n);
  const days = toDay - Math.max(fromDay, createdDay) + 1;
  if (days <= 0 || pool.value <= 0n) return 0n;
  return pool.value * BigInt(days);
}

/**
 * Real yield by the one definition (real-yield.ts): net revenue in the window × 365 ÷ principal-days in it; null
 * with no principal-days.
 */
export function realYield(revenueNet: bigint, principalDays: bigint): number | null {
  if (principalDays <= 0n) return null;
  return (Number(revenueNet) * 365) / Number(principalDays);
}
