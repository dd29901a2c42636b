import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { AccountPosition, HistoryEntry } from '../indexer/wire';
import { historyCsv, isoUtc, positionsCsv, statementFilename } from './portfolio-csv';

const ACCOUNT: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const POOL: Address = '0xE451980132E65465d0a498c53f0b5227326Dd73F';
const INDEXED = { block: 501n, timestamp: 1_795_711_874n };

const position: AccountPosition = {
  pool: POOL,
  account: ACCOUNT,
  shares: 450_000_000000_000000_000000n,
  lockedShares: 1n,
  costBasis: 450_000_000000n,
  depositedAssets: 450_000_000000n,
  withdrawnAssets: 0n,
  realisedPnl: 0n,
  revenueClaimed: 41_152_986275n,
  poolName: 'Rotterdam AMR Fleet · Series A',
  poolSymbol: 'myROTA',
  category: 'robotics',
  poolStatus: 'active',
  value: 398_674_428969n,
  claimableRevenue: 4_716_204822n,
  unrealisedPnl: -51_325_571031n,
  totalReturn: -5_456_379934n,
};

describe('positions CSV', () => {
  it('has a header and one row per position, amounts exact to the base unit', () => {
    const lines = positionsCsv([position], INDEXED).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toMatch(
      /^account,chain_id,pool,pool_name,pool_symbol,category,pool_status,shares,locked_shares,value_usdc,/,
    );
    const header = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('account')).toBe(ACCOUNT);
    expect(cell('pool_name')).toBe('Rotterdam AMR Fleet · Series A');
    expect(cell('shares')).toBe('450000');
    expect(cell('locked_shares')).toBe('0.000000000000000001');
    expect(cell('value_usdc')).toBe('398674.428969');
    expect(cell('unrealised_pnl_usdc')).toBe('-51325.571031');
    expect(cell('yield_claimable_usdc')).toBe('4716.204822');
    expect(cell('total_return_usdc')).toBe('-5456.379934');
    expect(cell('indexed_block')).toBe('501');
    expect(cell('indexed_at_utc')).toBe('2026-11-26T16:51:14Z');
  });

  it('says each row’s chain and the block indexed on that chain, when the answer spans several', () => {
    const indexed = {
      ...INDEXED,
      chains: [
        { chainId: 84532, block: 501n, timestamp: 1_795_711_874n },
        { chainId: 11155111, block: 7_000n, timestamp: 1_795_711_860n },
      ],
    };
    const lines = positionsCsv(
      [
        { ...position, chainId: 84532 },
        { ...position, chainId: 11155111 },
      ],
      indexed,
    )
      .split('\r\n')
      .map((line) => line.split(','));
    const header = lines[0]!;
    const cell = (row: number, name: string) => lines[row]![header.indexOf(name)];
    expect([cell(1, 'chain_id'), cell(1, 'indexed_block')]).toEqual(['84532', '501']);
    expect([cell(2, 'chain_id'), cell(2, 'indexed_block')]).toEqual(['11155111', '7000']);
    expect(cell(2, 'indexed_at_utc')).toBe('2026-11-26T16:51:00Z');
  });

  it('is only the header for an empty portfolio', () => {
    expect(positionsCsv([], INDEXED).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('history CSV', () => {
  const entries: HistoryEntry[] = [
    {
      kind: 'claim',
      pool: POOL,
      tranche: null,
      account: ACCOUNT,
      amount: 7_088_588110n,
      shares: null,
      blockNumber: 465n,
      timestamp: 1_793_983_872n,
      txHash: '0xfb6e479441be9ec118f386cad794eef4dd0e8d4d272260d90a9bf745e5e6cd10',
      logOrder: 0,
    },
    {
      kind: 'redemption_request',
      pool: ACCOUNT,
      tranche: null,
      account: ACCOUNT,
      amount: null,
      shares: 10n ** 18n,
      blockNumber: 399n,
      timestamp: 1_791_478_271n,
      txHash: '0x95e6bed01dee5c7d766e225cccd97f718ed6ffcfa4d08352701c5b2a67dc4d3e',
      logOrder: 0,
    },
  ];
  const labels = new Map<PoolKey, PoolLabel>([
    [
      poolKey(undefined, POOL),
      { address: POOL, name: 'Rotterdam, "AMR" Fleet', symbol: 'myROTA', category: 'robotics' },
    ],
  ]);

  it('writes dates in UTC, empty cells for what a kind does not have, and quotes names', () => {
    expect(historyCsv(entries, labels, INDEXED)).toBe(
      'date_utc,kind,chain_id,pool,pool_name,amount_usdc,shares,account,block_number,tx_hash,indexed_block,tranche\r\n' +
        `2026-11-06T16:51:12Z,claim,,${POOL},"Rotterdam, ""AMR"" Fleet",7088.58811,,${ACCOUNT},465,${entries[0]!.txHash},501,\r\n` +
        `2026-10-08T16:51:11Z,redemption_request,,${ACCOUNT},,,1,${ACCOUNT},399,${entries[1]!.txHash},501,\r\n`,
    );
  });
});

describe('statement file names', () => {
  it('name the account, the statement and any filter', () => {
    expect(statementFilename(ACCOUNT, 'positions')).toBe(`machine-yield-${ACCOUNT}-positions.csv`);
    expect(statementFilename(ACCOUNT, 'history')).toBe(`machine-yield-${ACCOUNT}-history.csv`);
    expect(statementFilename(ACCOUNT, 'statement')).toBe(`machine-yield-${ACCOUNT}-statement.pdf`);
    expect(statementFilename(ACCOUNT, 'history', { kind: 'claim', pool: POOL })).toBe(
      `machine-yield-${ACCOUNT}-history-claim-${POOL}.csv`,
    );
  });

  it('turn unix seconds into ISO-8601 UTC', () => {
    expect(isoUtc(0n)).toBe('1970-01-01T00:00:00Z');
  });
});
