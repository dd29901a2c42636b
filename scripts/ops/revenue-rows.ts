/**
 * A period's revenue for many assets of one pool, from a CSV (`asset_id,amount_usdc,period_start,period_end`),
 * checked row by row against what the pool and the registry hold, before anything is sent.
 */
import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { parseCsv, rowLabel } from './csv-file';
import { firstOverlap, formatPeriod, periodProblem, type Period } from './periods';
import { assetIdCell, parseRows, timeCell, usdcCell, type Located } from './row-fields';
import { formatUsdcExact } from './usdc-amount';

export const REVENUE_COLUMNS = ['asset_id', 'amount_usdc', 'period_start', 'period_end'] as const;

const revenueRow = z
  .object({ asset_id: assetIdCell, amount_usdc: usdcCell, period_start: timeCell, period_end: timeCell })
  .transform((r) => ({
    assetId: r.asset_id,
    amount: r.amount_usdc,
    periodStart: r.period_start,
    periodEnd: r.period_end,
  }));

export type RevenueRow = z.infer<typeof revenueRow> & Located;

export function parseRevenueCsv(text: string): { rows: RevenueRow[]; errors: string[] } {
  const { header, records } = parseCsv(text, REVENUE_COLUMNS);
  const missing = REVENUE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { rows: [], errors: [`the header lacks column ${missing.join(', ')}`] };
  return parseRows(records, revenueRow);
}

/** What the chain says about the rows' assets and the pool. `asset` is undefined for an unregistered id. */
export type RevenueFacts = {
  pool: Address;
  chainTime: bigint;
  minDistribution: bigint;
  asset: (id: bigint) => { pool: Address } | undefined;
  /** The asset's periods already distributed by this pool (its RevenueDistributed events). */
  distributed: (id: bigint) => readonly Period[];
};

export function checkRevenueRows(rows: readonly RevenueRow[], facts: RevenueFacts): string[] {
  const errors: string[] = [];
  const seen = new Map<bigint, Period[]>();
  for (const r of rows) {
    const at = rowLabel(r);
    const period = { start: r.periodStart, end: r.periodEnd };
    const asset = facts.asset(r.assetId);
    if (!asset) {
      errors.push(`${at}: asset ${r.assetId} is not registered`);
      continue;
    }
    if (getAddress(asset.pool) !== getAddress(facts.pool)) {
      errors.push(`${at}: asset ${r.assetId} is financed by pool ${asset.pool}, not by ${facts.pool}`);
    }
    if (r.amount < facts.minDistribution) {
      errors.push(
        `${at}: amount_usdc ${formatUsdcExact(r.amount)} is below the pool's minimum distribution of ${formatUsdcExact(facts.minDistribution)}`,
      );
    }
    const problem = periodProblem(period, facts.chainTime);
    if (problem) {
      errors.push(`${at}: ${problem}`);
      continue;
    }
    const recorded = firstOverlap(period, facts.distributed(r.assetId));
    if (recorded) {
      errors.push(
        `${at}: asset ${r.assetId}'s period ${formatPeriod(period)} overlaps its period ${formatPeriod(recorded)} already distributed (${recorded.origin})`,
      );
    }
    const earlier = firstOverlap(period, seen.get(r.assetId) ?? []);
    if (earlier) errors.push(`${at}: asset ${r.assetId}'s period overlaps ${earlier.origin}'s for the same asset`);
    seen.set(r.assetId, [...(seen.get(r.assetId) ?? []), { ...period, origin: rowLabel(r) }]);
  }
  return errors;
}
