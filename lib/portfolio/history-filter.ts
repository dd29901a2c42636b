import type { Address } from 'viem';
import { parsePortfolioAddress } from './portfolio-address';

/** The kinds of entry an account's history holds, as the indexer's /api/accounts/:address/history returns them. */
export const HISTORY_KINDS = [
  'deposit',
  'withdrawal',
  'claim',
  'redemption_request',
  'redemption_fill',
  'redemption_claim',
  'redemption_cancel',
] as const;
type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HISTORY_KIND_LABEL: Record<HistoryKind, string> = {
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  claim: 'Yield claimed',
  redemption_request: 'Redemption requested',
  redemption_fill: 'Redemption filled',
  redemption_claim: 'Redemption paid out',
  redemption_cancel: 'Redemption cancelled',
};

/** The history's filters, from the URL (`?kind=&pool=`) so a filtered view can be shared. */
export type HistoryFilter = { kind?: HistoryKind; pool?: Address };

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
  const pool = first(params, 'pool');
  const address = pool ? parsePortfolioAddress(pool.trim()) : null;
  if (address) filter.pool = address;
  return filter;
}

export function isFiltered(filter: HistoryFilter): boolean {
  return Boolean(filter.kind || filter.pool);
}

/** "?kind=claim&pool=0x…", or "" without filters. */
export function historyFilterQuery(filter: HistoryFilter): string {
  const search = new URLSearchParams();
  if (filter.kind) search.set('kind', filter.kind);
  if (filter.pool) search.set('pool', filter.pool);
  const text = search.toString();
  return text ? `?${text}` : '';
}
