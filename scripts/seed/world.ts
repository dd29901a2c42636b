/**
 * The seeded market, as plain data: who operates what, the financing rounds, the machines, and the
 * assumptions every revenue figure follows (the machine groups are in machines.ts). `simulate.ts` turns it into
 * real transactions on anvil.
 *
 * Revenue assumptions (net operating revenue, paid weekly in arrears):
 * - GPU clusters sell compute by the hour:
 *     gross = GPUs × 168 h × utilization × price per GPU-hour
 *     net   = gross × (1 − operating costs: power, colocation, network, staff)
 * - Robot fleets are rented out by the month (robots as a service):
 *     gross = robots × monthly rent × 12 / 52 × fleet uptime
 *     net   = gross × (1 − maintenance and insurance)
 * - Utilization follows each asset's own base level, a ramp-up over its first weeks in service, and
 *   deterministic noise (a seeded PRNG per asset), so no two assets earn alike.
 * - Principal amortises: each active asset repays a fixed share of what was deployed every 30 days.
 *
 * Accounts are anvil's dev accounts (anvil runs with SEED_ACCOUNT_COUNT). Account 1 and 8 are funded but never deposit:
 * the end-to-end tests' wallets start from zero in every pool.
 */
export const SEED_HISTORY_DAYS = 200;
export const SEED_ACCOUNT_COUNT = 24;

export const ACCOUNTS = {
  admin: 0,
  testWallet: 1,
  visitorWallet: 8,
  manager: 10,
  reporter: 11,
  treasury: 12,
  /** Pauses a pool and cancels scheduled admin changes; nothing else. */
  guardian: 9,
  /** Keeps the allowlist of the permissioned pool. */
  compliance: 20,
  /** Registers machine groups in the registry; cannot move money. */
  registrar: 21,
  investors: [2, 3, 4, 5, 6, 7, 17, 18, 19],
} as const;

/**
 * The pools' admin is a TimelockController: account 0 (the admin) proposes, anyone executes after this delay,
 * the guardian may cancel. Two days, as a real deployment would have it.
 */
export const TIMELOCK_DELAY_DAYS = 2;

/** USDC each account gets from the faucet at the start; the test wallets get exactly 1,000,000. */
export const FUNDING_USDC = { testWallet: 1_000_000, investor: 4_000_000, manager: 50_000_000, reporter: 50_000_000 };

export const PROTOCOL = { feeBps: 1_000, revenueStreamDays: 7 };

export type ProjectSpec = {
  key: string;
  operatorAccount: number;
  category: 'compute' | 'robotics';
  name: string;
  metadata: string; // public/metadata/projects/<file>
};

export const PROJECTS: readonly ProjectSpec[] = [
  {
    key: 'ashburn',
    operatorAccount: 13,
    category: 'compute',
    name: 'Ashburn GPU Cloud',
    metadata: 'ashburn-gpu-cloud.json',
  },
  {
    key: 'austin',
    operatorAccount: 14,
    category: 'compute',
    name: 'Lone Star Inference',
    metadata: 'lone-star-inference.json',
  },
  {
    key: 'rotterdam',
    operatorAccount: 15,
    category: 'robotics',
    name: 'Rotterdam Robotics Leasing',
    metadata: 'rotterdam-robotics-leasing.json',
  },
  {
    key: 'osaka',
    operatorAccount: 16,
    category: 'robotics',
    name: 'Kansai Service Robots',
    metadata: 'kansai-service-robots.json',
  },
];

export type PoolFate = 'active' | 'raising' | 'closed';

export type PoolSpec = {
  key: string;
  project: string;
  name: string;
  symbol: string;
  capUsdc: number;
  minDepositUsdc: number;
  metadata: string; // public/metadata/pools/<file>
  fate: PoolFate;
  /** Share of deposits kept idle for instant exits when capital is deployed. */
  idleReserve: number;
  /** Deposits and share transfers only to allowlisted addresses. */
  permissioned?: boolean;
};

export const POOLS: readonly PoolSpec[] = [
  {
    key: 'ash1',
    project: 'ashburn',
    name: 'Ashburn H100 Cluster · Round 1',
    symbol: 'myASH1',
    capUsdc: 9_000_000,
    minDepositUsdc: 100,
    metadata: 'ashburn-h100-round-1.json',
    fate: 'active',
    idleReserve: 0.08,
  },
  {
    key: 'rot-a',
    project: 'rotterdam',
    name: 'Rotterdam AMR Fleet · Series A',
    symbol: 'myROTA',
    capUsdc: 5_000_000,
    minDepositUsdc: 100,
    metadata: 'rotterdam-amr-series-a.json',
    fate: 'active',
    idleReserve: 0.06,
  },
  {
    key: 'aus1',
    project: 'austin',
    name: 'Austin L40S Inference · Round 1',
    symbol: 'myAUS1',
    capUsdc: 4_000_000,
    minDepositUsdc: 100,
    metadata: 'austin-l40s-round-1.json',
    fate: 'active',
    idleReserve: 0.01,
  },
  {
    key: 'osa-a',
    project: 'osaka',
    name: 'Osaka Cleaning Robots · Series A',
    symbol: 'myOSAA',
    capUsdc: 2_000_000,
    minDepositUsdc: 100,
    metadata: 'osaka-cleaning-series-a.json',
    fate: 'closed',
    idleReserve: 0.05,
  },
  {
    key: 'osa-b',
    project: 'osaka',
    name: 'Osaka Delivery Robots · Series B',
    symbol: 'myOSAB',
    capUsdc: 3_000_000,
    minDepositUsdc: 250,
    // Open to approved investors only: the compliance account keeps its allowlist.
    permissioned: true,
    metadata: 'osaka-delivery-series-b.json',
    fate: 'active',
    idleReserve: 0.07,
  },
  {
    key: 'ash2',
    project: 'ashburn',
    name: 'Ashburn H200 Expansion · Round 2',
    symbol: 'myASH2',
    capUsdc: 6_000_000,
    minDepositUsdc: 500,
    metadata: 'ashburn-h200-round-2.json',
    fate: 'raising',
    idleReserve: 1,
  },
];

/** Deposits: [investor account, pool, USDC, day]. Rounds fill in their first weeks; some later top-ups. */
export const DEPOSITS: readonly [number, string, number, number][] = [
  [2, 'ash1', 1_250_000, 2],
  [3, 'ash1', 820_000, 4],
  [4, 'ash1', 640_000, 6],
  [17, 'ash1', 1_100_000, 9],
  [5, 'ash1', 310_000, 11],
  [6, 'ash1', 95_000, 12],
  [18, 'ash1', 1_180_000, 13],
  [3, 'rot-a', 760_000, 3],
  [7, 'rot-a', 980_000, 5],
  [19, 'rot-a', 640_000, 8],
  [2, 'rot-a', 450_000, 14],
  [6, 'rot-a', 240_000, 17],
  [4, 'rot-a', 520_000, 19],
  [5, 'aus1', 900_000, 5],
  [17, 'aus1', 760_000, 9],
  [7, 'aus1', 410_000, 12],
  [18, 'aus1', 380_000, 16],
  [19, 'aus1', 260_000, 21],
  [4, 'osa-a', 600_000, 2],
  [2, 'osa-a', 510_000, 4],
  [6, 'osa-a', 330_000, 6],
  [19, 'osa-a', 290_000, 8],
  [3, 'osa-b', 720_000, 40],
  [5, 'osa-b', 560_000, 44],
  [18, 'osa-b', 480_000, 47],
  [7, 'osa-b', 350_000, 50],
  [17, 'osa-b', 280_000, 55],
  [2, 'ash1', 150_000, 96],
  [6, 'aus1', 55_000.5, 120],
  [19, 'osa-b', 75_000.25, 150],
  [17, 'ash2', 420_000, 172],
  [3, 'ash2', 655_000, 181],
  [7, 'ash2', 240_000, 188],
  [5, 'ash2', 180_000, 194],
];

/** Share transfers between investors: [from, to, pool, share of sender's balance, day]. */
export const TRANSFERS: readonly [number, number, string, number, number][] = [
  [2, 6, 'ash1', 0.1, 70],
  [7, 19, 'rot-a', 0.2, 110],
];

/** Investors who claim their revenue every 30 days; the others let it accrue. */
export const MONTHLY_CLAIMERS: readonly number[] = [2, 4, 17, 18];

/** Redemption requests: [investor, pool, share of balance, day, then]. */
export const REDEMPTIONS: readonly [number, string, number, number, 'claim' | 'keep' | 'cancel'][] = [
  // Osaka A winds down: its investors queue their exits, filled as the operator repays, most claimed.
  [4, 'osa-a', 1, 150, 'claim'],
  [2, 'osa-a', 1, 151, 'claim'],
  [6, 'osa-a', 1, 152, 'keep'],
  // Austin is fully deployed: exits beyond idle wait in the queue (still pending today).
  [17, 'aus1', 0.6, 185, 'keep'],
  [5, 'aus1', 0.35, 190, 'keep'],
  // An exit partly filled from Austin's idle cash, the rest cancelled.
  [18, 'aus1', 0.9, 160, 'cancel'],
];

/** When pools change state, in days. */
export const POOL_EVENTS = { closeOsakaA: 148 };
