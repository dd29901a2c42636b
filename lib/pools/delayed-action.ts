import { isAddress, keccak256, toHex } from 'viem';
import { shortAddress } from '../format/address';
import { formatUsdc } from '../format/usdc';

/** A call scheduled on the protocol timelock, as the indexer decodes it (bigints as decimal strings). */
type ScheduledCall = { functionName: string | null; args: readonly unknown[] | null };

const ROLE_NAMES = new Map<string, string>([
  [`0x${'0'.repeat(64)}`, 'admin'],
  ...(
    [
      ['POOL_MANAGER_ROLE', 'manager'],
      ['REVENUE_REPORTER_ROLE', 'revenue reporter'],
      ['GUARDIAN_ROLE', 'guardian'],
      ['COMPLIANCE_ROLE', 'compliance'],
      ['REGISTRAR_ROLE', 'registrar'],
      ['REPORTER_ROLE', 'utilization reporter'],
    ] as const
  ).map(([role, name]) => [keccak256(toHex(role)), name] as [string, string]),
]);

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');
const usdc = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? formatUsdc(BigInt(value)) : '?');
const short = (value: unknown) =>
  typeof value === 'string' && isAddress(value, { strict: false }) ? shortAddress(value) : text(value);
const role = (value: unknown) => (typeof value === 'string' && ROLE_NAMES.get(value.toLowerCase())) || 'a role';
const bps = (value: unknown) => `${(Number(text(value)) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

/**
 * What a scheduled change will do, in words an investor reads, for the pool's delayed functions; any other
 * call is shown as its name and raw arguments, so nothing scheduled is ever hidden.
 */
export function describeScheduledCall({ functionName, args }: ScheduledCall): string {
  const a = args ?? [];
  switch (functionName) {
    case 'setProtocolFee':
      return `Protocol fee to ${bps(a[1])}, paid to ${short(a[0])}`;
    case 'setAssetLimit':
      return `Limit of machine #${text(a[0])} to ${usdc(a[1])}`;
    case 'setDepositLimits':
      return `Deposit cap to ${usdc(a[0])}, minimum deposit ${usdc(a[1])}`;
    case 'markImpairment':
      return `Provision of machine #${text(a[0])} to ${usdc(a[1])}`;
    case 'recordWriteDown':
      return `Write down ${usdc(a[1])} of machine #${text(a[0])}`;
    case 'grantRole':
      return `Give the ${role(a[0])} role to ${short(a[1])}`;
    case 'revokeRole':
      return `Take the ${role(a[0])} role from ${short(a[1])}`;
    case null:
      return 'A call the app cannot decode';
    default:
      return `${functionName}(${a.map((v) => (Array.isArray(v) || typeof v === 'object' ? '…' : short(v))).join(', ')})`;
  }
}
