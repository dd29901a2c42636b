import { describe, expect, it } from 'vitest';
import { sharePrice } from './share-price';

describe('sharePrice', () => {
  it('is one dollar in an empty pool and after 1:1 deposits', () => {
    expect(sharePrice(0n, 0n)).toBe(1_000_000n);
    expect(sharePrice(388_750_500_000n, 388_750_500_000_000_000_000_000n)).toBe(1_000_000n);
  });

  it('rises when assets grow against the same supply', () => {
    // 100 USDC of shares now backed by 110 USDC.
    expect(sharePrice(110_000_000n, 100_000_000_000_000_000_000n)).toBe(1_099_999n);
  });
});
