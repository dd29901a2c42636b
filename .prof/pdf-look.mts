import fs from 'node:fs';
import { periodStatementPdf } from '../lib/statements/period-statement-pdf';
import { customPeriod } from '../lib/statements/statement-period';
import { poolKey } from '../lib/chain/pool-key';

const A = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const B = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;
const names = ['Ashburn H100 Cluster · Round 1', 'Rotterdam AMR Fleet · Series A', 'Osaka Cleaning Robots · Series A', 'Austin L40S Inference · Round 1', 'Osaka Delivery Robots · Series B'];
const pools = names.map((n, i) => `0x${String(i + 1).padStart(40, 'a')}` as `0x${string}`);
const lines = (k: bigint) => ({
  opening: { shares: k * 10n ** 21n, value: k * 1_000_000000n, unclaimedRevenue: k * 1_234567n },
  deposits: k * 150_000000n, instantWithdrawals: 0n, queuedWithdrawals: k * 20_000000n, transfersIn: 0n, transfersOut: 0n,
  revenueEarned: k * 12_345678n, revenueClaimed: k * 10_000000n, provisions: 0n, writeDowns: -k * 5_000000n, recoveries: k * 1_000000n, rounding: 0n,
  closing: { shares: k * 10n ** 21n, value: k * 1_000_000000n + k * 150_000000n - k * 20_000000n - k * 4_000000n, unclaimedRevenue: k * 1_234567n + k * 2_345678n },
});
const holdings = pools.flatMap((pool, i) => [A, B].map((account, j) => ({ ...lines(BigInt(i + j + 1)), account, pool })));
const sum = (ls: ReturnType<typeof lines>[]) => ls.reduce((a, b) => ({
  opening: { shares: a.opening.shares + b.opening.shares, value: a.opening.value + b.opening.value, unclaimedRevenue: a.opening.unclaimedRevenue + b.opening.unclaimedRevenue },
  closing: { shares: a.closing.shares + b.closing.shares, value: a.closing.value + b.closing.value, unclaimedRevenue: a.closing.unclaimedRevenue + b.closing.unclaimedRevenue },
  deposits: a.deposits + b.deposits, instantWithdrawals: 0n, queuedWithdrawals: a.queuedWithdrawals + b.queuedWithdrawals, transfersIn: 0n, transfersOut: 0n,
  revenueEarned: a.revenueEarned + b.revenueEarned, revenueClaimed: a.revenueClaimed + b.revenueClaimed, provisions: 0n, writeDowns: a.writeDowns + b.writeDowns, recoveries: a.recoveries + b.recoveries, rounding: 0n,
}));
const poolLines = pools.map((pool) => ({ ...sum(holdings.filter((h) => h.pool === pool)), pool }));
const statement = {
  chainId: 31337, from: '2026-07-01', to: '2026-09-30',
  opening: { block: 180n, timestamp: 1782863999n }, closing: { block: 402n, timestamp: 1790812799n }, complete: true,
  holdings, pools: poolLines, total: sum(poolLines),
  transactions: Array.from({ length: 40 }, (_, i) => ({ kind: (['deposit', 'claim', 'redemption_fill', 'transfer_out'] as const)[i % 4], pool: pools[i % 5]!, account: i % 2 ? A : B, counterparty: null, amount: 1_234_000000n + BigInt(i), shares: i % 3 ? 10n ** 21n : null, blockNumber: 200n + BigInt(i), timestamp: 1783000000n + BigInt(i * 86400), txHash: `0x${(i + 1).toString(16).padStart(64, 'c')}` })),
  transactionsTruncated: false,
};
const labels = new Map(pools.map((address, i) => [poolKey(31337, address), { chainId: 31337, address, name: names[i]!, symbol: 'myX', category: 'compute' as const }]));
const pdf = await periodStatementPdf({ subject: 'Acme Fund I', wallets: [A, B], period: customPeriod('2026-07-01', '2026-09-30'), statement: statement as never, pools: labels, generatedAt: new Date() });
fs.writeFileSync('/tmp/look.pdf', pdf);
