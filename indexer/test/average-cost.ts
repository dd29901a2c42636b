/**
 * Cost basis and realised P&L per holder, replayed from a vault's raw logs at average cost: what the indexer
 * books for FinancingPool holders (shares.ts, records.ts) and tranche holders (tranche-vaults.ts), and what the
 * chain keeps no view of. The same rules for both: a transfer moves cost at the sender's average, a deposit adds
 * its assets, an exit (an instant Withdraw, or a queued request's fill) realises assets minus the cost of the
 * shares burned, and a claim of filled requests (RedemptionClaimed, then its Withdraw) realises nothing again.
 */
import { zeroAddress, type Address } from 'viem';

export type CostEntry = { shares: bigint; cost: bigint; realised: bigint };

type Log = { eventName?: string; args: unknown; transactionHash: string | null; logIndex: number | null };

export function averageCostBook(logs: readonly Log[]): Map<string, CostEntry> {
  const book = new Map<string, CostEntry>();
  const payouts = new Set(
    logs.filter((l) => l.eventName === 'RedemptionClaimed').map((l) => `${l.transactionHash}-${l.logIndex! + 1}`),
  );
  const entry = (a: string) =>
    book.get(a.toLowerCase()) ??
    book.set(a.toLowerCase(), { shares: 0n, cost: 0n, realised: 0n }).get(a.toLowerCase())!;
  for (const log of logs) {
    const args = log.args as Record<string, unknown>;
    if (log.eventName === 'Transfer') {
      const { from, to, value } = args as { from: Address; to: Address; value: bigint };
      let moved = 0n;
      if (from !== zeroAddress) {
        const s = entry(from);
        if (to !== zeroAddress && s.shares > 0n) moved = (s.cost * value) / s.shares;
        s.cost -= moved;
        s.shares -= value;
      }
      if (to !== zeroAddress) {
        const r = entry(to);
        r.cost += moved;
        r.shares += value;
      }
    } else if (log.eventName === 'Deposit') {
      entry(args.owner as string).cost += args.assets as bigint;
    } else if (log.eventName === 'Withdraw' && payouts.has(`${log.transactionHash}-${log.logIndex}`)) {
      continue;
    } else if (log.eventName === 'Withdraw' || log.eventName === 'RedeemRequestFilled') {
      const e = entry(args.owner as string);
      const before = e.shares + (args.shares as bigint);
      const cost = before === 0n ? 0n : (e.cost * (args.shares as bigint)) / before;
      e.cost -= cost;
      e.realised += (args.assets as bigint) - cost;
    }
  }
  return book;
}
