import { PDFDocument } from 'pdf-lib';
import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { poolKey, type PoolKey } from '../chain/pool-key';
import type { PoolLabel } from '../indexer/accounts';
import type { TranchePosition } from '../indexer/tranche-wire';
import type { AccountPosition, HistoryEntry, RedemptionRequest } from '../indexer/wire';
import { statementPdf, type StatementInput } from './statement-pdf';
import { statementPageTexts as pageTexts } from '../../e2e/fixtures/statement-pdf-text';

const ACCOUNT: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const POOL: Address = '0xE451980132E65465d0a498c53f0b5227326Dd73F';
const LEFT_POOL: Address = '0x0000000000000000000000000000000000000b0b';

const position: AccountPosition = {
  pool: POOL,
  account: ACCOUNT,
  shares: 450_000_000000_000000_000000n,
  lockedShares: 0n,
  costBasis: 450_000_000000n,
  depositedAssets: 450_000_000000n,
  withdrawnAssets: 0n,
  realisedPnl: 1_000001n,
  revenueClaimed: 41_152_986275n,
  poolName: 'Rotterdam AMR Fleet · Series A',
  poolSymbol: 'myROTA',
  category: 'robotics',
  poolStatus: 'active',
  value: 398_674_428969n,
  claimableRevenue: 4_716_204822n,
  unrealisedPnl: -51_325_571031n,
  totalReturn: -5_455_379933n,
};

const TRANCHED_POOL: Address = '0x84eA74d481Ee0A5332c457a4d796187F6Ba67fEB';
const trancheHolding: TranchePosition = {
  account: ACCOUNT,
  pool: TRANCHED_POOL,
  poolName: 'Austin B200 Inference · Tranched',
  category: 'compute',
  tranche: '0xa82fF9aFd8f496c3d6ac40e2a0F282E47488CFc9',
  side: 'junior',
  symbol: 'myAUSTJ',
  shares: 100_000_000000_000000_000000n,
  value: 103_250_123456n,
  deposited: 100_000_000000n,
  withdrawn: 0n,
  costBasis: 100_000_000000n,
  unrealisedPnl: 3_250_123456n,
  realisedPnl: 0n,
  revenueClaimed: 2_000_000001n,
  claimableRevenue: 111_111111n,
  pendingRedeemShares: 0n,
  claimableRedeemAssets: 0n,
  totalReturn: 3_250_123456n + 2_000_000001n + 111_111111n,
};

const request: RedemptionRequest = {
  pool: POOL,
  requestId: 7n,
  owner: ACCOUNT,
  requestedShares: 10n ** 22n,
  pendingShares: 4n * 10n ** 21n,
  filledShares: 6n * 10n ** 21n,
  filledAssets: 5_999_999999n,
  claimedAssets: 0n,
  cancelledShares: 0n,
  status: 'partially_filled',
  requestedAt: 1_791_478_271n,
  requestedAtBlock: 399n,
  updatedAt: 1_791_478_271n,
  txHash: '0x95e6bed01dee5c7d766e225cccd97f718ed6ffcfa4d08352701c5b2a67dc4d3e',
  sharesAhead: 0n,
  queuePosition: 1,
};

function entry(i: number): HistoryEntry {
  return {
    kind: i % 2 === 0 ? 'claim' : 'deposit',
    pool: i === 0 ? LEFT_POOL : POOL,
    tranche: null,
    account: ACCOUNT,
    amount: 1_000_000n + BigInt(i),
    shares: i % 2 === 0 ? null : 10n ** 18n,
    blockNumber: 100n + BigInt(i),
    timestamp: 1_793_983_872n - BigInt(i) * 3600n,
    txHash: `0x${i.toString(16).padStart(64, '0')}`,
    logOrder: 0,
  };
}

function input(overrides: Partial<StatementInput> = {}): StatementInput {
  return {
    account: ACCOUNT,
    positions: [position],
    tranchePositions: [],
    redemptions: [request],
    history: [entry(0), entry(1)],
    historyTruncated: false,
    indexed: { block: 501n, timestamp: 1_795_711_874n },
    pools: new Map<PoolKey, PoolLabel>([
      [poolKey(undefined, POOL), { address: POOL, name: position.poolName, symbol: 'myROTA', category: 'robotics' }],
      [
        poolKey(undefined, LEFT_POOL),
        { address: LEFT_POOL, name: 'Osaka H100 Cluster 東京', symbol: 'myOSA', category: 'compute' },
      ],
    ]),
    generatedAt: new Date('2026-11-26T18:00:00Z'),
    ...overrides,
  };
}

describe('PDF statement', () => {
  it('names the account and the block, with document metadata to file it by', async () => {
    const bytes = await statementPdf(input());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe(`Machine Yield account statement ${ACCOUNT}`);
    expect(doc.getSubject()).toContain('block 501');
    const [text] = await pageTexts(bytes);
    expect(text).toContain(ACCOUNT);
    expect(text).toContain('Figures as of block 501 (2026-11-26T16:51:14Z)');
    expect(text).toContain('Generated 2026-11-26T18:00:00Z.');
    expect(text).toContain(`Machine Yield · ${ACCOUNT} · block 501 · page 1 of 1`);
  });

  it('shows every figure exact to the base unit, totals included', async () => {
    const [text] = await pageTexts(await statementPdf(input()));
    for (const figure of ['398,674.428969', '450,000.000000', '-51,325.571031', '1.000001', '41,152.986275']) {
      expect(text).toContain(figure);
    }
    expect(text).toContain('4,716.204822'); // claimable
    expect(text).toContain('-5,455.379933'); // total return
    expect(text).toContain('450,000'); // shares
    expect(text).toContain('Rotterdam AMR Fleet · Series A');
  });

  it('lists open redemption requests with their place in the queue, and the history with full hashes', async () => {
    const [text] = await pageTexts(await statementPdf(input()));
    expect(text).toContain('#7');
    expect(text).toContain('Partly filled');
    expect(text).toContain('5,999.999999');
    expect(text).toContain('2026-10-08T16:51:11Z');
    expect(text).toContain('Yield claimed');
    expect(text).toContain(entry(1).txHash);
    // A name the standard fonts cannot draw is kept readable, not dropped and not an error.
    expect(text).toContain('Osaka H100 Cluster ??');
  });

  it('runs over as many pages as the history needs, repeating table headers and counting pages', async () => {
    const history = Array.from({ length: 120 }, (_, i) => entry(i));
    const texts = await pageTexts(await statementPdf(input({ history, historyTruncated: true })));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    const all = texts.join('\n');
    for (const e of history) expect(all).toContain(e.txHash);
    texts.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${texts.length}`));
    expect(texts.at(-1)).toContain('Transaction'); // the history header again on a later page
    expect(all).toContain('The latest 120 entries');
  });

  it('spanning two chains, names each pool’s chain and each chain’s block (the same address on both)', async () => {
    const pools = new Map<PoolKey, PoolLabel>([
      [poolKey(84532, POOL), { chainId: 84532, address: POOL, name: 'Rotterdam', symbol: 'R', category: 'robotics' }],
      [poolKey(11155111, POOL), { chainId: 11155111, address: POOL, name: 'Osaka', symbol: 'O', category: 'compute' }],
    ]);
    const [text] = await pageTexts(
      await statementPdf(
        input({
          positions: [{ ...position, chainId: 84532 }],
          redemptions: [],
          history: [{ ...entry(1), chainId: 11155111 }],
          pools,
          indexed: {
            block: 900n,
            timestamp: 1_795_711_874n,
            chains: [
              { chainId: 84532, block: 501n, timestamp: 1_795_711_874n },
              { chainId: 11155111, block: 900n, timestamp: 1_795_711_870n },
            ],
          },
        }),
      ),
    );
    expect(text).toContain('Rotterdam (Base Sepolia)');
    expect(text).toContain('Osaka (Sepolia)');
    expect(text).toContain('Base Sepolia block 501, Sepolia block 900');
  });

  it('lists tranche positions apart and adds them into the summary, exact', async () => {
    const [text] = await pageTexts(await statementPdf(input({ tranchePositions: [trancheHolding] })));
    expect(text).toContain('Tranche positions');
    expect(text).toContain('Austin B200 Inference · Tranched');
    expect(text).toContain('Junior');
    for (const figure of ['103,250.123456', '100,000.000000', '3,250.123456', '2,000.000001', '111.111111']) {
      expect(text).toContain(figure);
    }
    // Summary: the pool's and the tranche's, added to the base unit.
    expect(text).toContain('501,924.552425'); // value 398,674.428969 + 103,250.123456
    expect(text).toContain('-94.145365'); // total return: −5,455.379933 + 5,361.234568
  });

  it('has no tranche section for an account without tranches', async () => {
    const [text] = await pageTexts(await statementPdf(input()));
    expect(text).not.toContain('Tranche positions');
  });

  it('says so when there is nothing to report', async () => {
    const [text] = await pageTexts(await statementPdf(input({ positions: [], redemptions: [], history: [] })));
    expect(text).toContain('No positions.');
    expect(text).toContain('No redemption request is waiting.');
    expect(text).toContain('No history.');
    expect(text).toContain('0.000000');
  });
});
