import { describe, expect, it } from 'vitest';
import { parseAddressInput, parsePortfolioAddress } from './portfolio-address';

const CHECKSUMMED = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('the address in a portfolio URL', () => {
  it('accepts checksummed, lower and upper case, and gives the checksummed form', () => {
    expect(parsePortfolioAddress(CHECKSUMMED)).toBe(CHECKSUMMED);
    expect(parsePortfolioAddress(CHECKSUMMED.toLowerCase())).toBe(CHECKSUMMED);
    expect(parsePortfolioAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
  });

  it('refuses what is not an address, and mixed case that fails its checksum', () => {
    expect(parsePortfolioAddress('not-an-address')).toBeNull();
    expect(parsePortfolioAddress('0x1234')).toBeNull();
    expect(parsePortfolioAddress(`${CHECKSUMMED}00`)).toBeNull();
    expect(parsePortfolioAddress('0x3c44CdDdB6a900fa2b585dd299e03d12FA4293BC')).toBeNull();
  });
});

describe('an address typed into the form', () => {
  it('trims, and adds a missing 0x', () => {
    expect(parseAddressInput(`  ${CHECKSUMMED} `)).toEqual({ ok: true, address: CHECKSUMMED });
    expect(parseAddressInput(CHECKSUMMED.slice(2).toLowerCase())).toEqual({ ok: true, address: CHECKSUMMED });
  });

  it('says what is wrong', () => {
    expect(parseAddressInput('   ')).toEqual({ ok: false, error: 'Enter an address.' });
    expect(parseAddressInput('0x3C44CdDd')).toEqual({
      ok: false,
      error: 'That has 8 hexadecimal characters after 0x; an address has 40.',
    });
    expect(parseAddressInput('vitalik.eth')).toMatchObject({
      ok: false,
      error: expect.stringContaining('0x followed by 40'),
    });
    expect(parseAddressInput('0x3c44CdDdB6a900fa2b585dd299e03d12FA4293BC')).toMatchObject({
      ok: false,
      error: expect.stringContaining('checksum'),
    });
  });
});
