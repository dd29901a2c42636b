'use client';

import { isAddressEqual, type Address } from 'viem';
import { useAccount } from 'wagmi';

/** Tells a visitor that the portfolio they are reading is the wallet they have connected. */
export function OwnWalletNote({ address }: { address: Address }) {
  const { address: connected } = useAccount();
  if (!connected || !isAddressEqual(connected, address)) return null;
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full bg-accent/10 px-2.5 py-0.5 text-xs font-medium text-accent ring-1 ring-inset ring-accent/25"
      data-testid="own-wallet-note"
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      This is your wallet
    </span>
  );
}
