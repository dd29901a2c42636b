import { getAddress, type Address } from 'viem';

/** "0x90F7…b906": the checksummed address, cut to its first and last four hex digits. */
export function shortAddress(address: Address): string {
  const checksummed = getAddress(address);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}
