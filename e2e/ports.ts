import path from 'node:path';

/** The end-to-end stack's own ports (scripts/stack.ts e2e), apart from `npm run dev`'s. */
export const E2E_PORTS = {
  chain: Number(process.env.E2E_CHAIN_PORT ?? 8645),
  indexer: Number(process.env.E2E_INDEXER_PORT ?? 42169),
  app: Number(process.env.E2E_APP_PORT ?? 3100),
};

/**
 * Which stack the tests run against: the seeded local chain by default; the rehearsal's config
 * (playwright.rehearsal.config.ts) points them at its Base Sepolia-id chain and its own manifest folder.
 */
export const E2E_STACK = {
  chainId: Number(process.env.E2E_CHAIN_ID ?? 31337),
  deploymentsDir: path.resolve(process.env.E2E_DEPLOYMENTS_DIR ?? path.join('.stack', 'e2e', 'deployments')),
};
