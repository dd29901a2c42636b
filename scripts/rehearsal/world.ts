/**
 * The rehearsal's cast, as anvil dev accounts: each role of a real deployment on an account of its own, so that
 * a call made from the wrong role fails as it would on Base Sepolia. Nothing here is the seed's world.
 */
import { mnemonicToAccount } from 'viem/accounts';
import { toHex, type Address, type Hex } from 'viem';

/** anvil's well-known dev mnemonic: these keys hold nothing on any real network. */
const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

/** The first chain, the app's default: Base Sepolia's id. */
export const REHEARSAL_CHAIN_ID = 84532;
/** The second chain the same app and indexer serve at once: Ethereum Sepolia's id. */
export const REHEARSAL_SECOND_CHAIN_ID = 11155111;

export const CAST = {
  deployer: 0,
  /** The e2e test wallet (account 1, as in the seeded e2e stack): starts with Circle's USDC and nothing else. */
  investor: 1,
  /** Stands in for Circle: the USDC's master minter. */
  circle: 9,
  /** A Safe in production: registers projects, creates pools, proposes timelocked changes. */
  admin: 10,
  guardian: 11,
  manager: 12,
  reporter: 13,
  compliance: 14,
  registrar: 15,
  treasury: 16,
  /** The project's operator, who runs the machines and receives deployed capital. */
  operator: 17,
  /** Sets up what a real network has before anyone arrives (scripts/rehearsal/predeploys.ts). */
  chainSetup: 23,
} as const;

export type Role = keyof typeof CAST;

export function castAccount(role: Role) {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: CAST[role] });
}

export function castAddress(role: Role): Address {
  return castAccount(role).address;
}

export function castKey(role: Role): Hex {
  return toHex(castAccount(role).getHdKey().privateKey!);
}

/**
 * What the rehearsal finances: one GPU project, one pool, two machine groups. The metadata documents are the
 * app's own (public/metadata), so the pool page reads and hash-checks them as it would on a testnet.
 */
export const REHEARSAL_MARKET = {
  project: {
    name: 'Lone Star Inference',
    category: 'compute',
    metadataUri: '/metadata/projects/lone-star-inference.json',
  },
  pool: {
    name: 'Austin L40S Inference · Round 1',
    symbol: 'myAUS1',
    depositCapUsdc: '500000',
    minDepositUsdc: '100',
    metadataUri: '/metadata/pools/austin-l40s-round-1.json',
  },
  assets: [
    {
      kind: 'gpu',
      model: 'NVIDIA L40S',
      units: 64,
      location: 'Austin, TX',
      limitUsdc: '250000',
      revenueUsdc: '4210.55',
      utilizationPct: '87.5',
    },
    {
      kind: 'gpu',
      model: 'AMD MI300X',
      units: 16,
      location: 'Austin, TX',
      limitUsdc: '150000',
      revenueUsdc: '2890.10',
      utilizationPct: '72',
    },
  ],
  timelockDelaySeconds: 3_600,
  /** USDC that Circle's minter hands out before the rehearsal starts. */
  funding: { investor: '25000', reporter: '20000' },
} as const;

/**
 * What the rehearsal finances on the second chain: a robot fleet, named apart from the first chain's GPUs so a
 * page that shows one chain's pool under the other's id is caught. Same roles, timelock delay and funding.
 */
export const REHEARSAL_SECOND_MARKET = {
  project: {
    name: 'Rotterdam Robotics Leasing',
    category: 'robotics',
    metadataUri: '/metadata/projects/rotterdam-robotics-leasing.json',
  },
  pool: {
    name: 'Rotterdam AMR Fleet · Series A',
    symbol: 'myROTA',
    depositCapUsdc: '300000',
    minDepositUsdc: '100',
    metadataUri: '/metadata/pools/rotterdam-amr-series-a.json',
  },
  assets: [
    {
      kind: 'robot',
      model: 'MiR600 autonomous mobile robot',
      units: 24,
      location: 'Rotterdam, NL',
      limitUsdc: '180000',
      revenueUsdc: '1875.40',
      utilizationPct: '81',
    },
  ],
  timelockDelaySeconds: REHEARSAL_MARKET.timelockDelaySeconds,
  funding: REHEARSAL_MARKET.funding,
} as const;

export type RehearsalMarket = typeof REHEARSAL_MARKET | typeof REHEARSAL_SECOND_MARKET;

/** Each chain of the rehearsal, the app's default first: its id, the network it stands in for, what it finances. */
export const REHEARSAL_CHAINS = [
  { id: REHEARSAL_CHAIN_ID, network: 'Base Sepolia', market: REHEARSAL_MARKET },
  { id: REHEARSAL_SECOND_CHAIN_ID, network: 'Ethereum Sepolia', market: REHEARSAL_SECOND_MARKET },
] as const;

export type RehearsalChain = (typeof REHEARSAL_CHAINS)[number];
