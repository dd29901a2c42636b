import { describe, expect, it } from 'vitest';
import { estimateRedemptionFill } from './redemption-estimate';
import { sharesToAssets } from './share-value';

const usdc = (n: number) => BigInt(Math.round(n * 1e6));
const shares = (n: number) => BigInt(n) * 10n ** 18n;

describe('estimateRedemptionFill', () => {
  // A pool at a share price of 1.00: 1,000,000 USDC and 1,000,000 shares.
  const pool = { totalAssets: usdc(1_000_000), totalSupply: shares(1_000_000) };

  it('converts shares the way the vault’s previewRedeem does', () => {
    expect(sharesToAssets(shares(100), pool.totalAssets, pool.totalSupply)).toBe(usdc(100));
    expect(sharesToAssets(0n, pool.totalAssets, pool.totalSupply)).toBe(0n);
  });

  it('waits for the shares ahead plus its own, less idle cash, at the pace of recent repayments', () => {
    const estimate = estimateRedemptionFill({
      ...pool,
      sharesAhead: shares(30_000),
      pendingShares: shares(20_000),
      idle: usdc(5_000),
      repaidLast90Days: usdc(90_000), // 1,000 a day
    });
    expect(estimate.assetsNeeded).toBe(usdc(50_000));
    expect(estimate.shortfall).toBe(usdc(45_000));
    expect(estimate.days).toBe(45);
    // A part of a day still counts as a day.
    expect(
      estimateRedemptionFill({
        ...pool,
        sharesAhead: 0n,
        pendingShares: shares(1_001),
        idle: 0n,
        repaidLast90Days: usdc(90_000),
      }).days,
    ).toBe(2);
  });

  it('says “now” when idle cash covers it, and “unknown” when nothing was repaid lately', () => {
    const covered = estimateRedemptionFill({
      ...pool,
      sharesAhead: 0n,
      pendingShares: shares(10),
      idle: usdc(100),
      repaidLast90Days: 0n,
    });
    expect(covered).toMatchObject({ shortfall: 0n, days: 0 });
    const stuck = estimateRedemptionFill({
      ...pool,
      sharesAhead: 0n,
      pendingShares: shares(10_000),
      idle: 0n,
      repaidLast90Days: 0n,
    });
    expect(stuck.days).toBeNull();
  });
});
