import { getAddress, type Address } from 'viem';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The address in a portfolio URL, checksummed; null when it is not one. All-lower and all-upper case
 * are accepted as they are pasted; mixed case must match its EIP-55 checksum, which exists to catch typos.
 */
export function parsePortfolioAddress(segment: string): Address | null {
  if (!HEX_ADDRESS.test(segment)) return null;
  const digits = segment.slice(2);
  const oneCase = digits === digits.toLowerCase() || digits === digits.toUpperCase();
  const address = getAddress(segment.toLowerCase());
  return oneCase || address === segment ? address : null;
}

type AddressInput = { ok: true; address: Address } | { ok: false; error: string };

/** What someone typed into "View any address": the address, or a message that says what to fix. */
export function parseAddressInput(input: string): AddressInput {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter an address.' };
  const prefixed = /^[0-9a-fA-F]{40}$/.test(text) ? `0x${text}` : text;
  if (!HEX_ADDRESS.test(prefixed)) {
    if (/^0x[0-9a-fA-F]*$/i.test(prefixed)) {
      const digits = prefixed.length - 2;
      return {
        ok: false,
        error: `That has ${digits} hexadecimal ${digits === 1 ? 'character' : 'characters'} after 0x; an address has 40.`,
      };
    }
    return { ok: false, error: 'An address is 0x followed by 40 hexadecimal characters (0–9, a–f).' };
  }
  const address = parsePortfolioAddress(prefixed);
  if (!address) {
    return {
      ok: false,
      error: 'Its upper and lower case letters do not match the address checksum. Check it for a typo.',
    };
  }
  return { ok: true, address };
}

export function portfolioPath(address: Address): string {
  return `/portfolio/${address}`;
}
