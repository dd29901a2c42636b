import 'server-only';
import { chainName } from '@/lib/chain/app-chain';
import { serverEnv } from '@/lib/config/server-env';

/**
 * The chain a pool, machine or position is on, where the app serves several (CHAIN_IDS): the same name could
 * be a pool on each, and a deposit needs the wallet on the right one. With one chain it says nothing and
 * renders nothing.
 */
export function ChainBadge({ chainId }: { chainId: number | undefined }) {
  if (chainId === undefined || serverEnv().chains.length < 2) return null;
  return (
    <span
      data-testid="chain-badge"
      className="inline-flex shrink-0 items-center whitespace-nowrap rounded-full bg-surface-sunken px-2 py-0.5 text-xs font-medium text-ink-muted ring-1 ring-line ring-inset"
    >
      {chainName(chainId)}
    </span>
  );
}
