import type { Address } from 'viem';
import { getAddress } from 'viem';

export function shortAddress(address: Address): string {
  const checksummed = getAddress(address);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}

export function AddressLabel({ address }: { address: Address }) {
  return (
    <span className="font-mono text-[0.85em]" title={getAddress(address)}>
      {shortAddress(address)}
    </span>
  );
}
