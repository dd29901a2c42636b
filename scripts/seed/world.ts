/**
 * The seeded market, as plain data. Amounts are in whole USDC; investors are indexes into anvil's accounts.
 * Account 1 is kept free of positions: the end-to-end tests' wallet starts from zero in every pool.
 */
export const INVESTOR_FUNDING_USDC = '1000000';

/** How far back the seeded history starts; the seed ends by moving the chain's clock to the present. */
export const SEED_HISTORY_DAYS = 30;

export function seedGenesisTimestamp(now = Date.now()): number {
  return Math.floor(now / 1000) - SEED_HISTORY_DAYS * 86_400;
}

export const SEED_POOLS = [
  {
    name: 'Ashburn H100 Cluster · Round 1',
    symbol: 'myASH1',
    category: 0, // Compute
    metadataURI: '/metadata/pools/ashburn-h100-round-1.json',
  },
  {
    name: 'Rotterdam AMR Fleet · Series A',
    symbol: 'myROTA',
    category: 1, // Robotics
    metadataURI: '/metadata/pools/rotterdam-amr-series-a.json',
  },
  {
    name: 'Austin L40S Inference · Round 1',
    symbol: 'myAUS1',
    category: 0, // Compute
    metadataURI: '/metadata/pools/austin-l40s-round-1.json',
  },
] as const;

export const SEED_DEPOSITS: readonly { investor: number; pool: number; usdc: string; afterDays: number }[] = [
  { investor: 2, pool: 0, usdc: '250000', afterDays: 1 },
  { investor: 3, pool: 0, usdc: '120000', afterDays: 3 },
  { investor: 4, pool: 1, usdc: '80000', afterDays: 2 },
  { investor: 5, pool: 1, usdc: '45500.25', afterDays: 5 },
  { investor: 2, pool: 1, usdc: '60000', afterDays: 4 },
  { investor: 6, pool: 0, usdc: '18750.5', afterDays: 6 },
  { investor: 7, pool: 2, usdc: '150000', afterDays: 2 },
  { investor: 3, pool: 2, usdc: '32000', afterDays: 3 },
];
