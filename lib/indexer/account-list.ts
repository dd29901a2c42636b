import type { Address } from 'viem';

/** One account, or several read as one (an entity's wallets, at most the indexer's limit). */
export type Accounts = Address | readonly Address[];

/** The API's path segment for them: `0x..` or `0x..,0x..`. */
export const accountsSegment = (accounts: Accounts) => (typeof accounts === 'string' ? accounts : accounts.join(','));
