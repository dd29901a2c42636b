import { describe, expect, it } from 'vitest';
import { parseUnits } from 'viem';
import type { TranchePosition } from '../indexer/tranche-wire';
import { TRANCHE_POSITIONS_CSV_HEADER, tranchePositionsCsv } from './tranche-csv';

const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const position: TranchePosition = {
  chainId: 31337,
  account,
  pool: '0x84ea74d481ee0a5332c457a4d796187f6ba67feb',
  poolName: '=Austin B200 · Tranched',
  category: 'compute',
  tranche: '0xa82ff9afd8f496c3d6ac40e2a0f282e47488cfc9',
  side: 'junior',
  symbol: 'myAUSTJ',
  shares: parseUnits('1000.5', 18),
  value: 1_000_500_001n,
  deposited: 1_000_000_000n,
  withdrawn: 0n,
  costBasis: 1_000_000_000n,
  unrealisedPnl: 500_001n,
  realisedPnl: -1_250_000n,
  revenueClaimed: 12_345_678n,
  claimableRevenue: 500_000n,
  totalReturn: 500_001n - 1_250_000n + 12_345_678n + 500_000n,
  pendingRedeemShares: 0n,
  claimableRedeemAssets: 2_500_000n,
};

describe('tranchePositionsCsv', () => {
  it('writes one row per tranche with exact amounts and the block of its chain', () => {
    const csv = tranchePositionsCsv([position], {
      block: 99n,
      timestamp: 1_700_000_000n,
      chains: [{ chainId: 31337, block: 42n, timestamp: 1_764_000_000n }],
    });
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(TRANCHE_POSITIONS_CSV_HEADER.join(','));
    const cells = row!.split(',');
    const at = (name: (typeof TRANCHE_POSITIONS_CSV_HEADER)[number]) =>
      cells[TRANCHE_POSITIONS_CSV_HEADER.indexOf(name)];
    expect(at('account')).toBe(account);
    expect(at('tranche')).toBe('junior');
    expect(at('shares')).toBe('1000.5');
    expect(at('value_usdc')).toBe('1000.500001');
    expect(at('revenue_claimed_usdc')).toBe('12.345678');
    expect(at('cost_basis_usdc')).toBe('1000');
    expect(at('unrealised_pnl_usdc')).toBe('0.500001');
    expect(at('realised_pnl_usdc')).toBe('-1.25');
    expect(at('total_return_usdc')).toBe('12.095679');
    expect(at('revenue_claimable_usdc')).toBe('0.5');
    expect(at('filled_exit_to_collect_usdc')).toBe('2.5');
    expect(at('indexed_block')).toBe('42');
    // A name set on chain cannot run as a spreadsheet formula.
    expect(at('pool_name')).toBe("'=Austin B200 · Tranched");
  });

  it('is a header alone for an account without tranche positions', () => {
    expect(tranchePositionsCsv([], null).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
