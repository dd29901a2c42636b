/**
 * The flags every command shares (where to connect, who sends, how) and the zod schemas of flag values. A bad
 * value is refused with a message naming its flag, before anything connects.
 */
import type { ParseArgsConfig } from 'node:util';

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { getAddress, isAddress, parseUnits, type Address, type Hex } from 'viem';
import { z } from 'zod';
import { OpsError } from './ops-error';
import { displayChangingCharacter } from './untrusted-text';
import { parseUsdcAmount, USDC_DECIMALS } from './usdc-amount';

export const COMMON_OPTIONS = {
  'rpc-url': { type: 'string' },
  chain: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'private-key-env': { type: 'string' },
  keystore: { type: 'string' },
  safe: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const COMMON_HELP = [
  'Connection and sender (every command):',
  '  --rpc-url <url>           JSON-RPC endpoint (default: $RPC_URL); the chain id is read from it',
  '  --chain <id>              refuse to run unless the RPC is on this chain',
  '  --private-key-env <NAME>  environment variable holding the sender key (default: OPERATOR_PRIVATE_KEY)',
  '  --keystore <file>         a v3 keystore instead; its password from $KEYSTORE_PASSWORD',
  '  --safe <address> --out <file.json>',
  '                            write a Safe Transaction Builder batch for the Safe instead of sending;',
  '                            roles are checked and calls simulated with the Safe as sender',
  '  --dry-run                 simulate every call from the sender (eth_call) and print the plan and gas;',
  '                            nothing is sent',
  '  --from <address>          with --dry-run: simulate as this address, no key needed',
  'Addresses come from deployments/<chainId>.json (or $DEPLOYMENTS_DIR/<chainId>.json).',
  'Each receipt is waited for $OPS_RECEIPT_TIMEOUT_SECONDS (default 180); a step not mined by then is reported',
  'as sent and not to be rerun, and no command plans while the sender has a transaction pending.',
];

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

export const addressFlag = z
  .string(required('an address'))
  .refine((v) => isAddress(v), 'is not an address (0x and 40 hex digits)')
  .transform((v) => getAddress(v) as Address);

export const idFlag = z
  .string(required('an id'))
  .regex(/^[1-9]\d{0,30}$/, 'is not an id (a whole number from 1)')
  .transform((v) => BigInt(v));

export const usdcFlag = z.string(required('a USDC amount')).transform((text, ctx) => {
  const parsed = parseUsdcAmount(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

/** A USDC amount that may be zero (a limit of nothing), plain digits with at most six decimals. */
export const usdcOrZeroFlag = z
  .string(required('a USDC amount'))
  .regex(/^\d+(?:\.\d{1,6})?$/, 'is not a plain USDC amount with at most 6 decimals')
  .transform((v) => parseUnits(v, USDC_DECIMALS));

export const bytes32Flag = z
  .string(required('32 bytes of hex'))
  .regex(/^0x[0-9a-fA-F]{64}$/, 'is not 32 bytes of hex (0x and 64 hex digits)')
  .transform((v) => v.toLowerCase() as Hex);

/**
 * Free text that goes on chain (names, models, places, metadata URIs): no control or bidirectional-formatting
 * characters, which would show differently than they read in a terminal, an explorer and the app.
 */
export const textFlag = z
  .string(required('text'))
  .trim()
  .min(1, 'is empty')
  .superRefine((text, ctx) => {
    const found = displayChangingCharacter(text);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message: `holds a control or bidirectional-formatting character (${found}): type the text plainly`,
      });
    }
  });

/** One of `choices`, case-insensitive. */
export const choiceFlag = <const T extends readonly [string, ...string[]]>(choices: T) =>
  z
    .string(required(`one of ${choices.join(', ')}`))
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(choices, { error: `must be one of ${choices.join(', ')}` }));

type FlagValues = Record<string, string | boolean | undefined>;

/** Parses the flags a command defines with its schema; the first problem names its flag. */
export function parseFlags<T>(schema: z.ZodType<T>, values: FlagValues): T {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const flag = issue.path.length > 0 ? `--${issue.path.join('.')}` : 'flags';
  throw new OpsError(`${flag} ${issue.message}`);
}

export type CommonFlags = {
  rpcUrl?: string;
  chain?: number;
  dryRun: boolean;
  privateKeyEnv?: string;
  keystore?: string;
  safe?: Address;
  out?: string;
  from?: Address;
};

const commonSchema = z
  .object({
    'rpc-url': z.url('is not a URL').optional(),
    chain: z
      .string()
      .regex(/^[1-9]\d*$/, 'is not a chain id')
      .transform(Number)
      .optional(),
    'dry-run': z.boolean().optional(),
    'private-key-env': z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not an environment variable name')
      .optional(),
    keystore: z.string().min(1).optional(),
    safe: addressFlag.optional(),
    out: z.string().min(1).optional(),
    from: addressFlag.optional(),
  })
  .transform((v): CommonFlags => ({
    rpcUrl: v['rpc-url'],
    chain: v.chain,
    dryRun: v['dry-run'] ?? false,
    privateKeyEnv: v['private-key-env'],
    keystore: v.keystore,
    safe: v.safe,
    out: v.out,
    from: v.from,
  }));

export function parseCommonFlags(values: FlagValues): CommonFlags {
  const flags = parseFlags(commonSchema, values);
  if (flags.from && !flags.dryRun)
    throw new OpsError('--from only goes with --dry-run (sending needs a key or --safe)');
  if (flags.out && !flags.safe) throw new OpsError('--out writes a Safe batch: give --safe <address> too');
  if (flags.safe && !flags.out && !flags.dryRun) throw new OpsError('--safe needs --out <file.json> for the batch');
  if (flags.safe && (flags.keystore || flags.privateKeyEnv || flags.from)) {
    throw new OpsError('--safe writes a batch for the Safe owners to sign: no key or --from is used with it');
  }
  return flags;
}
