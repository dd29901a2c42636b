import 'server-only';
import { z } from 'zod';
import { bigintString, getFromIndexer } from './client';

const protocolSchema = z.object({
  tvl: bigintString,
  outstandingPrincipal: bigintString,
  revenueNet: bigintString,
  revenueNet30d: bigintString,
  revenueClaimed: bigintString,
  writtenDown: bigintString,
  realYield30d: z.number().nullable(),
  pools: z.number(),
  machinesFinanced: z.number(),
  unitsFinanced: z.number(),
  investors: z.number(),
});
export type ProtocolTotals = z.infer<typeof protocolSchema>;

export async function getProtocolTotals(): Promise<ProtocolTotals> {
  const body = await getFromIndexer('/api/protocol', z.object({ protocol: protocolSchema }));
  if (!body) throw new Error('the indexer has no protocol totals');
  return body.protocol;
}

const protocolSeriesSchema = z.object({
  series: z.array(z.object({ day: z.number(), revenueNet: bigintString, revenueGross: bigintString })),
});
export type ProtocolSeriesPoint = z.infer<typeof protocolSeriesSchema>['series'][number];

/** Revenue distributed by every pool, per week, over the window (buckets without revenue are absent). */
export async function getProtocolRevenueSeries(days = 180): Promise<ProtocolSeriesPoint[]> {
  const body = await getFromIndexer(`/api/protocol/series?interval=week&days=${days}`, protocolSeriesSchema);
  return body?.series ?? [];
}
