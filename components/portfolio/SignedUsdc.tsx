import { formatUsdc } from '@/lib/format/usdc';

/** A gain in green with "+", a loss in red with "−"; what rounds to zero cents stays plain. */
export function SignedUsdc({ amount, className = '' }: { amount: bigint; className?: string }) {
  const magnitude = formatUsdc(amount < 0n ? -amount : amount);
  if (amount === 0n || magnitude === '$0.00') return <span className={className}>{formatUsdc(0n)}</span>;
  const gain = amount > 0n;
  return (
    <span className={`${gain ? 'text-positive' : 'text-negative'} ${className}`}>
      {gain ? '+' : '−'}
      {magnitude}
    </span>
  );
}
