/** The end-to-end stack's own ports (scripts/stack.ts e2e), apart from `npm run dev`'s. */
export const E2E_PORTS = {
  chain: Number(process.env.E2E_CHAIN_PORT ?? 8645),
  indexer: Number(process.env.E2E_INDEXER_PORT ?? 42169),
  app: Number(process.env.E2E_APP_PORT ?? 3100),
};
