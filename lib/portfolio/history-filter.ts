import type { Address } from 'viem';
import { parsePortfolioAddress } from './portfolio-address';

import { HISTORY_KINDS, type HistoryKind } from './history-kinds';

export { HISTORY_KINDS };

export const HISTORY_KIND_LABEL: Record<HistoryKind, string> = {
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  claim: 'Yield claimed',
  redemption_request: 'Redemption requested',
  redemption_fill: 'Redemption filled',
  redemption_claim: 'Redemption paid out',
  redemption_cancel: 'Redemption cancelled',
};

/**
 * The history's filters, from the URL (`?kind=&pool=`) so a filtered view can be shared. A pool is one pool on
 * one chain, `pool=<chainId>:<address>` (the same address may be a pool on two chains); a bare address, as
 * links had it before the app served several chains, is that address on every chain.
 */
export type HistoryFilter = { kind?: HistoryKind; pool?: Address; chainId?: number };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** Unknown kinds and malformed pools are dropped (the whole history shows), never an error page. */
export function parseHistoryFilter(params: SearchParams): HistoryFilter {
  const filter: HistoryFilter = {};
  const kind = first(params, 'kind');
  if (kind && (HISTORY_KINDS as readonly string[]).includes(kind)) filter.kind = kind as HistoryKind;
  const pool = first(params, 'pool')?.trim();
  const [, chain, rest] = pool?.match(/^(\d{1,16}):(.*)$/) ?? [undefined, undefined, pool];
  const address = rest ? parsePortfolioAddress(rest) : null;
  if (address) {
    filter.pool = address;
    if (chain !== undefined && Number(chain) > 0) filter.chainId = Number(chain);
  }
  return filter;
}

export function isFiltered(filter: HistoryFilter): boolean {
  return Boolean(filter.kind || filter.pool);
}

/** The value of `pool=` for a pool on a chain (the history filter's select options carry it). */
export function historyPoolValue(pool: Address, chainId: number | undefined): string {
  return chainId === undefined ? pool : `${chainId}:${pool}`;
}

/**
 * "?kind=claim&pool=84532:0x…", or "" without filters. `forIndexer`: the indexer's own form, the bare address
 * (the chain goes in its `chainId=`).
 */
export function historyFilterQuery(filter: HistoryFilter, { forIndexer = false } = {}): string {
  const search = new URLSearchParams();
  if (filter.kind) search.set('kind', filter.kind);
  if (filter.pool) search.set('pool', forIndexer ? filter.pool : historyPoolValue(filter.pool, filter.chainId));
  const text = search.toString();
  return text ? `?${text}` : '';
}
