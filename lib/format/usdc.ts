import { formatUnits, parseUnits } from 'viem';

export const USDC_DECIMALS = 6;
/** Pool shares carry 12 decimals more than USDC (the vault's virtual offset). */
export const SHARE_DECIMALS = 18;

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const exact = new Intl.NumberFormat('en-US', { minimumFractionDigits: 6, maximumFractionDigits: 6 });
const shareFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

// Intl formats decimal strings exactly, so amounts go from bigint to text without passing through a float.
type Decimal = Intl.StringNumericLiteral;

/** "$1,234.56": USDC base units to dollars and cents, rounded half away from zero. */
export function formatUsdc(amount: bigint, opts: { compact?: boolean } = {}): string {
  const decimal = formatUnits(amount, USDC_DECIMALS) as Decimal;
  return (opts.compact ? usdCompact : usd).format(decimal);
}

/** "1,234.5" with every significant decimal (up to 6), for amounts the user typed or may type. */
export function formatUsdcPlain(amount: bigint): string {
  return plain.format(formatUnits(amount, USDC_DECIMALS) as Decimal);
}

/** "1,234.500000": every base unit shown, grouped, for statements that must reconcile to the chain. */
export function formatUsdcExact(amount: bigint): string {
  return exact.format(formatUnits(amount, USDC_DECIMALS) as Decimal);
}

/** The exact amount as an input value: "1234.5", no grouping, no rounding. */
export function usdcInputValue(amount: bigint): string {
  return formatUnits(amount, USDC_DECIMALS);
}

export function formatShares(shares: bigint): string {
  return shareFormat.format(formatUnits(shares, SHARE_DECIMALS) as Decimal);
}

type ParsedAmount = { ok: true; value: bigint } | { ok: false; error: string };

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The one parser of typed token amounts. Accepts "100", "100.5", ".5", "1,000.25" (grouping commas);
 * rejects anything else with a message the user can act on.
 */
function parseTokenInput(
  input: string,
  token: { decimals: number; name: string; format: (amount: bigint) => string },
  limits: { max?: bigint; min?: bigint; maxLabel?: string },
): ParsedAmount {
  const text = input.trim().replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (text === '') return { ok: false, error: 'Enter an amount.' };
  if (!DECIMAL.test(text)) return { ok: false, error: 'Use digits and one decimal point, like 250.50.' };
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  if (decimals > token.decimals)
    return { ok: false, error: `${token.name} has at most ${token.decimals} decimal places.` };
  const value = parseUnits(text, token.decimals);
  if (value === 0n) return { ok: false, error: 'Enter an amount greater than zero.' };
  if (limits.min !== undefined && value < limits.min) {
    return { ok: false, error: `The minimum is ${token.format(limits.min)}.` };
  }
  if (limits.max !== undefined && value > limits.max) {
    return {
      ok: false,
      error: `That is more than ${limits.maxLabel ?? 'your balance'} of ${token.format(limits.max)}.`,
    };
  }
  return { ok: true, value };
}

/** Typed USDC amounts (6 decimals), against the balance and the pool's minimum. */
export function parseUsdcInput(input: string, limits: { max?: bigint; min?: bigint } = {}): ParsedAmount {
  return parseTokenInput(input, { decimals: USDC_DECIMALS, name: 'USDC', format: formatUsdc }, limits);
}

/** Typed pool share amounts (18 decimals), against what the holder may use. */
export function parseSharesInput(input: string, limits: { max?: bigint; maxLabel?: string } = {}): ParsedAmount {
  return parseTokenInput(
    input,
    { decimals: SHARE_DECIMALS, name: 'A share', format: (v) => `${formatShares(v)} shares` },
    limits,
  );
}

/** The exact share amount as an input value. */
export function sharesInputValue(shares: bigint): string {
  return formatUnits(shares, SHARE_DECIMALS);
}
