import type { Address } from 'viem';
import { getAddress } from 'viem';
import { shortAddress } from '@/lib/format/address';

export function AddressLabel({ address }: { address: Address }) {
  return (
    <span className="font-mono text-[0.85em]" title={getAddress(address)}>
      {shortAddress(address)}
    </span>
  );
}
