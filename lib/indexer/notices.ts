import 'server-only';
import type { Address } from 'viem';
import { z } from 'zod';
import { getFromIndexer } from './client';
import { indexedSchema, noticeListSchema, type IndexedAt, type Notice } from './wire';

/** How many notices a feed carries: a reader polls far more often than 50 things happen to a pool. */
export const FEED_LENGTH = 50;

const noticesBody = z.object({ notices: noticeListSchema, indexed: indexedSchema });

/** A pool's notices (lib/feeds), newest first. */
export async function getPoolNotices(
  chainId: number,
  pool: Address,
): Promise<{ notices: Notice[]; indexed: IndexedAt }> {
  const body = await getFromIndexer(`/api/pools/${pool}/notices?limit=${FEED_LENGTH}`, noticesBody, [chainId]);
  return body ?? { notices: [], indexed: { block: 0n, timestamp: 0n } };
}

/** The notices of the pools the accounts hold or held, on every served chain, newest first. */
export async function getAccountNotices(accounts: Address[]): Promise<{ notices: Notice[]; indexed: IndexedAt }> {
  const body = await getFromIndexer(`/api/accounts/${accounts.join(',')}/notices?limit=${FEED_LENGTH}`, noticesBody);
  return body ?? { notices: [], indexed: { block: 0n, timestamp: 0n } };
}
