import 'server-only';
import { z } from 'zod';
import type { ChainSettings } from '../chain/app-chain';

const serverEnvSchema = z.object({
  INDEXER_URL: z.url().default('http://127.0.0.1:42069'),
  RPC_URL: z.url().default('http://127.0.0.1:8545'),
  /** RPC the browser uses, when it must differ from the server's (a private node behind the server). */
  PUBLIC_RPC_URL: z.url().optional(),
  CHAIN_ID: z.coerce.number().int().positive().default(31337),
  WALLETCONNECT_PROJECT_ID: z.string().min(1).optional(),
});

type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Read at request time, not build time: one build serves any chain, indexer and RPC. */
export function serverEnv(): ServerEnv {
  return serverEnvSchema.parse({
    INDEXER_URL: process.env.INDEXER_URL || undefined,
    RPC_URL: process.env.RPC_URL || undefined,
    PUBLIC_RPC_URL: process.env.PUBLIC_RPC_URL || undefined,
    CHAIN_ID: process.env.CHAIN_ID || undefined,
    WALLETCONNECT_PROJECT_ID: process.env.WALLETCONNECT_PROJECT_ID || undefined,
  });
}

export function browserChainSettings(env = serverEnv()): ChainSettings {
  return { id: env.CHAIN_ID, rpcUrl: env.PUBLIC_RPC_URL ?? env.RPC_URL };
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
