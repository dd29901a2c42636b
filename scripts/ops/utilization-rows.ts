/**
 * Utilization reports for many assets, from a CSV (`asset_id,period_start,period_end,utilization_pct` or
 * `…,utilization_bps`), checked row by row against the registry before anything is sent.
 */
import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { parseCsv, rowLabel } from './csv-file';
import { firstOverlap, formatPeriod, periodProblem, type Period } from './periods';
import { assetIdCell, parseRows, timeCell, type Located } from './row-fields';
import { quoted } from './untrusted-text';

export const UTILIZATION_COLUMNS = [
  'asset_id',
  'period_start',
  'period_end',
  'utilization_pct',
  'utilization_bps',
] as const;

/** "87.5" percent, at most two decimals (a basis point), 0 to 100. */
const pctCell = z.string().transform((text, ctx) => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!m || bps > 10_000) {
    ctx.addIssue({
      code: 'custom',
      message: `${quoted(text)} is not a percentage from 0 to 100 with at most 2 decimals`,
    });
    return z.NEVER;
  }
  return bps;
});

const bpsCell = z.string().transform((text, ctx) => {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 10_000) {
    ctx.addIssue({ code: 'custom', message: `${quoted(text)} is not a whole number of basis points from 0 to 10000` });
    return z.NEVER;
  }
  return Number(text);
});

const periodCells = { asset_id: assetIdCell, period_start: timeCell, period_end: timeCell };
const toRow = (r: { asset_id: bigint; period_start: bigint; period_end: bigint }, utilizationBps: number) => ({
  assetId: r.asset_id,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  utilizationBps,
});
const pctRow = z.object({ ...periodCells, utilization_pct: pctCell }).transform((r) => toRow(r, r.utilization_pct));
const bpsRow = z.object({ ...periodCells, utilization_bps: bpsCell }).transform((r) => toRow(r, r.utilization_bps));

export type UtilizationRow = z.infer<typeof pctRow> & Located;

export function parseUtilizationCsv(text: string): { rows: UtilizationRow[]; errors: string[] } {
  const { header, records } = parseCsv(text, UTILIZATION_COLUMNS);
  const missing = ['asset_id', 'period_start', 'period_end'].filter((c) => !header.includes(c));
  if (missing.length > 0) return { rows: [], errors: [`the header lacks column ${missing.join(', ')}`] };
  const pct = header.includes('utilization_pct');
  if (pct === header.includes('utilization_bps')) {
    return { rows: [], errors: ['the header needs exactly one of utilization_pct or utilization_bps'] };
  }
  return parseRows(records, pct ? pctRow : bpsRow);
}

export type UtilizationFacts = {
  chainTime: bigint;
  /** Who sends the reports, and whether it holds the registry's REPORTER_ROLE (else it must run the asset). */
  sender: Address;
  senderIsReporter: boolean;
  asset: (id: bigint) => { operator: Address } | undefined;
  /** The asset's periods already reported (its UtilizationReported events). */
  reported: (id: bigint) => readonly Period[];
};

export function checkUtilizationRows(rows: readonly UtilizationRow[], facts: UtilizationFacts): string[] {
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
    if (!facts.senderIsReporter && getAddress(asset.operator) !== getAddress(facts.sender)) {
      errors.push(
        `${at}: ${facts.sender} lacks the registry's REPORTER_ROLE and is not asset ${r.assetId}'s operator ${asset.operator}`,
      );
    }
    const problem = periodProblem(period, facts.chainTime);
    if (problem) {
      errors.push(`${at}: ${problem}`);
      continue;
    }
    const recorded = firstOverlap(period, facts.reported(r.assetId));
    if (recorded) {
      errors.push(
        `${at}: asset ${r.assetId}'s period ${formatPeriod(period)} overlaps its period ${formatPeriod(recorded)} already reported (${recorded.origin})`,
      );
    }
    const earlier = firstOverlap(period, seen.get(r.assetId) ?? []);
    if (earlier) errors.push(`${at}: asset ${r.assetId}'s period overlaps ${earlier.origin}'s for the same asset`);
    seen.set(r.assetId, [...(seen.get(r.assetId) ?? []), { ...period, origin: rowLabel(r) }]);
  }
  return errors;
}
