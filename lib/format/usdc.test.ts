import { describe, expect, it } from 'vitest';
import {
  formatShares,
  formatUsdc,
  formatUsdcExact,
  formatUsdcPlain,
  parseSharesInput,
  parseUsdcInput,
  sharesInputValue,
  usdcInputValue,
} from './usdc';

describe('formatUsdc', () => {
  it('formats base units as dollars with thousands separators', () => {
    expect(formatUsdc(388_750_500_000n)).toBe('$388,750.50');
    expect(formatUsdc(0n)).toBe('$0.00');
    expect(formatUsdc(1n)).toBe('$0.00');
    expect(formatUsdc(5_000n)).toBe('$0.01'); // half a cent rounds up
  });

  it('stays exact beyond float precision', () => {
    // 2^53 + 1 base units would lose its last digit as a JavaScript number.
    expect(formatUsdc(9_007_199_254_740_993n)).toBe('$9,007,199,254.74');
    expect(formatUsdcPlain(9_007_199_254_740_993n)).toBe('9,007,199,254.740993');
  });

  it('shows every base unit for statements', () => {
    expect(formatUsdcExact(9_007_199_254_740_993n)).toBe('9,007,199,254.740993');
    expect(formatUsdcExact(1_500_000n)).toBe('1.500000');
    expect(formatUsdcExact(1n)).toBe('0.000001');
    expect(formatUsdcExact(-2_000_001n)).toBe('-2.000001');
  });

  it('formats negative amounts', () => {
    expect(formatUsdc(-1_500_000n)).toBe('-$1.50');
  });

  it('has a compact form for headline figures', () => {
    expect(formatUsdc(388_750_500_000n, { compact: true })).toBe('$388.75K');
    expect(formatUsdc(12_400_000_000_000n, { compact: true })).toBe('$12.4M');
  });
});

describe('formatShares and usdcInputValue', () => {
  it('formats 18-decimal shares to four places', () => {
    expect(formatShares(100_000_000_000_000_000_000n)).toBe('100');
    expect(formatShares(1_234_567_800_000_000_000_000n)).toBe('1,234.5678');
  });

  it('gives the exact amount for an input field', () => {
    expect(usdcInputValue(1_000_000_250_000n)).toBe('1000000.25');
  });
});

describe('parseUsdcInput', () => {
  it('parses whole and decimal amounts to base units', () => {
    expect(parseUsdcInput('100')).toEqual({ ok: true, value: 100_000_000n });
    expect(parseUsdcInput(' 100.5 ')).toEqual({ ok: true, value: 100_500_000n });
    expect(parseUsdcInput('.25')).toEqual({ ok: true, value: 250_000n });
    expect(parseUsdcInput('1,000,000.000001')).toEqual({ ok: true, value: 1_000_000_000_001n });
  });

  it('rejects what is not an amount, saying why', () => {
    expect(parseUsdcInput('')).toEqual({ ok: false, error: 'Enter an amount.' });
    expect(parseUsdcInput('abc').ok).toBe(false);
    expect(parseUsdcInput('1e6').ok).toBe(false);
    expect(parseUsdcInput('-5').ok).toBe(false);
    expect(parseUsdcInput('1.2.3').ok).toBe(false);
    expect(parseUsdcInput('1,00').ok).toBe(false);
    expect(parseUsdcInput('0x10').ok).toBe(false);
  });

  it('rejects more than six decimals and zero', () => {
    expect(parseUsdcInput('0.0000001')).toEqual({ ok: false, error: 'USDC has at most 6 decimal places.' });
    expect(parseUsdcInput('0.000')).toEqual({ ok: false, error: 'Enter an amount greater than zero.' });
  });

  it('enforces the balance and a minimum', () => {
    expect(parseUsdcInput('101', { max: 100_000_000n })).toEqual({
      ok: false,
      error: 'That is more than your balance of $100.00.',
    });
    expect(parseUsdcInput('100', { max: 100_000_000n })).toEqual({ ok: true, value: 100_000_000n });
    expect(parseUsdcInput('0.5', { min: 1_000_000n })).toEqual({ ok: false, error: 'The minimum is $1.00.' });
  });

  it('parses share amounts with 18 decimals against the shares the holder may use', () => {
    expect(parseSharesInput('1.5')).toEqual({ ok: true, value: 1_500_000_000_000_000_000n });
    expect(parseSharesInput('2', { max: 10n ** 18n, maxLabel: 'your unlocked shares' })).toEqual({
      ok: false,
      error: 'That is more than your unlocked shares of 1 shares.',
    });
    expect(parseSharesInput(sharesInputValue(123_456_789_012_345_678_901n))).toEqual({
      ok: true,
      value: 123_456_789_012_345_678_901n,
    });
  });
});
