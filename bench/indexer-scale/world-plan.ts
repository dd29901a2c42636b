/**
 * The generated world, planned before any transaction: which pool finances which machine groups, their sizes
 * and principal, and who deposits how much where. Deterministic: one seeded PRNG, also used by the history.
 */
import { parseUnits } from 'viem';
import type { BenchOptions } from './options';

export const ACCOUNTS = { admin: 0, manager: 1, reporter: 2, treasury: 3, operators: [4, 5, 6, 7, 8, 9] } as const;
/** Deposits into every pool: the account whose history is measured. */
export const WHALE = 10;
export const OTHER_INVESTORS = [11, 12, 13, 14, 15, 16, 17, 18, 19];
export const PROJECTS = 20;

export const usdc = (n: number) => parseUnits(n.toFixed(6), 6);

export function planWorld(o: BenchOptions, random: () => number) {
  // Machine groups per pool: pool 0 has 5× the average, the rest share what is left round robin.
  const busyAssets = Math.min(Math.max(1, Math.round((5 * o.assets) / o.pools)), o.assets - (o.pools - 1));
  const assetPool: number[] = [];
  for (let i = 0; i < o.assets; i++) assetPool.push(i < busyAssets ? 0 : 1 + ((i - busyAssets) % (o.pools - 1)));
  const assetsOf: number[][] = Array.from({ length: o.pools }, () => []);
  assetPool.forEach((p, i) => assetsOf[p]!.push(i + 1)); // asset ids start at 1
  const units = assetPool.map(() => 8 + Math.floor(random() * 57));
  const principal = units.map((u) => usdc(u * 2_000)); // deployed per machine group

  // Depositors of each pool: the whale 40 %, two others 30 % each, of 125 % of what will be deployed.
  const deposits: [number, number, bigint][] = []; // [account, pool, amount]
  const minted = new Map<number, bigint>();
  for (let p = 0; p < o.pools; p++) {
    const need = (assetsOf[p]!.reduce((s, id) => s + principal[id - 1]!, 0n) * 125n) / 100n;
    const a = OTHER_INVESTORS[p % 9]!;
    const b = OTHER_INVESTORS[(p + 4) % 9]!;
    for (const [who, share] of [
      [WHALE, 40n],
      [a, 30n],
      [b, 30n],
    ] as const) {
      const amount = (need * share) / 100n;
      deposits.push([who, p, amount]);
      minted.set(who, (minted.get(who) ?? 0n) + amount);
    }
  }
  return { assetPool, assetsOf, units, principal, deposits, minted };
}

export type WorldPlan = ReturnType<typeof planWorld>;
