import 'server-only';
import { z } from 'zod';
import type { ChainSettings } from '../chain/app-chain';

const chainIdSchema = z.coerce.number().int().positive();

/** Safe{Wallet}'s web app: where a Safe's owners open Safe apps. */
export const DEFAULT_SAFE_APP_ORIGINS = 'https://app.safe.global';

const serverEnvSchema = z.object({
  INDEXER_URL: z.url().default('http://127.0.0.1:42069'),
  RPC_URL: z.url().default('http://127.0.0.1:8545'),
  /** RPC the browser uses, when it must differ from the server's (a private node behind the server). */
  PUBLIC_RPC_URL: z.url().optional(),
  /** The one chain of a single-chain deployment; CHAIN_IDS, when set, lists several and must start with it. */
  CHAIN_ID: chainIdSchema.optional(),
  /** Several chains at once (`84532,11155111`): the first is the default chain of URLs that name none. */
  CHAIN_IDS: z
    .string()
    .regex(/^\d{1,16}(,\d{1,16})*$/, 'a comma-separated list of chain ids, e.g. 84532,11155111')
    .transform((list) => list.split(',').map(Number))
    .refine((ids) => new Set(ids).size === ids.length, 'a chain is listed twice')
    .refine((ids) => ids.every((id) => id > 0), 'chain ids are positive')
    .optional(),
  WALLETCONNECT_PROJECT_ID: z.string().min(1).optional(),
  /**
   * The Safe{Wallet} origins that may show the app as a Safe app, in a frame (CSP frame-ancestors): comma
   * separated https origins, `none` for no framing at all. Safe's own by default.
   */
  SAFE_APP_ORIGINS: z
    .string()
    .default(DEFAULT_SAFE_APP_ORIGINS)
    .transform((raw) =>
      raw.trim() === 'none'
        ? []
        : raw
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (origin) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin),
            'SAFE_APP_ORIGINS: each entry must be an https origin such as https://app.safe.global',
          ),
      ),
    ),
});

/** One chain the app serves: the server's RPC for its own reads, the browser's for the wallet's. */
export type ServedChain = { id: number; rpcUrl: string; publicRpcUrl: string };

export type ServerEnv = {
  INDEXER_URL: string;
  WALLETCONNECT_PROJECT_ID?: string;
  /** Origins that may frame the app as a Safe app (SAFE_APP_ORIGINS). */
  safeAppOrigins: string[];
  /** Every chain the app serves, the default one first; never empty. */
  chains: [ServedChain, ...ServedChain[]];
  /** The default chain: of URLs that name none, and of a single-chain deployment. */
  CHAIN_ID: number;
};

const url = z.url();

/**
 * Read at request time, not build time: one build serves any chains, indexer and RPCs. A chain after the
 * first has no default RPC: `RPC_URL_<id>` must name it (a public endpoint picked for the operator would be
 * rate-limited and unmonitored). Throws, naming the variable, on anything malformed or missing.
 */
export function serverEnv(vars: Readonly<Record<string, string | undefined>> = process.env): ServerEnv {
  // Read on every request, by the proxy and by every indexer read of a page: the answer for the same variables is
  // kept (the environment of a running server does not change, but tests change it).
  const key = envKey(vars);
  if (lastEnv?.key === key) return lastEnv.env;
  const env = parseServerEnv(vars);
  lastEnv = { key, env };
  return env;
}

let lastEnv: { key: string; env: ServerEnv } | undefined;

/** The variables serverEnv reads, as one string: the shared ones, and the per-chain RPCs of the chains named. */
function envKey(vars: Readonly<Record<string, string | undefined>>): string {
  const ids = (vars.CHAIN_IDS || vars.CHAIN_ID || '').split(',').map((id) => id.trim());
  const names = [
    'INDEXER_URL',
    'RPC_URL',
    'PUBLIC_RPC_URL',
    'CHAIN_ID',
    'CHAIN_IDS',
    'WALLETCONNECT_PROJECT_ID',
    'SAFE_APP_ORIGINS',
  ];
  for (const id of ids) names.push(`RPC_URL_${id}`, `PUBLIC_RPC_URL_${id}`);
  return names.map((name) => `${name}=${vars[name] ?? ''}`).join('\n');
}

function parseServerEnv(vars: Readonly<Record<string, string | undefined>>): ServerEnv {
  const set = (name: string) => vars[name] || undefined;
  const env = serverEnvSchema.parse({
    INDEXER_URL: set('INDEXER_URL'),
    RPC_URL: set('RPC_URL'),
    PUBLIC_RPC_URL: set('PUBLIC_RPC_URL'),
    CHAIN_ID: set('CHAIN_ID'),
    CHAIN_IDS: set('CHAIN_IDS')?.replace(/\s+/g, ''),
    WALLETCONNECT_PROJECT_ID: set('WALLETCONNECT_PROJECT_ID'),
    SAFE_APP_ORIGINS: set('SAFE_APP_ORIGINS'),
  });
  const ids = env.CHAIN_IDS ?? [env.CHAIN_ID ?? 31337];
  if (env.CHAIN_ID !== undefined && ids[0] !== env.CHAIN_ID) {
    throw new Error(`CHAIN_ID (${env.CHAIN_ID}) must be the first of CHAIN_IDS (${ids.join(',')}), or unset`);
  }
  const chains = ids.map((id, index): ServedChain => {
    const first = index === 0;
    const rpc = set(`RPC_URL_${id}`) ?? (first ? env.RPC_URL : undefined);
    if (!rpc) throw new Error(`RPC_URL_${id} is not set: every chain of CHAIN_IDS after the first needs its RPC`);
    const publicRpc = set(`PUBLIC_RPC_URL_${id}`) ?? (first ? env.PUBLIC_RPC_URL : undefined) ?? rpc;
    for (const [name, value] of [
      [`RPC_URL_${id}`, rpc],
      [`PUBLIC_RPC_URL_${id}`, publicRpc],
    ] as const) {
      if (!url.safeParse(value).success) throw new Error(`${name} is not a URL`);
    }
    return { id, rpcUrl: rpc, publicRpcUrl: publicRpc };
  });
  return {
    INDEXER_URL: env.INDEXER_URL,
    WALLETCONNECT_PROJECT_ID: env.WALLETCONNECT_PROJECT_ID,
    safeAppOrigins: env.SAFE_APP_ORIGINS,
    chains: chains as ServerEnv['chains'],
    CHAIN_ID: chains[0]!.id,
  };
}

/** What the browser may know of the chains: their ids and the RPCs its wallet client talks to. */
export function browserChainSettings(env = serverEnv()): [ChainSettings, ...ChainSettings[]] {
  return env.chains.map((chain) => ({ id: chain.id, rpcUrl: chain.publicRpcUrl })) as [
    ChainSettings,
    ...ChainSettings[],
  ];
}

/** The served chain a URL's `?chain=` names: the default one when absent, undefined when it names no chain served. */
export function servedChain(param: string | string[] | undefined, env = serverEnv()): ServedChain | undefined {
  if (param === undefined) return env.chains[0];
  if (typeof param !== 'string' || !/^\d{1,16}$/.test(param)) return undefined;
  return env.chains.find((chain) => chain.id === Number(param));
}

/**
 * Vercel's system variables (set on every Vercel deployment, read here per request like the rest): which
 * environment this is, and the git branch and commit a preview was built from. Unset outside Vercel.
 */
const vercelEnvSchema = z.object({
  // An unknown value counts as unset: it decides only whether the preview ribbon shows.
  VERCEL_ENV: z.enum(['production', 'preview', 'development']).optional().catch(undefined),
  VERCEL_GIT_COMMIT_REF: z.string().min(1).optional(),
  VERCEL_GIT_COMMIT_SHA: z.string().min(1).optional(),
});

export type VercelDeployment = z.infer<typeof vercelEnvSchema>;

export function vercelDeployment(): VercelDeployment {
  return vercelEnvSchema.parse({
    VERCEL_ENV: process.env.VERCEL_ENV || undefined,
    VERCEL_GIT_COMMIT_REF: process.env.VERCEL_GIT_COMMIT_REF || undefined,
    VERCEL_GIT_COMMIT_SHA: process.env.VERCEL_GIT_COMMIT_SHA || undefined,
  });
}
