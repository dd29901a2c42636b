import type { Address } from 'viem';
import { appChain } from '../chain/app-chain';
import { assetHref, poolHref } from '../chain/chain-routes';
import { shortAddress } from '../format/address';
import { formatShares, formatUsdc } from '../format/usdc';
import type { Notice } from '../indexer/wire';
import { describeScheduledCall } from '../pools/delayed-action';
import type { FeedEntry } from './feed-document';

export type PoolLabel = { name: string; symbol: string };

const STATUS_NAMES: Record<string, string> = { raising: 'raising', active: 'active', closed: 'closed' };

/** A JSON detail from the indexer, read defensively: a malformed one reads as empty, never as a failed feed. */
function detailOf(notice: Notice): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(notice.detail ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const integer = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : null);
const usdc = (value: bigint | null) => (value === null ? '?' : formatUsdc(value));

/** The transaction on the chain's block explorer, when viem knows one for it (a local chain has none). */
export function transactionUrl(chainId: number, hash: `0x${string}`): string | null {
  const explorer = appChain({ id: chainId, rpcUrl: 'http://unused.invalid' }).blockExplorers?.default.url;
  return explorer ? `${explorer.replace(/\/$/, '')}/tx/${hash}` : null;
}

/**
 * One notice as a feed entry, in words an investor reads: what happened, to which pool, for how much. `origin`
 * makes its links absolute; `label` names its pool (an account's feed spans several).
 */
export function noticeEntry(notice: Notice, origin: string, label: PoolLabel | undefined): FeedEntry {
  const symbol = label?.symbol ?? shortAddress(notice.pool as Address);
  const poolName = label ? `${label.name} (${label.symbol})` : shortAddress(notice.pool as Address);
  const machine = notice.assetId === null ? 'a machine' : `machine #${notice.assetId}`;
  const { title, summary } = words(notice, { symbol, poolName, machine });
  const page =
    notice.assetId !== null && ['provision', 'write_down', 'recovery'].includes(notice.kind)
      ? assetHref(notice.chainId, notice.assetId)
      : poolHref(notice.chainId, notice.pool);
  return {
    id: `urn:machine-yield:${notice.chainId}:${notice.txHash}:${notice.kind}:${notice.sourceId}`,
    title,
    summary,
    url: new URL(page, origin).toString(),
    transactionUrl: transactionUrl(notice.chainId, notice.txHash),
    transactionHash: notice.txHash,
    published: new Date(Number(notice.timestamp) * 1000),
    tags: [notice.kind, symbol],
  };
}

function words(
  notice: Notice,
  { symbol, poolName, machine }: { symbol: string; poolName: string; machine: string },
): { title: string; summary: string } {
  const detail = detailOf(notice);
  switch (notice.kind) {
    case 'revenue_distributed':
      return {
        title: `Revenue distributed: ${usdc(notice.amount)} to ${symbol} holders`,
        summary: `${poolName}: ${machine} earned ${usdc(notice.gross)}; after the protocol fee, ${usdc(notice.amount)} goes to the pool's holders pro rata, claimable in cash as it streams in.`,
      };
    case 'redemption_filled':
      return {
        title: `Queued exit filled: ${usdc(notice.amount)}`,
        summary: `${poolName}: the queued exit of ${notice.account ? shortAddress(notice.account) : 'a holder'} was filled, ${notice.shares === null ? '' : `${formatShares(notice.shares)} ${symbol} for `}${usdc(notice.amount)}, ready to claim.`,
      };
    case 'provision':
      return {
        title: `Impairment: provision on ${machine} set to ${usdc(notice.amount)}`,
        summary: `${poolName}: an expected loss of ${usdc(notice.amount)} is marked against ${machine}. The share price reflects it at once, and exits are priced with it.`,
      };
    case 'write_down':
      return {
        title: `Write-down: ${usdc(notice.amount)} of ${machine}`,
        summary: `${poolName}: ${usdc(notice.amount)} of principal in ${machine} is written off; holders bear it pro rata.`,
      };
    case 'recovery':
      return {
        title: `Recovery: ${usdc(notice.amount)} from ${machine}`,
        summary: `${poolName}: ${usdc(notice.amount)} of written-off principal came back from ${machine}, and the share price rises with it.`,
      };
    case 'pool_status': {
      const from = STATUS_NAMES[String(detail.previousStatus)] ?? 'unknown';
      const to = STATUS_NAMES[String(detail.status)] ?? 'unknown';
      return {
        title: `Pool status: ${from} → ${to}`,
        summary: `${poolName} is now ${to}${to === 'closed' ? ': no new deposits; holders still withdraw and claim.' : '.'}`,
      };
    }
    case 'pool_deposit_limits': {
      const previous = integer(detail.previousDepositCap);
      const raised = previous !== null && notice.amount !== null && notice.amount > previous;
      return {
        title: raised ? `Deposit cap raised to ${usdc(notice.amount)}` : `Deposit cap set to ${usdc(notice.amount)}`,
        summary: `${poolName}: deposits up to ${usdc(notice.amount)} in all${previous === null ? '' : ` (was ${usdc(previous)})`}, from ${usdc(integer(detail.minDeposit))} each.`,
      };
    }
    case 'pool_paused':
      return {
        title: `Pool paused`,
        summary: `${poolName} is paused by its guardian: deposits, exits and distributions wait; claims of revenue still work.`,
      };
    case 'pool_unpaused':
      return { title: `Pool unpaused`, summary: `${poolName} is no longer paused.` };
    case 'change_scheduled': {
      const args = typeof detail.args === 'string' ? safeArray(detail.args) : null;
      const what = describeScheduledCall({
        functionName: typeof detail.functionName === 'string' ? detail.functionName : null,
        args,
      });
      const readyAt = integer(detail.readyAt);
      return {
        title: `Change scheduled: ${what}`,
        summary: `${poolName}: scheduled on the protocol timelock${readyAt === null ? '' : `; it may be carried out from ${new Date(Number(readyAt) * 1000).toISOString().replace('.000Z', 'Z')}`}. Until then it can be seen here, and holders who disagree can exit.`,
      };
    }
  }
}

function safeArray(json: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
