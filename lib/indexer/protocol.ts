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
