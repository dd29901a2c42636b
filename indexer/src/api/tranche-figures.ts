/**
 * The arithmetic of a tranched pool's answer, with no database: its subordination, a tranche's yields, and a
 * holding's value. Amounts are bigint base units; yields are float fractions a year (0.08 for 8 %).
 */
import { sharesToAssets } from '../../../lib/pools/share-value';

const DAY = 86_400n;
const YEAR_SECONDS = 365 * 86_400;
/** The trailing window of `yield30d`. */
export const YIELD_WINDOW = 30n * DAY;

/**
 * The pool's value (idle + outstanding principal − provisions) and each tranche's, as TranchedPool derives them:
 * senior's is kept, junior's is the rest.
 */
export function tranchedPoolValues(p: {
  idle: bigint;
  outstandingPrincipal: bigint;
  totalProvisions: bigint;
  seniorValue: bigint;
}): { total: bigint; senior: bigint; junior: bigint } {
  const total = p.idle + p.outstandingPrincipal - p.totalProvisions;
  return { total, senior: p.seniorValue, junior: total - p.seniorValue };
}

/** Junior's share of the pool in basis points, rounded down; 10,000 for a pool worth nothing (as the contract). */
export function subordinationBps(juniorValue: bigint, totalValue: bigint): number {
  return totalValue === 0n ? 10_000 : Number((juniorValue * 10_000n) / totalValue);
}

/** `received` over `seconds` on a tranche worth `value`, a year; null with no value or no time. */
export function annualisedYield(received: bigint, value: bigint, seconds: bigint): number | null {
  if (value <= 0n || seconds <= 0n) return null;
  return (Number(received) / Number(value)) * (YEAR_SECONDS / Number(seconds));
}

/**
 * A tranche's yields at `now`. The 30-day one: what the distributions of the trailing 30 days paid it, over the
 * time they cover, from the distribution before the first of them (or the pool's creation) to the last: each
 * distribution pays for the time since the one before, so a window that happens to hold five weekly distributions
 * is not read as 30 days' worth (a senior tranche paid its 8 % then reads 8 %, not 9.3 %). Null while the pool is
 * younger than 30 days; zero when nothing was distributed in them. Since inception: all it received, over its age.
 */
export function trancheYields(input: {
  value: bigint;
  received30d: bigint;
  /** Seconds the window's distributions cover; null when there was none in the window. */
  coveredSeconds: bigint | null;
  receivedTotal: bigint;
  createdAt: bigint;
  now: bigint;
}): { yield30d: number | null; yieldSinceInception: number | null } {
  const age = input.now - input.createdAt;
  const recent =
    age < YIELD_WINDOW || input.value <= 0n
      ? null
      : input.coveredSeconds === null
        ? 0
        : annualisedYield(input.received30d, input.value, input.coveredSeconds);
  return { yield30d: recent, yieldSinceInception: annualisedYield(input.receivedTotal, input.value, age) };
}

/** The seconds the window's distributions cover: from the one before the first in the window (or creation) to the last. */
export function coveredSeconds(input: {
  lastInWindow: bigint | null;
  lastBeforeWindow: bigint | null;
  createdAt: bigint;
}): bigint | null {
  if (input.lastInWindow === null) return null;
  return input.lastInWindow - (input.lastBeforeWindow ?? input.createdAt);
}

/**
 * What `shares` of a tranche are worth: the vault's convertToAssets, rounding down, with its virtual offset of
 * 10^12 shares and one unit of assets (OpenZeppelin ERC-4626, _decimalsOffset 12).
 */
export function trancheShareValue(shares: bigint, trancheValue: bigint, totalSupply: bigint): bigint {
  return sharesToAssets(shares, trancheValue, totalSupply);
}
