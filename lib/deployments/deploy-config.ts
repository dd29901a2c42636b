/**
 * The production deploy's config file (deploy/<network>.json): which chain, which existing USDC, the protocol's
 * economics, and who holds each role once the deployer has handed everything over. Validated in full before
 * anything is sent; every error names the field it is about.
 */
import fs from 'node:fs';
import { getAddress, isAddress, zeroAddress, type Address } from 'viem';
import { z } from 'zod';

/** The pools' bounds (contracts/src/pool/PoolStorage.sol): the factory reverts outside them. */
const MAX_PROTOCOL_FEE_BPS = 2_000;
const MAX_REVENUE_STREAM_DAYS = 90;
/** A timelock delay past 30 days would freeze every admin change for a month: surely a typo (seconds vs ms). */
const MAX_TIMELOCK_DELAY_SECONDS = 30 * 86_400;

/** A wrong type says what was expected; an absent field says so. */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`),
});

const address = z
  .string(expected('an address (0x and 40 hex digits)'))
  .refine((value) => isAddress(value), { message: 'is not an address, or its mixed-case checksum is wrong' })
  .transform((value) => getAddress(value))
  // The example configs ship zero addresses as placeholders: a deploy must never hand a role to nobody.
  .refine((value) => value !== zeroAddress, { message: 'is the zero address, a placeholder: fill in the real address' });

export type RoleKind = 'safe' | 'eoa' | 'unspecified';
export type RoleHolder = { address: Address; kind: RoleKind };

/** A role as a bare address, or `{ address, kind }`: `safe` is checked on chain to be a Safe, `eoa` to have no code. */
const roleHolder = z.preprocess(
  (value) => (typeof value === 'string' ? { address: value } : value),
  z
    .strictObject(
      { address, kind: z.enum(['safe', 'eoa'], expected('"safe" or "eoa"')).optional() },
      expected('an address or { "address": "0x..", "kind": "safe" | "eoa" }'),
    )
    .transform((holder): RoleHolder => ({ address: holder.address, kind: holder.kind ?? 'unspecified' })),
);

const roles = z.strictObject({
  /** DEFAULT_ADMIN of the registry and the factory: registers projects and creates pools. A Safe in production. */
  admin: roleHolder,
  /** Proposer and canceller of the ProtocolTimelock, the pools' admin. A Safe in production. */
  timelockProposer: roleHolder,
  /** Executor of ready timelock operations; left out, anyone may execute them once the delay is over. */
  timelockExecutor: roleHolder.optional(),
  /** Pauses the pools and cancels timelock operations. */
  guardian: roleHolder,
  manager: roleHolder,
  reporter: roleHolder,
  compliance: roleHolder,
  registrar: roleHolder,
  /** Receives the protocol fee. */
  treasury: roleHolder,
});

export const deployConfigSchema = z.strictObject({
  /** Free text for the people who keep the file; not used. */
  description: z.string(expected('text')).optional(),
  chainId: z.number(expected('a number')).int('must be a whole number').positive('must be positive'),
  usdc: address,
  protocolFeeBps: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of basis points')
    .min(0, 'must not be negative')
    .max(MAX_PROTOCOL_FEE_BPS, `must be at most ${MAX_PROTOCOL_FEE_BPS} (20 %), the pools' cap`),
  revenueStreamDays: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_REVENUE_STREAM_DAYS, `must be at most ${MAX_REVENUE_STREAM_DAYS} days, the pools' cap`),
  timelockDelaySeconds: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of seconds')
    .min(0, 'must not be negative')
    .max(MAX_TIMELOCK_DELAY_SECONDS, `must be at most ${MAX_TIMELOCK_DELAY_SECONDS} (30 days)`),
  roles,
});

export type DeployConfig = z.infer<typeof deployConfigSchema>;
export type RoleName = keyof DeployConfig['roles'];

export class DeployConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}

/** `roles.admin.address: is the zero address, ...`: the path of each problem, then what is wrong with it. */
function describeIssues(error: z.ZodError, raw: unknown): string {
  return error.issues
    .map((issue) => {
      // A role written as a bare address is named as the role, not as its `.address`.
      const parentPath = issue.path.slice(0, -1);
      const parent = parentPath.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown>)?.[key], raw);
      const path = issue.path.at(-1) === 'address' && typeof parent === 'string' ? parentPath : issue.path;
      const field = path.join('.') || '(the file)';
      if (issue.code === 'unrecognized_keys') {
        const at = issue.path.length > 0 ? `${field}: ` : '';
        return `${at}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
      }
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

export function parseDeployConfig(raw: unknown, source = 'deploy config'): DeployConfig {
  const parsed = deployConfigSchema.safeParse(raw);
  if (!parsed.success) throw new DeployConfigError(`${source}: ${describeIssues(parsed.error, raw)}`);
  return parsed.data;
}

export function readDeployConfig(file: string): DeployConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new DeployConfigError(`--config: cannot read ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DeployConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseDeployConfig(raw, file);
}

/** Every role holder with its name, the optional executor included when set. */
export function roleHolders(config: DeployConfig): { role: RoleName; holder: RoleHolder }[] {
  return (Object.entries(config.roles) as [RoleName, RoleHolder | undefined][])
    .filter((entry): entry is [RoleName, RoleHolder] => entry[1] !== undefined)
    .map(([role, holder]) => ({ role, holder }));
}
