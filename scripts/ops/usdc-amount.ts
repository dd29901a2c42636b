import { formatUnits, parseUnits } from 'viem';
import { quoted } from './untrusted-text';

export const USDC_DECIMALS = 6;

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * A USDC amount as an operator writes it in a flag or a CSV cell: plain digits with at most six decimals
 * ("1250", "1250.5", "0.000001"). No grouping, sign, exponent or spaces: a figure that moves money is either
 * exactly what was meant or refused. Returns base units, or the reason it was refused.
 */
export function parseUsdcAmount(text: string): { ok: true; value: bigint } | { ok: false; error: string } {
  if (!PLAIN_DECIMAL.test(text))
    return { ok: false, error: `${quoted(text)} is not a plain decimal number like 1250.50` };
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  if (decimals > USDC_DECIMALS)
    return { ok: false, error: `${quoted(text)} has more than ${USDC_DECIMALS} decimal places` };
  const value = parseUnits(text, USDC_DECIMALS);
  if (value === 0n) return { ok: false, error: `${quoted(text)} is not more than zero` };
  return { ok: true, value };
}

/** "1,250.5 USDC": exact, never rounded (an operator checks these against their books). */
export function formatUsdcExact(amount: bigint): string {
  const [whole, fraction] = formatUnits(amount, USDC_DECIMALS).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction ? `${grouped}.${fraction}` : grouped} USDC`;
}
