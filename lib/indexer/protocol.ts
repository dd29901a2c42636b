import 'server-only';
import { z } from 'zod';
import { getFromIndexer } from './client';
import { protocolSchema, protocolSeriesSchema, type ProtocolSeriesPoint, type ProtocolTotals } from './wire';

export async function getProtocolTotals(): Promise<ProtocolTotals> {
  const body = await getFromIndexer('/api/protocol', z.object({ protocol: protocolSchema }));
  if (!body) throw new Error('the indexer has no protocol totals');
  return body.protocol;
}

/** Revenue distributed by every pool, per week, over the window (buckets without revenue are absent). */
export async function getProtocolRevenueSeries(days = 180): Promise<ProtocolSeriesPoint[]> {
  const body = await getFromIndexer(`/api/protocol/series?interval=week&days=${days}`, protocolSeriesSchema);
  return body?.series ?? [];
}
