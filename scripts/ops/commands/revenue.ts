/**
 * Revenue and utilization from the operators' books: one CSV per run, every row checked (format, asset, pool,
 * amounts, periods against the chain's clock, what was already recorded, and the other rows) before one batch is
 * planned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import {
  chainTime,
  distributedPeriods,
  hasRole,
  planUsdcPayment,
  readAssets,
  registryOf,
  reportedPeriods,
  requirePool,
  requirePoolNotPaused,
  requireRole,
} from '../chain-reads';
import type { Ops } from '../connection';
import { defineCommand, withOutputs } from '../command';
import { CsvError } from '../csv-file';
import { addressFlag } from '../flags';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';
import { checkRevenueRows, parseRevenueCsv } from '../revenue-rows';
import { formatUsdcExact } from '../usdc-amount';
import { checkUtilizationRows, parseUtilizationCsv } from '../utilization-rows';

function readCsv<T>(ops: Ops, file: string, parse: (text: string) => { rows: T[]; errors: string[] }): T[] {
  const full = path.resolve(ops.io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch {
    throw new OpsError(`--csv ${full} cannot be read`);
  }
  try {
    const { rows, errors } = parse(text);
    refuse(full, errors);
    return rows;
  } catch (error) {
    if (error instanceof CsvError) throw new OpsError(`--csv ${full}: ${error.message}`);
    throw error;
  }
}

/** Every problem found, one line each, so the operator fixes the file once. */
function refuse(file: string, errors: string[]) {
  if (errors.length === 0) return;
  const head = `${file}: ${errors.length} problem${errors.length > 1 ? 's' : ''}, nothing sent`;
  throw new OpsError([head, ...errors.map((e) => `  ${e}`)].join('\n'));
}

export const distributeRevenue = defineCommand({
  name: 'distribute-revenue',
  summary: "distribute a period's net revenue of a pool's assets from a CSV (revenue reporter)",
  usage: '--pool <address> --csv <file>',
  help: [
    '  --csv  header asset_id,amount_usdc,period_start,period_end; one row per asset and period.',
    '         amount_usdc: net revenue in USDC (at most 6 decimals, at least the pool minimum of 1 USDC);',
    '         periods: ISO-8601 with an offset (2025-03-01T00:00:00Z), a date (midnight UTC) or unix seconds;',
    '         [start, end): a period may start when the previous one ended, never overlap it.',
    "The pool pulls the sum from the sender's USDC (an approval of exactly the sum first if needed), in one",
    'distributeRevenueBatch. Sender: REVENUE_REPORTER_ROLE on the pool.',
  ],
  options: { pool: { type: 'string' }, csv: { type: 'string' } },
  flags: z.object({ pool: addressFlag, csv: z.string({ error: 'is required' }).min(1) }),
  async run(input, ops) {
    const rows = readCsv(ops, input.csv, parseRevenueCsv);
    const pool = await requirePool(ops, input.pool);
    await requireRole(ops, pool, 'REVENUE_REPORTER_ROLE');
    await requirePoolNotPaused(ops, pool.address);
    const ids = rows.map((r) => r.assetId);
    const [assets, history, now, minDistribution] = await Promise.all([
      readAssets(ops, ids),
      distributedPeriods(ops, pool.address, ids),
      chainTime(ops),
      ops.client.readContract({ address: pool.address, abi: financingPoolAbi, functionName: 'minDistribution' }),
    ]);
    refuse(
      path.resolve(ops.io.cwd, input.csv),
      checkRevenueRows(rows, {
        pool: pool.address,
        chainTime: now,
        minDistribution,
        asset: (id) => assets.get(id),
        distributed: (id) => history.get(id) ?? [],
      }),
    );
    const total = rows.reduce((sum, r) => sum + r.amount, 0n);
    const payment = await planUsdcPayment(ops, pool.address, total, `the revenue of ${rows.length} rows`);
    const result = await runPlan(ops, {
      title: `Distribute ${formatUsdcExact(total)} of revenue over ${new Set(ids).size} assets to pool ${pool.address}`,
      calls: [
        ...payment,
        call({
          to: pool.address,
          abi: financingPoolAbi,
          functionName: 'distributeRevenueBatch',
          args: [
            rows.map((r) => ({
              assetId: r.assetId,
              amount: r.amount,
              periodStart: r.periodStart,
              periodEnd: r.periodEnd,
            })),
          ],
          summary: `distribute ${rows.length} rows: ${rows.map((r) => `asset ${r.assetId} ${formatUsdcExact(r.amount)}`).join(', ')}`,
        }),
      ],
    });
    return withOutputs(result, { total: total.toString() });
  },
});

export const reportUtilization = defineCommand({
  name: 'report-utilization',
  summary: "report assets' utilization for past periods from a CSV (utilization reporter or the asset's operator)",
  usage: '--csv <file>',
  help: [
    '  --csv  header asset_id,period_start,period_end,utilization_pct (0–100, 2 decimals) or …,utilization_bps',
    '         (0–10000); periods as for distribute-revenue, never overlapping one already reported.',
    "Sender: REPORTER_ROLE on the HardwareAssetRegistry, or each row's asset operator.",
  ],
  options: { csv: { type: 'string' } },
  flags: z.object({ csv: z.string({ error: 'is required' }).min(1) }),
  async run(input, ops) {
    const rows = readCsv(ops, input.csv, parseUtilizationCsv);
    const registry = registryOf(ops);
    const ids = rows.map((r) => r.assetId);
    const [assets, history, now, isReporter] = await Promise.all([
      readAssets(ops, ids),
      reportedPeriods(ops, ids),
      chainTime(ops),
      hasRole(ops, registry.address, 'REPORTER_ROLE', ops.sender.address),
    ]);
    refuse(
      path.resolve(ops.io.cwd, input.csv),
      checkUtilizationRows(rows, {
        chainTime: now,
        sender: ops.sender.address,
        senderIsReporter: isReporter,
        asset: (id) => assets.get(id),
        reported: (id) => history.get(id) ?? [],
      }),
    );
    const result = await runPlan(ops, {
      title: `Report utilization of ${new Set(ids).size} assets (${rows.length} rows)`,
      calls: [
        call({
          to: registry.address,
          abi: hardwareAssetRegistryAbi,
          functionName: 'reportUtilizationBatch',
          args: [
            rows.map((r) => ({
              assetId: r.assetId,
              periodStart: r.periodStart,
              periodEnd: r.periodEnd,
              utilizationBps: r.utilizationBps,
            })),
          ],
          summary: `report ${rows.map((r) => `asset ${r.assetId} ${(r.utilizationBps / 100).toFixed(2)} %`).join(', ')}`,
        }),
      ],
    });
    return withOutputs(result);
  },
});
