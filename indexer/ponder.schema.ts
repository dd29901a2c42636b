import { index, onchainTable, primaryKey } from 'ponder';

export const project = onchainTable('project', (t) => ({
  id: t.bigint().primaryKey(),
  operator: t.hex().notNull(),
  category: t.text().notNull(), // 'compute' | 'robotics'
  name: t.text().notNull(),
  metadataUri: t.text().notNull(),
  metadataHash: t.hex().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
}));

export const pool = onchainTable('pool', (t) => ({
  address: t.hex().primaryKey(),
  projectId: t.bigint().notNull(),
  asset: t.hex().notNull(),
  name: t.text().notNull(),
  symbol: t.text().notNull(),
  category: t.text().notNull(), // 'compute' | 'robotics'
  status: t.text().notNull(), // 'raising' | 'active' | 'closed'
  depositCap: t.bigint().notNull(),
  minDeposit: t.bigint().notNull(),
  protocolFeeBps: t.integer().notNull(),
  revenueStreamDuration: t.integer().notNull(),
  metadataUri: t.text().notNull(),
  metadataHash: t.hex().notNull(),
  totalAssets: t.bigint().notNull(),
  totalSupply: t.bigint().notNull(),
  depositors: t.integer().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  updatedAtBlock: t.bigint().notNull(),
}));

/** One row per pool share holder; `shares` follows every mint, burn and transfer. */
export const position = onchainTable(
  'position',
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull(),
    depositedAssets: t.bigint().notNull(),
    withdrawnAssets: t.bigint().notNull(),
    updatedAtBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.pool, table.account] }),
    accountIdx: index().on(table.account),
  }),
);

/** Deposits and withdrawals of one pool, as the ERC-4626 events report them. */
export const poolFlow = onchainTable(
  'pool_flow',
  (t) => ({
    id: t.text().primaryKey(), // `${txHash}-${logIndex}`
    pool: t.hex().notNull(),
    kind: t.text().notNull(), // 'deposit' | 'withdrawal'
    sender: t.hex().notNull(),
    owner: t.hex().notNull(),
    receiver: t.hex().notNull(),
    assets: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    poolTimeIdx: index().on(table.pool, table.blockNumber, table.logIndex),
    ownerIdx: index().on(table.owner),
  }),
);
