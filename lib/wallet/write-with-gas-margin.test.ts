import { describe, expect, it } from 'vitest';
import { withGasMargin } from './gas-margin';

describe('withGasMargin', () => {
  it('adds a quarter to the estimate, rounding down to whole gas', () => {
    expect(withGasMargin(100_000n)).toBe(125_000n);
    expect(withGasMargin(21_001n)).toBe(26_251n);
  });
});
