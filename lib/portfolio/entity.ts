import type { Address } from 'viem';
import { poolKey, type PoolKey } from '../chain/pool-key';
import { shortAddress } from '../format/address';
import type { AccountPosition } from '../indexer/wire';
import { parseAddressInput } from './portfolio-address';

/** The indexer's limit on accounts read at once (indexer/src/api/validation.ts accountList). */
export const MAX_ENTITY_WALLETS = 20;
const MAX_NAME = 80;

/** A fund's wallets read as one portfolio: a name and its wallets, all carried in a shareable read-only URL. */
export type Entity = { name: string; wallets: Address[] };

export type EntityInput = { name: string; walletsText: string };
export type ParsedEntity = { ok: true; entity: Entity } | { ok: false; errors: string[]; input: EntityInput };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * `?name=&wallets=` (wallets separated by commas, spaces or new lines, as pasted) to an entity, or every
 * problem at once, each naming the entries at fault: what is not an address, what is listed twice, too many.
 */
export function parseEntity(params: Record<string, string | string[] | undefined>): ParsedEntity {
  const input = { name: first(params.name), walletsText: first(params.wallets) };
  const name = input.name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || 'Unnamed entity';
  const tokens = input.walletsText.split(/[\s,;]+/).filter(Boolean);
  const errors: string[] = [];
  const wallets: Address[] = [];
  const bad: string[] = [];
  const twice = new Set<Address>();
  for (const token of tokens) {
    const parsed = parseAddressInput(token);
    if (!parsed.ok) bad.push(token.length > 48 ? `${token.slice(0, 45)}…` : token);
    else if (wallets.includes(parsed.address)) twice.add(parsed.address);
    else wallets.push(parsed.address);
  }
  if (tokens.length === 0) errors.push('List at least one wallet address.');
  // Named, but at most ten of them: a pasted column of anything must not become a page of echoes.
  const named = bad.length > 10 ? `${bad.slice(0, 10).join(', ')} and ${bad.length - 10} more` : bad.join(', ');
  if (bad.length > 0) errors.push(`Not ${bad.length === 1 ? 'an address' : 'addresses'}: ${named}.`);
  if (twice.size > 0) errors.push(`Listed more than once: ${[...twice].map(shortAddress).join(', ')}.`);
  if (wallets.length > MAX_ENTITY_WALLETS)
    errors.push(`An entity holds at most ${MAX_ENTITY_WALLETS} wallets; this lists ${wallets.length}.`);
  return errors.length > 0 ? { ok: false, errors, input } : { ok: true, entity: { name, wallets } };
}

/** The entity's page: everything it is, in its URL, so a link to it is the whole of it. */
export function entityPath({ name, wallets }: Entity, subpath = ''): string {
  const params = new URLSearchParams({ name, wallets: wallets.join(',') });
  return `/portfolio/entity${subpath}?${params.toString()}`;
}

/**
 * The entity's positions, one per pool: the wallets' shares, value, cost, P&L and yield added up. Figures
 * that add across wallets only; the wallet of each is in the per-wallet breakdown.
 */
export function combinedPositions(positions: readonly AccountPosition[]): AccountPosition[] {
  const byPool = new Map<PoolKey, AccountPosition>();
  for (const p of positions) {
    const key = poolKey(p.chainId, p.pool);
    const seen = byPool.get(key);
    byPool.set(
      key,
      seen
        ? {
            ...seen,
            shares: seen.shares + p.shares,
            lockedShares: seen.lockedShares + p.lockedShares,
            costBasis: seen.costBasis + p.costBasis,
            depositedAssets: seen.depositedAssets + p.depositedAssets,
            withdrawnAssets: seen.withdrawnAssets + p.withdrawnAssets,
            realisedPnl: seen.realisedPnl + p.realisedPnl,
            revenueClaimed: seen.revenueClaimed + p.revenueClaimed,
            value: seen.value + p.value,
            claimableRevenue: seen.claimableRevenue + p.claimableRevenue,
            unrealisedPnl: seen.unrealisedPnl + p.unrealisedPnl,
            totalReturn: seen.totalReturn + p.totalReturn,
          }
        : p,
    );
  }
  return [...byPool.values()];
}

/** Each wallet's positions (in pools, tranches or both), in the entity's order, for the per-wallet breakdown. */
export function positionsByWallet<P extends { account: Address }>(
  wallets: readonly Address[],
  positions: readonly P[],
): { wallet: Address; positions: P[] }[] {
  return wallets.map((wallet) => ({ wallet, positions: positions.filter((p) => p.account === wallet) }));
}
