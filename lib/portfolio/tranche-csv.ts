import { formatUnits } from 'viem';
import { SHARE_DECIMALS, USDC_DECIMALS } from '../format/usdc';
import type { TranchePosition } from '../indexer/tranche-wire';
import type { IndexedAt } from '../indexer/wire';
import { toCsv } from './csv';
import { indexedOn, isoUtc } from './portfolio-csv';

const usdc = (amount: bigint) => formatUnits(amount, USDC_DECIMALS);

export const TRANCHE_POSITIONS_CSV_HEADER = [
  'account',
  'chain_id',
  'pool',
  'pool_name',
  'category',
  'tranche',
  'tranche_vault',
  'tranche_symbol',
  'shares',
  'queued_shares',
  'filled_exit_to_collect_usdc',
  'value_usdc',
  'deposited_usdc',
  'withdrawn_usdc',
  'cost_basis_usdc',
  'unrealised_pnl_usdc',
  'realised_pnl_usdc',
  'revenue_claimed_usdc',
  'revenue_claimable_usdc',
  'total_return_usdc',
  'indexed_block',
  'indexed_at_utc',
] as const;

/**
 * A statement of accounts' positions per tranche (each row names its account), for spreadsheets: exact decimal amounts, the block each row's
 * figures reflect. Value is the shares at the vault's price (after any loss the tranche took); cost basis and P&L at
 * average cost, as the pool positions' CSV gives them.
 */
export function tranchePositionsCsv(positions: readonly TranchePosition[], indexed: IndexedAt | null) {
  return toCsv(
    TRANCHE_POSITIONS_CSV_HEADER,
    positions.map((p) => {
      const at = indexed ? indexedOn(indexed, p.chainId) : null;
      return [
        p.account,
        p.chainId ?? null,
        p.pool,
        p.poolName,
        p.category,
        p.side,
        p.tranche,
        p.symbol,
        formatUnits(p.shares, SHARE_DECIMALS),
        formatUnits(p.pendingRedeemShares, SHARE_DECIMALS),
        usdc(p.claimableRedeemAssets),
        usdc(p.value),
        usdc(p.deposited),
        usdc(p.withdrawn),
        usdc(p.costBasis),
        usdc(p.unrealisedPnl),
        usdc(p.realisedPnl),
        usdc(p.revenueClaimed),
        usdc(p.claimableRevenue),
        usdc(p.totalReturn),
        at ? at.block.toString() : null,
        at ? isoUtc(at.timestamp) : null,
      ];
    }),
  );
}
